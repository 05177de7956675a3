import { asc, inArray } from "drizzle-orm";
import { organisation } from "../db/schema/index.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { requireActor } from "./event-access.ts";

/** The organisations the actor may create events for (their memberships). */
export async function listMyOrganisations({
  ctx,
}: {
  ctx: VerbCtx;
}): Promise<{ id: number; slug: string; name: string; stateCode: string }[]> {
  const actor = requireActor(ctx.actor);
  if (actor.organisationIds.length === 0) return [];
  return ctx.db
    .select({ id: organisation.id, slug: organisation.slug, name: organisation.name, stateCode: organisation.stateCode })
    .from(organisation)
    .where(inArray(organisation.id, [...actor.organisationIds]))
    .orderBy(asc(organisation.name));
}
