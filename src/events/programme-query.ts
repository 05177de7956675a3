import { type SQL, sql } from "drizzle-orm";
import { countedEventCondition } from "../editions/counted-events.ts";
import type { ProgrammeFilter } from "./programme-filter.ts";

/** Statuses the public sees: cancelled events stay visible, marked as cancelled (counted-events.ts). */
export const publicStatuses = countedEventCondition;

const MAX_WORDS = 8;

/** The words of a search text that count (letters and digits), at most MAX_WORDS. */
export function searchWordsOf(q: string): string[] {
  return q
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, MAX_WORDS);
}

/**
 * Text search: every word must match the German full-text index (stemmed, folded); a word of 4+
 * letters also matches through the lexicon words like it (typos, compounds). `cw_search_query`
 * (migration 0008) builds that query once per statement from the small `search_lexicon` table, so
 * rows are only ever found through the GIN index — no trigram comparison per event row.
 */
export function textCondition(q: string): SQL | undefined {
  const words = searchWordsOf(q);
  if (words.length === 0) return undefined;
  const list = sql.join(
    words.map((word) => sql`${word}`),
    sql`, `,
  );
  // The uncorrelated subquery runs once (an InitPlan), and its result drives the index scan.
  return sql`e.search_vector @@ (select cw_search_query(array[${list}]::text[]))`;
}

export type Dimension = "state" | "format" | "topic" | "mode" | "target" | "day" | "org" | "free" | "language";

/** The condition each filter dimension adds, or undefined when it is not set. */
export function dimensionConditions(filter: ProgrammeFilter): Record<Dimension, SQL | undefined> {
  const textArray = (values: string[]) =>
    sql`array[${sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    )}]::text[]`;
  const stateCondition = () => {
    const lands = filter.state.filter((s) => s !== "online");
    const parts: SQL[] = [];
    if (lands.length) parts.push(sql`e.state_code = any(${textArray(lands)})`);
    if (filter.state.includes("online")) parts.push(sql`e.mode = 'online'`);
    return sql`(${sql.join(parts, sql` or `)})`;
  };
  return {
    state: filter.state.length ? stateCondition() : undefined,
    format: filter.format.length ? sql`e.format_code = any(${textArray(filter.format)})` : undefined,
    topic: filter.topic.length ? sql`e.topics && ${textArray(filter.topic)}` : undefined,
    mode: filter.mode.length ? sql`e.mode::text = any(${textArray(filter.mode)})` : undefined,
    target: filter.target.length ? sql`e.target_groups && ${textArray(filter.target)}` : undefined,
    day: filter.day.length ? sql`e.days && ${textArray(filter.day)}::date[]` : undefined,
    org: filter.org.length ? sql`e.organisation_id in (select id from organisation where slug = any(${textArray(filter.org)}))` : undefined,
    free: filter.free ? sql`e.is_free` : undefined,
    language: filter.language.length ? sql`e.languages && ${textArray(filter.language)}` : undefined,
  };
}

/** Conditions that always apply: the edition, public statuses and the search text. */
export function baseConditions(editionId: number, q: string): SQL {
  const text = textCondition(q);
  return sql`e.edition_id = ${editionId} and ${publicStatuses}${text ? sql` and ${text}` : sql``}`;
}

/** All conditions of a filter joined, optionally leaving one dimension out (for its facet counts). */
export function whereClause(editionId: number, filter: ProgrammeFilter, except?: Dimension): SQL {
  const parts = [baseConditions(editionId, filter.q)];
  for (const [name, condition] of Object.entries(dimensionConditions(filter))) {
    if (condition && name !== except) parts.push(condition);
  }
  return sql.join(parts, sql` and `);
}
