import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.ts";
import { memoForVersion, type VersionedDb } from "../../lib/data-version.ts";
import { searchWordsOf } from "../programme-query.ts";
import { buildProgrammeIndex, type ProgrammeIndex } from "./build-programme-index.ts";
import { evaluateTsquery, parseTsquery, type TsqueryNode } from "./tsquery.ts";

export type { ProgrammeIndex } from "./build-programme-index.ts";

/** The programme index of an edition for this data version (built once, shared by all requests). */
export function programmeIndexFor(at: VersionedDb, editionId: number): Promise<ProgrammeIndex> {
  return memoForVersion(at, `programme-index:${editionId}`, (db) => buildProgrammeIndex(db, editionId, at.version));
}

/** Parsed text queries kept per index; a bound keeps a flood of distinct searches from growing it. */
const MAX_TEXT_QUERIES = 10_000;

/**
 * The events of the index matching the search text, as a mask; undefined without text. The words
 * become a tsquery in the database (`cw_search_query`, typo and compound tolerance from the
 * lexicon), once per distinct text and data version; "unsupported" when the database built a
 * query the index cannot evaluate (the caller then asks the database for the whole answer).
 */
export async function textMaskOf(db: Db, index: ProgrammeIndex, q: string): Promise<Uint8Array | undefined | "unsupported"> {
  const words = searchWordsOf(q);
  if (words.length === 0) return undefined;
  const key = words.join(" ");
  let parsed = index.textQueries.get(key) as TsqueryNode | null | undefined;
  if (parsed === undefined) {
    const [row] = await queryRows<{ query: string }>(
      db,
      sql`select cw_search_query(array[${sql.join(
        words.map((w) => sql`${w}`),
        sql`, `,
      )}]::text[])::text as query`,
    );
    parsed = parseTsquery(row?.query ?? "") ?? null;
    if (index.textQueries.size >= MAX_TEXT_QUERIES) index.textQueries.clear();
    index.textQueries.set(key, parsed);
  }
  return parsed === null ? "unsupported" : evaluateTsquery(parsed, index.size, index.postings);
}
