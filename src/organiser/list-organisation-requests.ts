import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import { membership, organisation, user } from "../db/schema/index.ts";
import { isNational, type VerbCtx } from "../lib/actor.ts";
import { forbidden } from "../lib/errors.ts";
import { requireActor } from "./organisation-access.ts";

export type OrganisationRequest = Awaited<ReturnType<typeof listOrganisationRequests>>[number];

/** Pending organisation requests of the states the actor coordinates (all states for editors), oldest first. */
export async function listOrganisationRequests({ ctx }: { ctx: VerbCtx }) {
  const actor = requireActor(ctx.actor);
  if (actor.role !== "coordinator" && !isNational(actor)) throw forbidden("Only coordinators and editors review organisations");
  const scope: SQL | undefined = isNational(actor)
    ? undefined
    : inArray(organisation.stateCode, actor.stateCodes.length ? [...actor.stateCodes] : ["-"]);
  const rows = await ctx.db
    .select({
      org: organisation,
      requesterName: user.name,
      requesterEmail: user.email,
    })
    .from(organisation)
    .leftJoin(membership, and(eq(membership.organisationId, organisation.id), eq(membership.role, "owner")))
    .leftJoin(user, eq(user.id, membership.userId))
    .where(and(eq(organisation.status, "pending"), scope))
    .orderBy(asc(organisation.createdAt), asc(organisation.id));
  // One line per request, even when it somehow has several owners.
  return rows.filter((row, i) => rows.findIndex((r) => r.org.id === row.org.id) === i);
}
