import type { Edition } from "../editions/edition-queries.ts";
import { filterVocabulary, type SiteData } from "../editions/site-data.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { listParams, modes, type ProgrammeFilter, parseProgrammeFilter } from "../events/programme-filter.ts";
import { QueryInvalid } from "./api-errors.ts";

type ListParam = (typeof listParams)[number];

/** The filter query parameters after the schema has checked their types. */
export type FilterQuery = Partial<Record<ListParam, string | string[]>> & { q?: string; edition?: string; free?: string };

/**
 * The programme filter for the API: the same parser as the pages, but strict — any value the pages
 * would drop answers 400, naming the parameter and what it allows.
 */
export async function parseApiFilter(db: DbOrTx, site: SiteData & { current: Edition }, query: FilterQuery): Promise<ProgrammeFilter> {
  const search = new URLSearchParams();
  for (const name of ["q", "edition", "free", ...listParams] as const) {
    const value = query[name];
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) search.append(name, v);
  }
  const vocabulary = filterVocabulary(db, site);
  const { filter, ignored } = await parseProgrammeFilter(search, vocabulary);
  if (ignored.length === 0) return filter;
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
    free: "true or false",
    language: "de or en",
  };
  const fields: Record<string, string> = {};
  for (const { name, value } of ignored) {
    fields[name] ??= `unknown value ${JSON.stringify(value.slice(0, 50))}; allowed: ${allowed[name] ?? "see the API documentation"}`;
  }
  throw new QueryInvalid(fields);
}
