import { parseStrictFilter } from "../api/events-filter.ts";
import type { Edition } from "../editions/edition-queries.ts";
import { loadSiteData } from "../editions/site-data.ts";
import type { DbOrTx } from "../events/event-record.ts";
import type { ProgrammeFilter } from "../events/programme-filter.ts";
import { notFound } from "../lib/errors.ts";
import type { Lang } from "../lib/language.ts";
import type { Taxonomies } from "../taxonomies/taxonomy-queries.ts";
import { type FeedEvent, listFeedEvents } from "./feed-queries.ts";

export type FeedData = {
  edition: Edition;
  /** The site's current edition year: links leave `edition` out for it, like the programme's. */
  currentYear: number;
  filter: ProgrammeFilter;
  lang: Lang;
  taxonomies: Taxonomies;
  events: FeedEvent[];
};

/** Parses the programme filter strictly and loads every matching event of the chosen edition. */
export async function loadFeed(db: DbOrTx, query: URLSearchParams): Promise<FeedData> {
  const site = await loadSiteData(db);
  if (!site.current) throw notFound("No edition");
  const current = site.current;
  // Unlike the lenient pages, a feed refuses filter values it does not know (400, as the API does):
  // a subscriber would otherwise silently receive the whole programme.
  const filter = await parseStrictFilter(db, { ...site, current }, query);
  const edition = site.editions.find((e) => e.year === filter.edition) ?? current;
  const events = await listFeedEvents(db, edition.id, filter);
  return {
    edition,
    currentYear: current.year,
    filter,
    lang: query.get("lang") === "en" ? "en" : "de",
    taxonomies: site.taxonomies,
    events,
  };
}
