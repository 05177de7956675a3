import { parseStrictFilter } from "../api/events-filter.ts";
import type { Edition } from "../editions/edition-queries.ts";
import { loadSiteData } from "../editions/site-data.ts";
import type { DbOrTx } from "../events/event-record.ts";
import type { ProgrammeFilter } from "../events/programme-filter.ts";
import { notFound } from "../lib/errors.ts";
import type { Lang } from "../lib/language.ts";
import type { Taxonomies } from "../taxonomies/taxonomy-queries.ts";
import { type FeedEvent, feedEventBatches, listFeedEventIds, listFeedEvents } from "./feed-queries.ts";

/** What a feed shows besides its events. */
export type FeedContext = {
  edition: Edition;
  /** The site's current edition year: links leave `edition` out for it, like the programme's. */
  currentYear: number;
  filter: ProgrammeFilter;
  lang: Lang;
  taxonomies: Taxonomies;
};

export type FeedData = FeedContext & { events: FeedEvent[] };

/** A feed whose events are read in batches while it is written (the whole-edition calendar is 12 MB at 5,000 events). */
export type FeedBatches = FeedContext & { count: number; batches: AsyncIterable<FeedEvent[]> };

/** Parses the programme filter strictly and loads every matching event of the chosen edition. */
export async function loadFeed(db: DbOrTx, query: URLSearchParams): Promise<FeedData> {
  const context = await loadFeedContext(db, query);
  return { ...context, events: await listFeedEvents(db, context.edition.id, context.filter) };
}

/**
 * As loadFeed, but only the matching ids are read now (so a bad filter or an unreachable database
 * still answers with an error status); the events follow FEED_BATCH at a time as they are iterated.
 */
export async function loadFeedBatches(db: DbOrTx, query: URLSearchParams): Promise<FeedBatches> {
  const context = await loadFeedContext(db, query);
  const ids = await listFeedEventIds(db, context.edition.id, context.filter);
  return { ...context, count: ids.length, batches: feedEventBatches(db, context.edition.id, context.filter, ids) };
}

async function loadFeedContext(db: DbOrTx, query: URLSearchParams): Promise<FeedContext> {
  const site = await loadSiteData(db);
  if (!site.current) throw notFound("No edition");
  const current = site.current;
  // Unlike the lenient pages, a feed refuses filter values it does not know (400, as the API does):
  // a subscriber would otherwise silently receive the whole programme.
  const filter = await parseStrictFilter(db, { ...site, current }, query);
  const edition = site.editions.find((e) => e.year === filter.edition) ?? current;
  return {
    edition,
    currentYear: current.year,
    filter,
    lang: query.get("lang") === "en" ? "en" : "de",
    taxonomies: site.taxonomies,
  };
}
