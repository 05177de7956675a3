import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.ts";
import { memoForVersion, type VersionedDb } from "../../lib/data-version.ts";
import { trigramsInOrder } from "./trigrams.ts";

/**
 * The search lexicon (migration 0007: the distinct folded words of public events) in memory, with
 * each word's German lexemes and trigrams, so typo and compound alternatives are chosen here the
 * way `cw_search_query` chooses them in SQL.
 */
export type SearchLexicon = {
  words: string[];
  lexemes: string[][];
  trigramSets: Set<string>[];
  trigramLists: string[][];
  /** Word number by word. */
  byWord: Map<string, number>;
  /** Word numbers by trigram: only words sharing a trigram can be alike. */
  byTrigram: Map<string, number[]>;
};

export function searchLexiconFor(at: VersionedDb): Promise<SearchLexicon> {
  return memoForVersion(at, "search-lexicon", loadSearchLexicon);
}

async function loadSearchLexicon(db: Db): Promise<SearchLexicon> {
  const rows = await queryRows<{ word: string; lexemes: string[] }>(
    db,
    sql`select word, tsvector_to_array(to_tsvector('german', word)) as lexemes from search_lexicon`,
  );
  const lexicon: SearchLexicon = { words: [], lexemes: [], trigramSets: [], trigramLists: [], byWord: new Map(), byTrigram: new Map() };
  rows.forEach((row, n) => {
    const trigrams = trigramsInOrder(row.word);
    const set = new Set(trigrams);
    lexicon.words.push(row.word);
    lexicon.lexemes.push(row.lexemes);
    lexicon.trigramLists.push(trigrams);
    lexicon.trigramSets.push(set);
    lexicon.byWord.set(row.word, n);
    for (const t of set) {
      const list = lexicon.byTrigram.get(t);
      if (list) list.push(n);
      else lexicon.byTrigram.set(t, [n]);
    }
  });
  return lexicon;
}
