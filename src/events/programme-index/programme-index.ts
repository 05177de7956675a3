import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.ts";
import type { VersionedDb } from "../../lib/data-version.ts";
import { keptUpToDate } from "../../lib/updated-in-background.ts";
import { searchWordsOf } from "../programme-query.ts";
import { buildProgrammeIndex, type ProgrammeIndex } from "./build-programme-index.ts";
import { resolveSearchText } from "./resolve-search-text.ts";
import { searchLexiconFor } from "./search-lexicon.ts";
import { evaluateTsquery, parseTsquery, type TsqueryNode } from "./tsquery.ts";
import { updateProgrammeIndex } from "./update-programme-index.ts";

export type { ProgrammeIndex } from "./build-programme-index.ts";

/**
 * The programme index of an edition for this data version: built once, then updated with the
 * changed events only, shared by all requests; during an update the public cache's renders get the
 * previous version (lib/updated-in-background.ts). The search lexicon of the new version is loaded
 * before the index is handed out, so text queries on it do not wait for it either.
 */
export function programmeIndexFor(at: VersionedDb, editionId: number): Promise<ProgrammeIndex> {
  return keptUpToDate(at, `programme-index:${editionId}`, {
    build: (db) => withLexicon(db, buildProgrammeIndex(db, editionId)),
    update: (db, current) => withLexicon(db, updateProgrammeIndex(db, current)),
  });
}

async function withLexicon(db: Db, loading: Promise<ProgrammeIndex>): Promise<ProgrammeIndex> {
  const index = await loading;
  await searchLexiconFor({ db, version: index.version });
  return index;
}

/** Parsed text queries kept per index; a bound keeps a flood of distinct searches from growing it. */
const MAX_TEXT_QUERIES = 10_000;

/**
 * The events of the index matching the search text, as a mask; undefined without text. The words
 * become the tsquery `cw_search_query` would build (typo and compound tolerance from the lexicon),
 * in memory where possible, once per distinct text and data version; "unsupported" when the
 * query cannot be evaluated here (the caller then asks the database for the whole answer).
 */
export async function textMaskOf(db: Db, index: ProgrammeIndex, q: string): Promise<Uint8Array | undefined | "unsupported"> {
  const words = searchWordsOf(q);
  if (words.length === 0) return undefined;
  const key = words.join(" ");
  let parsed = index.textQueries.get(key);
  if (parsed === undefined) {
    const lexicon = await searchLexiconFor({ db, version: index.version });
    parsed = (await resolveSearchText(db, lexicon, words)) ?? (await askDatabase(db, words));
    if (index.textQueries.size >= MAX_TEXT_QUERIES) index.textQueries.clear();
    index.textQueries.set(key, parsed);
  }
  return parsed === null ? "unsupported" : evaluateTsquery(parsed, index.size, index.postings);
}

/** The tsquery as the database builds it, for words resolveSearchText does not reproduce (null: not evaluable here). */
async function askDatabase(db: Db, words: string[]): Promise<TsqueryNode | null> {
  const list = sql.join(
    words.map((w) => sql`${w}`),
    sql`, `,
  );
  const [row] = await queryRows<{ query: string }>(db, sql`select cw_search_query(array[${list}]::text[])::text as query`);
  return parseTsquery(row?.query ?? "") ?? null;
}
