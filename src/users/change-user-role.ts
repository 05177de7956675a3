import { eq, inArray } from "drizzle-orm";
import { coordinatorState, state, user } from "../db/schema/index.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { notFound, validationFailed } from "../lib/errors.ts";
import { writeAudit } from "../moderation/audit.ts";
import { parseInput } from "../organiser/organiser.schemas.ts";
import { findManagedUser, rowIdOf } from "./load-user.ts";
import { RoleInput } from "./users.schemas.ts";
import { requireMayManage, requireNotSelf, requireUserAdmin } from "./users-access.ts";

/**
 * Sets an account's role and, for a coordinator, its Länder (at least one; other roles have none).
 * Editors change organisers and coordinators only; making or changing an editor or admin is the admins' (403).
 * Not on one's own account (409). One transaction with its audit row.
 */
export async function changeUserRole({ ctx, input }: { ctx: VerbCtx; input: { id: unknown } & Record<string, unknown> }): Promise<void> {
  const actor = requireUserAdmin(ctx.actor);
  const id = rowIdOf(input.id);
  if (!id) throw notFound("User not found");
  const { role, stateCodes: raw } = parseInput(RoleInput, input);
  const stateCodes = [...new Set(raw)].sort();
  if (role === "coordinator" && stateCodes.length === 0) throw validationFailed({ stateCodes: "chooseState" });
  if (role !== "coordinator" && stateCodes.length > 0) throw validationFailed({ stateCodes: "statesOnlyCoordinators" });
  await ctx.db.transaction(async (tx) => {
    const target = await findManagedUser(tx, id, true);
    requireNotSelf(actor, id);
    requireMayManage(actor, target.role, role);
    if (stateCodes.length) {
      const known = await tx.select({ code: state.code }).from(state).where(inArray(state.code, stateCodes));
      if (known.length !== stateCodes.length) throw validationFailed({ stateCodes: "choose" });
    }
    const same = target.role === role && target.stateCodes.join(",") === stateCodes.join(",");
    if (same) return;
    await tx.update(user).set({ role }).where(eq(user.id, id));
    await tx.delete(coordinatorState).where(eq(coordinatorState.userId, id));
    if (stateCodes.length) await tx.insert(coordinatorState).values(stateCodes.map((stateCode) => ({ userId: id, stateCode })));
    const show = (r: string, s: string[]) => (s.length ? `${r} (${s.join(", ")})` : r);
    await writeAudit(tx, actor, {
      action: "user.role",
      objectType: "user",
      objectId: id,
      stateCode: null,
      summary: `Rolle von ${target.email}: ${show(target.role, target.stateCodes)} → ${show(role, stateCodes)}`,
      before: { role: target.role, stateCodes: target.stateCodes },
      after: { role, stateCodes },
    });
  });
}
