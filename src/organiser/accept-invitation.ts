import { and, eq, isNull } from "drizzle-orm";
import { membership, organisation, organisationInvitation } from "../db/schema/index.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { notFound, validationFailed } from "../lib/errors.ts";
import { findOpenInvitation } from "./invitation-token.ts";
import { auditMembership } from "./membership-audit.ts";
import { requireActor } from "./organisation-access.ts";
import { AcceptInvitationInput, parseInput } from "./organiser.schemas.ts";

/**
 * The logged-in user accepts an invitation link and becomes a member (or owner). When their
 * address differs from the invited one they must confirm that explicitly.
 */
export async function acceptInvitation({ ctx, input }: { ctx: VerbCtx; input: unknown }): Promise<{ organisationId: number }> {
  const actor = requireActor(ctx.actor);
  const { token, confirmOtherEmail } = parseInput(AcceptInvitationInput, input);
  return ctx.db.transaction(async (tx) => {
    const invitation = await findOpenInvitation(tx, token);
    if (!invitation) throw notFound("Invitation not found or expired");
    if (invitation.email.toLowerCase() !== actor.email.toLowerCase() && !confirmOtherEmail) {
      throw validationFailed({ confirmOtherEmail: "emailMismatch" });
    }
    const taken = await tx
      .update(organisationInvitation)
      .set({ acceptedAt: new Date(), acceptedBy: actor.userId })
      .where(and(eq(organisationInvitation.id, invitation.id), isNull(organisationInvitation.acceptedAt)))
      .returning({ id: organisationInvitation.id });
    if (taken.length === 0) throw notFound("Invitation not found or expired");
    const [before] = await tx
      .select({ role: membership.role })
      .from(membership)
      .where(and(eq(membership.userId, actor.userId), eq(membership.organisationId, invitation.organisationId)));
    const [joined] = await tx
      .insert(membership)
      .values({ userId: actor.userId, organisationId: invitation.organisationId, role: invitation.role })
      .onConflictDoUpdate({
        target: [membership.userId, membership.organisationId],
        // An invitation never demotes: a member invited as owner becomes owner, an owner stays one.
        set: invitation.role === "owner" ? { role: "owner" } : { role: membership.role },
      })
      .returning({ role: membership.role });
    const [org] = await tx
      .select({ id: organisation.id, name: organisation.name, stateCode: organisation.stateCode })
      .from(organisation)
      .where(eq(organisation.id, invitation.organisationId));
    if (!org || !joined) throw new Error("invitation without organisation");
    await auditMembership(tx, actor, org, {
      action: "accept",
      objectId: String(actor.userId),
      summary: `${actor.name} <${actor.email}> ist per Einladung beigetreten (${before?.role ?? "–"} → ${joined.role})`,
      before: before ? { role: before.role } : null,
      after: { role: joined.role, invitationId: invitation.id },
    });
    return { organisationId: invitation.organisationId };
  });
}
