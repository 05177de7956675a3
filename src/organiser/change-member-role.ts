import { and, eq } from "drizzle-orm";
import { membership } from "../db/schema/index.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { conflict, notFound, validationFailed } from "../lib/errors.ts";
import { auditMembership, userLabel } from "./membership-audit.ts";
import { loadOwnedOrganisation } from "./organisation-access.ts";

/** An owner makes a member an owner (to hand over the organisation) or an owner a member; the last owner stays. */
export async function changeMemberRole({
  ctx,
  input,
}: {
  ctx: VerbCtx;
  input: { organisationId: number; userId: number; role: unknown };
}): Promise<void> {
  const { actor, org } = await loadOwnedOrganisation(ctx.db, ctx.actor, input.organisationId);
  if (input.role !== "owner" && input.role !== "member") throw validationFailed({ role: "choose" });
  const role = input.role;
  await ctx.db.transaction(async (tx) => {
    const members = await tx.select().from(membership).where(eq(membership.organisationId, org.id)).for("update");
    const target = members.find((m) => m.userId === input.userId);
    if (!target) throw notFound("Member not found");
    if (target.role === "owner" && role === "member" && members.filter((m) => m.role === "owner").length <= 1) {
      throw conflict("The last owner cannot become a plain member");
    }
    await tx
      .update(membership)
      .set({ role })
      .where(and(eq(membership.organisationId, org.id), eq(membership.userId, input.userId)));
    await auditMembership(tx, actor, org, {
      action: "role",
      objectId: String(input.userId),
      summary: `Rolle von ${await userLabel(tx, input.userId)}: ${target.role} → ${role}`,
      before: { role: target.role },
      after: { role },
    });
  });
}
