import { and, eq, sql } from "drizzle-orm";
import { coordinatorState, membership, organisation, user } from "../db/schema/index.ts";
import { conflict } from "../lib/errors.ts";
import { requireActor } from "./organisation-access.ts";
import { checkOrganisationReferences, freeSlug } from "./organisation-fields.ts";
import { OrganisationInput, parseInput } from "./organiser.schemas.ts";
import { type MailCtx, organisationRequestedMail, queueOrganiserMail } from "./organiser-mail.ts";

/** Open requests one user may have at a time (keeps the review queue free of floods). */
const maxPendingPerUser = 3;

/**
 * A logged-in user asks for a new organisation: it is created pending, the requester becomes its
 * owner, and the coordinators of its state are told. Until confirmed it never appears publicly.
 */
export async function requestOrganisation({
  ctx,
  input,
}: {
  ctx: MailCtx;
  input: unknown;
}): Promise<{ organisationId: number; slug: string }> {
  const actor = requireActor(ctx.actor);
  const values = parseInput(OrganisationInput, input);
  await checkOrganisationReferences(ctx.db, values);
  return ctx.db.transaction(async (tx) => {
    const [open] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(membership)
      .innerJoin(organisation, eq(organisation.id, membership.organisationId))
      .where(and(eq(membership.userId, actor.userId), eq(organisation.status, "pending")));
    if (Number(open?.n ?? 0) >= maxPendingPerUser) throw conflict("Too many open organisation requests");
    const slug = await freeSlug(tx, values.name);
    const [row] = await tx
      .insert(organisation)
      .values({ ...values, slug, status: "pending" })
      .returning({ id: organisation.id });
    if (!row) throw new Error("insert returned no row");
    await tx.insert(membership).values({ userId: actor.userId, organisationId: row.id, role: "owner" });
    const reviewers = await tx
      .select({ email: user.email, language: user.language })
      .from(coordinatorState)
      .innerJoin(user, eq(user.id, coordinatorState.userId))
      .where(and(eq(coordinatorState.stateCode, values.stateCode), eq(user.role, "coordinator")));
    for (const r of reviewers) {
      await queueOrganiserMail(
        tx,
        organisationRequestedMail(r, { name: values.name, stateCode: values.stateCode, requester: actor.name, baseUrl: ctx.baseUrl }),
      );
    }
    return { organisationId: row.id, slug };
  });
}
