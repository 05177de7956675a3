import { sql } from "drizzle-orm";
import { queryRows } from "../db/client.ts";
import type { Edition } from "../editions/edition-queries.ts";
import { filterVocabulary, loadSiteData } from "../editions/site-data.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { listProgrammeItems, type ProgrammeItem } from "../events/list-programme.ts";
import { filterParams, type ProgrammeFilter, parseProgrammeFilter } from "../events/programme-filter.ts";
import { whereClause } from "../events/programme-query.ts";
import { notFound } from "../lib/errors.ts";
import type { Lang } from "../lib/language.ts";
import type { Taxonomies } from "../taxonomies/taxonomy-queries.ts";

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 100;

/** A query parameter the embed cannot use, as received. */
export type EmbedProblem = { name: string; value: string };

export type EmbedEvents = {
  lang: Lang;
  limit: number;
  taxonomies: Taxonomies;
  /** Values that could not be used; when there are any, nothing is listed. */
  problems: EmbedProblem[];
  edition: Edition;
  filter: ProgrammeFilter;
  /** The filter as query parameters of the programme page (the "show all" link). */
  programmeParams: Record<string, string | string[] | undefined>;
  items: ProgrammeItem[];
  total: number;
};

/** Reads `lang` and `limit`: unknown values are problems, like unknown filter values. */
export function parseDisplayOptions(query: URLSearchParams): { lang: Lang; limit: number; problems: EmbedProblem[] } {
  const problems: EmbedProblem[] = [];
  const rawLang = query.get("lang");
  if (rawLang !== null && rawLang !== "de" && rawLang !== "en") problems.push({ name: "lang", value: rawLang });
  const rawLimit = query.get("limit")?.trim();
  let limit = DEFAULT_LIMIT;
  if (rawLimit) {
    if (/^\d{1,6}$/.test(rawLimit) && Number(rawLimit) >= 1) limit = Math.min(Number(rawLimit), MAX_LIMIT);
    else problems.push({ name: "limit", value: rawLimit });
  }
  return { lang: rawLang === "en" ? "en" : "de", limit, problems };
}

/**
 * The events for the iframe embed: the programme filter read strictly (a portal must notice a
 * mistyped state instead of silently showing the whole programme), the first `limit` by start.
 */
export async function loadEmbedEvents(db: DbOrTx, query: URLSearchParams): Promise<EmbedEvents> {
  const site = await loadSiteData(db);
  if (!site.current) throw notFound("No edition");
  const current = site.current;
  const { lang, limit, problems } = parseDisplayOptions(query);
  const { filter, ignored } = await parseProgrammeFilter(query, filterVocabulary(db, { ...site, current }));
  problems.push(...ignored.filter((p) => p.name !== "page"));
  const edition = site.editions.find((e) => e.year === filter.edition) ?? current;
  const result = {
    lang,
    limit,
    taxonomies: site.taxonomies,
    problems,
    edition,
    filter,
    programmeParams: filterParams(filter, current.year),
  };
  if (problems.length) return { ...result, items: [], total: 0 };
  const [items, total] = await Promise.all([
    listProgrammeItems(db, edition.id, filter, { limit, offset: 0 }),
    countEvents(db, edition.id, filter),
  ]);
  return { ...result, items, total };
}

async function countEvents(db: DbOrTx, editionId: number, filter: ProgrammeFilter): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from event e where ${whereClause(editionId, filter)}`);
  return Number(row?.n ?? 0);
}
