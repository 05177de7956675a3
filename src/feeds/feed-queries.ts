import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { event, eventSession, organisation, venue } from "../db/schema/index.ts";
import type { IcsEvent } from "../events/event-ics.ts";
import type { DbOrTx } from "../events/event-record.ts";
import type { ProgrammeFilter } from "../events/programme-filter.ts";
import { whereClause } from "../events/programme-query.ts";

/**
 * Feeds return every matching event without paging; this cap keeps one request bounded in memory
 * and time (an edition has a few hundred events; the benchmark data about 100,000).
 */
export const FEED_LIMIT = 5000;

// The programme's SQL conditions refer to the event table as "e".
const e = alias(event, "e");

/** An event as feeds and exports show it: the calendar fields plus names, codes and links. */
export type FeedEvent = IcsEvent & {
  event: IcsEvent["event"] & {
    formatCode: string;
    mode: "onsite" | "online" | "hybrid";
    stateCode: string;
    topics: string[];
    languages: string[];
    isFree: boolean;
    startsAt: Date;
    endsAt: Date;
    publishedAt: Date | null;
  };
  organisation: IcsEvent["organisation"] & { slug: string };
};

/** Events per round trip when a feed is read in batches (its rows and their sessions). */
export const FEED_BATCH = 500;

/**
 * All public events of an edition matching the filter (up to FEED_LIMIT), ordered by start like
 * the programme, with their sessions: three queries however many events match.
 */
export async function listFeedEvents(db: DbOrTx, editionId: number, filter: ProgrammeFilter): Promise<FeedEvent[]> {
  const events: FeedEvent[] = [];
  for await (const batch of feedEventBatches(db, editionId, filter, await listFeedEventIds(db, editionId, filter), FEED_LIMIT)) {
    events.push(...batch);
  }
  return events;
}

/** The ids of the events a feed shows (up to FEED_LIMIT), in its order: by start, then id. */
export async function listFeedEventIds(db: DbOrTx, editionId: number, filter: ProgrammeFilter): Promise<number[]> {
  const rows = await db
    .select({ id: e.id })
    .from(e)
    .where(whereClause(editionId, filter))
    .orderBy(asc(e.startsAt), asc(e.id))
    .limit(FEED_LIMIT);
  return rows.map((row) => row.id);
}

/**
 * The events of `ids` (from listFeedEventIds), `size` at a time, each batch in feed order with its
 * sessions. The filter is applied again, so an event that left the programme meanwhile is left out.
 */
export async function* feedEventBatches(
  db: DbOrTx,
  editionId: number,
  filter: ProgrammeFilter,
  ids: number[],
  size = FEED_BATCH,
): AsyncGenerator<FeedEvent[]> {
  for (let at = 0; at < ids.length; at += size) yield await loadFeedEvents(db, editionId, filter, ids.slice(at, at + size));
}

async function loadFeedEvents(db: DbOrTx, editionId: number, filter: ProgrammeFilter, ids: number[]): Promise<FeedEvent[]> {
  const rows = await db
    .select({
      event: {
        id: e.id,
        slug: e.slug,
        status: e.status,
        sequence: e.sequence,
        updatedAt: e.updatedAt,
        publishedAt: e.publishedAt,
        // as publicFields: only a public access link, and none for a cancelled event
        onlineUrl: sql<string | null>`case when ${e.onlineUrlPublic} and ${e.status} <> 'cancelled' then ${e.onlineUrl} end`,
        contactName: sql<string | null>`case when ${e.contactPublic} then ${e.contactName} end`,
        contactEmail: sql<string | null>`case when ${e.contactPublic} then ${e.contactEmail} end`,
        titleDe: e.titleDe,
        titleEn: e.titleEn,
        summaryDe: e.summaryDe,
        summaryEn: e.summaryEn,
        formatCode: e.formatCode,
        mode: e.mode,
        stateCode: e.stateCode,
        topics: e.topics,
        languages: e.languages,
        isFree: e.isFree,
        startsAt: e.startsAt,
        endsAt: e.endsAt,
      },
      organisation: { name: organisation.name, slug: organisation.slug },
      venue: {
        id: venue.id,
        name: venue.name,
        street: venue.street,
        postalCode: venue.postalCode,
        city: venue.city,
        latitude: venue.latitude,
        longitude: venue.longitude,
      },
    })
    .from(e)
    .innerJoin(organisation, eq(organisation.id, e.organisationId))
    .leftJoin(venue, eq(venue.id, e.venueId))
    .where(and(whereClause(editionId, filter), inArray(e.id, ids)))
    .orderBy(asc(e.startsAt), asc(e.id));
  if (rows.length === 0) return [];

  const sessions = await db
    .select({
      id: eventSession.id,
      eventId: eventSession.eventId,
      startsAt: eventSession.startsAt,
      endsAt: eventSession.endsAt,
      allDay: eventSession.allDay,
    })
    .from(eventSession)
    .where(
      inArray(
        eventSession.eventId,
        rows.map((r) => r.event.id),
      ),
    )
    .orderBy(asc(eventSession.eventId), asc(eventSession.startsAt), asc(eventSession.id));
  const byEvent = new Map<number, FeedEvent["sessions"]>();
  for (const { eventId, ...session } of sessions) {
    const list = byEvent.get(eventId) ?? [];
    list.push(session);
    byEvent.set(eventId, list);
  }
  return rows.map((row) => ({ ...row, sessions: byEvent.get(row.event.id) ?? [] }));
}
