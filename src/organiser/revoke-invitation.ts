import { and, eq, isNull } from "drizzle-orm";
import { organisationInvitation } from "../db/schema/index.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { notFound } from "../lib/errors.ts";
import { auditMembership } from "./membership-audit.ts";
import { loadOwnedOrganisation } from "./organisation-access.ts";

/** An owner withdraws an open invitation; its link stops working at once. */
export async function revokeInvitation({
  ctx,
  input,
}: {
  ctx: VerbCtx;
  input: { organisationId: number; invitationId: number };
}): Promise<void> {
  const { actor, org } = await loadOwnedOrganisation(ctx.db, ctx.actor, input.organisationId);
  await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .update(organisationInvitation)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(organisationInvitation.id, input.invitationId),
          eq(organisationInvitation.organisationId, org.id),
          isNull(organisationInvitation.acceptedAt),
          isNull(organisationInvitation.revokedAt),
        ),
      )
      .returning({ id: organisationInvitation.id, email: organisationInvitation.email, role: organisationInvitation.role });
    const [revoked] = rows;
    if (!revoked) throw notFound("Invitation not found");
    await auditMembership(tx, actor, org, {
      action: "revoke",
      objectId: `invitation:${revoked.id}`,
      summary: `Einladung an ${revoked.email} (${revoked.role}) zurückgenommen`,
      before: { email: revoked.email, role: revoked.role },
      after: { revoked: true },
    });
  });
}
