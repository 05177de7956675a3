import { and, eq, isNull } from "drizzle-orm";
import { organisationInvitation } from "../db/schema/index.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { notFound } from "../lib/errors.ts";
import { loadOwnedOrganisation } from "./organisation-access.ts";

/** An owner withdraws an open invitation; its link stops working at once. */
export async function revokeInvitation({
  ctx,
  input,
}: {
  ctx: VerbCtx;
  input: { organisationId: number; invitationId: number };
}): Promise<void> {
  const { org } = await loadOwnedOrganisation(ctx.db, ctx.actor, input.organisationId);
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
      .returning({ id: organisationInvitation.id });
    if (rows.length === 0) throw notFound("Invitation not found");
  });
}
