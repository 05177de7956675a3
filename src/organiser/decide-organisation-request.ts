import { and, eq } from "drizzle-orm";
import { membership, organisation, user } from "../db/schema/index.ts";
import { coordinatesState, isNational } from "../lib/actor.ts";
import { conflict, forbidden, notFound } from "../lib/errors.ts";
import { writeAudit } from "../moderation/audit.ts";
import { requireActor } from "./organisation-access.ts";
import { DecisionInput, parseInput } from "./organiser.schemas.ts";
import { type MailCtx, organisationDecidedMail, queueOrganiserMail } from "./organiser-mail.ts";

/**
 * A coordinator of the organisation's state, or an editor, confirms or declines a requested
 * organisation. Who decided, when and why stays on the row; the requester is mailed.
 */
export async function decideOrganisationRequest({
  ctx,
  input,
}: {
  ctx: MailCtx;
  input: unknown;
}): Promise<{ status: "active" | "declined" }> {
  const actor = requireActor(ctx.actor);
  if (actor.role !== "coordinator" && !isNational(actor)) throw forbidden("Only coordinators and editors review organisations");
  const { organisationId, decision, note } = parseInput(DecisionInput, input);
  return ctx.db.transaction(async (tx) => {
    const [org] = await tx.select().from(organisation).where(eq(organisation.id, organisationId)).for("update");
    // Another state's request is none of this coordinator's business: it does not exist for them.
    if (!org || org.status === "active" || !coordinatesState(actor, org.stateCode)) throw notFound("Request not found");
    if (org.status !== "pending") throw conflict("This request has already been decided");
    const status = decision === "confirm" ? "active" : "declined";
    await tx
      .update(organisation)
      .set({ status, decidedBy: actor.userId, decidedAt: new Date(), decisionNote: note, updatedAt: new Date() })
      .where(eq(organisation.id, org.id));
    await writeAudit(tx, actor, {
      action: `organisation.${decision}`,
      objectType: "organisation",
      objectId: org.id,
      stateCode: org.stateCode,
      summary: `${org.name}: pending → ${status}${note ? ` — ${note}` : ""}`,
      before: { status: org.status },
      after: { status, note: note || undefined },
    });
    const owners = await tx
      .select({ email: user.email, language: user.language })
      .from(membership)
      .innerJoin(user, eq(user.id, membership.userId))
      .where(and(eq(membership.organisationId, org.id), eq(membership.role, "owner")));
    for (const owner of owners) {
      await queueOrganiserMail(tx, organisationDecidedMail(owner, { name: org.name, status, note, baseUrl: ctx.baseUrl }));
    }
    return { status };
  });
}
