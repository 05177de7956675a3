import { asc, desc, eq, inArray } from "drizzle-orm";
import { edition, event, eventSession, organisation, tradeFairPresence, venue } from "../db/schema/index.ts";
import type { PublicEvent } from "../events/get-public-event.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { loadManagedEvent, requireActor } from "./event-access.ts";

/** An event the actor may manage, in any status, shaped like the public page's data (for the form and preview). */
export async function getManagedEvent({ ctx, input }: { ctx: VerbCtx; input: { id: number } }): Promise<PublicEvent> {
  const actor = requireActor(ctx.actor);
  const ev = await loadManagedEvent(ctx.db, actor, input.id);
  const [row] = await ctx.db
    .select({ organisation, venue, edition })
    .from(organisation)
    .innerJoin(edition, eq(edition.id, ev.editionId))
    .leftJoin(venue, eq(venue.id, ev.venueId ?? -1))
    .where(eq(organisation.id, ev.organisationId));
  if (!row) throw new Error("event without organisation or edition");
  const coIds = ev.coOrganisers.flatMap((c) => (c.organisationId ? [c.organisationId] : []));
  const [sessions, coOrganisations, booths] = await Promise.all([
    ctx.db.select().from(eventSession).where(eq(eventSession.eventId, ev.id)).orderBy(asc(eventSession.startsAt)),
    coIds.length
      ? ctx.db
          .select({ id: organisation.id, slug: organisation.slug, name: organisation.name })
          .from(organisation)
          .where(inArray(organisation.id, coIds))
      : Promise.resolve([]),
    ctx.db.select().from(tradeFairPresence).where(eq(tradeFairPresence.eventId, ev.id)),
  ]);
  return { event: ev, ...row, sessions, coOrganisations, booth: booths[0] };
}

/** The events the actor manages as a member of their organisations (newest edition first), for the overview. */
export async function listMyEvents({ ctx }: { ctx: VerbCtx }) {
  const actor = requireActor(ctx.actor);
  if (actor.organisationIds.length === 0) return [];
  return ctx.db
    .select({
      id: event.id,
      titleDe: event.titleDe,
      titleEn: event.titleEn,
      status: event.status,
      startsAt: event.startsAt,
      year: edition.year,
      organisationName: organisation.name,
    })
    .from(event)
    .innerJoin(edition, eq(edition.id, event.editionId))
    .innerJoin(organisation, eq(organisation.id, event.organisationId))
    .where(inArray(event.organisationId, [...actor.organisationIds]))
    .orderBy(desc(edition.year), asc(event.startsAt))
    .limit(500);
}
