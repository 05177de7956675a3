import { and, eq } from "drizzle-orm";
import { membership } from "../db/schema/index.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { conflict, forbidden, notFound } from "../lib/errors.ts";
import { auditMembership, userLabel } from "./membership-audit.ts";
import { loadOwnOrganisation } from "./organisation-access.ts";

/**
 * Owners remove members; any member may leave. The last owner can neither leave nor be removed:
 * an organisation always keeps someone who can manage it.
 */
export async function removeMember({ ctx, input }: { ctx: VerbCtx; input: { organisationId: number; userId: number } }): Promise<void> {
  const { actor, org, role } = await loadOwnOrganisation(ctx.db, ctx.actor, input.organisationId);
  if (role !== "owner" && input.userId !== actor.userId) throw forbidden("Only owners remove other members");
  await ctx.db.transaction(async (tx) => {
    // Lock the organisation's memberships so two owners leaving at once cannot both succeed.
    const members = await tx.select().from(membership).where(eq(membership.organisationId, org.id)).for("update");
    const target = members.find((m) => m.userId === input.userId);
    if (!target) throw notFound("Member not found");
    if (target.role === "owner" && members.filter((m) => m.role === "owner").length <= 1) {
      throw conflict("The last owner cannot leave the organisation");
    }
    const who = await userLabel(tx, input.userId);
    await tx.delete(membership).where(and(eq(membership.organisationId, org.id), eq(membership.userId, input.userId)));
    const left = input.userId === actor.userId;
    await auditMembership(tx, actor, org, {
      action: left ? "leave" : "remove",
      objectId: String(input.userId),
      summary: `${who} ${left ? "hat die Organisation verlassen" : "entfernt"} (${target.role} → –)`,
      before: { role: target.role },
      after: null,
    });
  });
}
