import { and, asc, eq, inArray } from "drizzle-orm";
import { edition, event, eventSession, organisation, tradeFairPresence, venue } from "../db/schema/index.ts";
import type { DbOrTx } from "./event-record.ts";
import { publicFields } from "./public-fields.ts";

export type PublicEvent = NonNullable<Awaited<ReturnType<typeof getPublicEvent>>>;

/** A published or cancelled event with everything its page shows (private fields left out); undefined for anything else. */
export async function getPublicEvent(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ event, organisation, venue, edition })
    .from(event)
    .innerJoin(organisation, eq(organisation.id, event.organisationId))
    .innerJoin(edition, eq(edition.id, event.editionId))
    .leftJoin(venue, eq(venue.id, event.venueId))
    .where(and(eq(event.id, id), inArray(event.status, ["published", "cancelled"])));
  if (!row) return undefined;
  const coOrganiserIds = row.event.coOrganisers.flatMap((c) => (c.organisationId ? [c.organisationId] : []));
  const [sessions, coOrganisations, booths] = await Promise.all([
    db.select().from(eventSession).where(eq(eventSession.eventId, id)).orderBy(asc(eventSession.startsAt)),
    coOrganiserIds.length
      ? db
          .select({ id: organisation.id, slug: organisation.slug, name: organisation.name })
          .from(organisation)
          .where(inArray(organisation.id, coOrganiserIds))
      : Promise.resolve([]),
    db.select().from(tradeFairPresence).where(eq(tradeFairPresence.eventId, id)),
  ]);
  return { ...row, event: publicFields(row.event), sessions, coOrganisations, booth: booths[0] };
}
