import type { Edition } from "../editions/edition-queries.ts";
import { filterVocabulary, loadSiteData } from "../editions/site-data.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { type IgnoredParam, type ProgrammeFilter, parseProgrammeFilter } from "../events/programme-filter.ts";
import { AppError, notFound } from "../lib/errors.ts";
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

/**
 * Unlike the lenient pages, a feed refuses filter values it does not know: a subscriber would
 * otherwise silently receive the whole programme. `page` means nothing to a feed and is ignored.
 */
function rejectIgnored(ignored: IgnoredParam[], lang: string | null): void {
  const fields: Record<string, string> = {};
  for (const { name, value } of ignored) {
    if (name === "page") continue;
    const text = value.length > 60 ? `${value.slice(0, 60)}…` : value;
    fields[name] = fields[name] ? `${fields[name]}, "${text}"` : `Unknown value "${text}"`;
  }
  if (lang !== null && lang !== "de" && lang !== "en") fields.lang = "Unknown value; use de or en";
  const names = Object.keys(fields);
  if (names.length) throw new AppError("bad_request", `Invalid filter parameter: ${names.join(", ")}`, fields);
}

/** Parses the programme filter strictly and loads every matching event of the chosen edition. */
export async function loadFeed(db: DbOrTx, query: URLSearchParams): Promise<FeedData> {
  const site = await loadSiteData(db);
  if (!site.current) throw notFound("No edition");
  const current = site.current;
  const { filter, ignored } = await parseProgrammeFilter(query, filterVocabulary(db, { ...site, current }));
  rejectIgnored(ignored, query.get("lang"));
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
