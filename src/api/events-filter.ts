import type { Edition } from "../editions/edition-queries.ts";
import { filterVocabulary, type SiteData } from "../editions/site-data.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { type IgnoredParam, listParams, modes, type ProgrammeFilter, parseProgrammeFilter } from "../events/programme-filter.ts";
import { QueryInvalid, unknownValue } from "./api-errors.ts";
import { MAX_SEARCH_TEXT } from "./events.schemas.ts";

type ListParam = (typeof listParams)[number];

/** The filter query parameters after the schema has checked their types. */
export type FilterQuery = Partial<Record<ListParam, string | string[]>> & { q?: string; edition?: string; free?: string; lang?: string };

/** Parameters whose empty value is outside the document (enums); an empty `q` is just no search. */
const noEmpty = ["edition", "free", "lang", ...listParams] as const;

/** The API's parsed query as the search parameters the programme filter reads. */
export function searchOf(query: FilterQuery): URLSearchParams {
  const search = new URLSearchParams();
  for (const name of ["q", ...noEmpty] as const) {
    const value = query[name];
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) search.append(name, v);
  }
  return search;
}

/**
 * The programme filter for the API, the feeds and the exports: the same parser as the pages, but
 * strict — any value the pages would drop, and an empty one, answers 400 naming the parameter and
 * what it allows. `page` is the API's (checked by its schema) and means nothing to a feed.
 */
export async function parseStrictFilter(
  db: DbOrTx,
  site: SiteData & { current: Edition },
  search: URLSearchParams,
): Promise<ProgrammeFilter> {
  const vocabulary = filterVocabulary(db, site);
  const { filter, ignored } = await parseProgrammeFilter(search, vocabulary);
  const refused: IgnoredParam[] = ignored.filter((i) => i.name !== "page");
  for (const name of noEmpty) if (search.getAll(name).some((v) => v.trim() === "")) refused.push({ name, value: "" });
  const lang = search.get("lang");
  if (lang !== null && lang !== "" && lang !== "de" && lang !== "en") refused.push({ name: "lang", value: lang });
  const tooLong = search.getAll("q").some((q) => q.length > MAX_SEARCH_TEXT);
  if (refused.length === 0 && !tooLong) return filter;
  const days = vocabulary.days(filter.edition);
  const allowed: Record<string, string> = {
    edition: `a year of an edition: ${vocabulary.editionYears.join(", ")}`,
    state: `state codes: ${vocabulary.states.join(", ")}`,
    format: `format codes: ${vocabulary.formats.join(", ")}`,
    topic: `topic codes: ${vocabulary.topics.join(", ")}`,
    target: `target group codes: ${vocabulary.targetGroups.join(", ")}`,
    mode: modes.join(", "),
    day: `days of the ${filter.edition} edition (YYYY-MM-DD): ${days[0] ?? ""} to ${days.at(-1) ?? ""}`,
    org: "slugs of existing organisations (see /api/v1/organisations)",
    free: "true, false, 0, 1",
    language: "de, en",
    lang: "de, en",
  };
  const fields: Record<string, string> = {};
  // The API's own schema says the same for q (events.schemas.ts), so both read alike.
  if (tooLong) fields.q = `at most ${MAX_SEARCH_TEXT} characters`;
  for (const { name, value } of refused) fields[name] ??= unknownValue(value, allowed[name] ?? "see the API documentation");
  throw new QueryInvalid(fields);
}
