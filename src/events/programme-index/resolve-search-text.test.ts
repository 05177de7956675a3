import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { type Database, queryRows } from "../../db/client.ts";
import { readDataVersion } from "../../lib/data-version.ts";
import { baseConditions, searchWordsOf } from "../programme-query.ts";
import { programmeIndexFor } from "./programme-index.ts";
import { resolveSearchText } from "./resolve-search-text.ts";
import { searchLexiconFor } from "./search-lexicon.ts";
import { evaluateTsquery } from "./tsquery.ts";

let database: Database;
let editionId: number;
let lexiconWords: string[];

beforeAll(async () => {
  database = await openTestDatabase();
  const [row] = await queryRows<{ id: number }>(database.db, sql`select id from edition order by year desc limit 1`);
  if (!row) throw new Error("the test database has no edition");
  editionId = row.id;
  lexiconWords = (await queryRows<{ word: string }>(database.db, sql`select word from search_lexicon order by word`)).map((r) => r.word);
});
afterAll(async () => database?.close());

/** Search texts as visitors type them: every lexicon word, capitalised, with a letter dropped or doubled, umlauts, stop words, several words. */
function searchTexts(): string[][] {
  const texts: string[][] = [];
  for (const [i, word] of lexiconWords.entries()) {
    texts.push([word]);
    if (word.length >= 4) texts.push([word.slice(0, 2) + word.slice(3)], [word[0]?.toUpperCase() + word.slice(1) + word.slice(-1)]);
    const next = lexiconWords[(i * 7) % lexiconWords.length];
    if (i % 5 === 0 && next) texts.push([word, next]);
  }
  texts.push(
    ["Württemberg"],
    ["WÜRTTEMBERG"],
    ["Wuerttemberg"],
    ["Straße"],
    ["Café", "Économie"],
    ["und"],
    ["der", "die", "das"],
    ["ab"],
    ["x"],
  );
  texts.push(["Kunststoffe"], ["Workshops"], ["Netzwerktreffen"], ["Wasserstoffwirtschaft"], ["Digitalisierung"], ["4", "0"]);
  // Odd input: other scripts, ligatures, combining marks, invisible characters, overlong words, emoji.
  texts.push(["İstanbul"], ["ǅemal"], ["Ελλάδα"], ["東京"], ["naïve", "CAFÉ"], ["A\u0308pfel"], ["ﬁnanz"], ["ÆØÅ"]);
  texts.push(["zero\u200bwidth"], ["x".repeat(60)], ["🙂 Cluster"], ["Maß", "MASS"], ["İ"], ["2019ер"]);
  return texts;
}

describe("resolveSearchText", () => {
  it("finds for every kind of search text exactly the events cw_search_query finds in SQL", async () => {
    const version = await readDataVersion(database.db);
    const at = { db: database.db, version };
    const index = await programmeIndexFor(at, editionId);
    const lexicon = await searchLexiconFor(at);
    const position = new Map([...index.ids].map((id, i) => [id, i]));
    let resolvedHere = 0;
    const texts = searchTexts();
    expect(texts.length).toBeGreaterThan(500);
    for (const text of texts) {
      const words = searchWordsOf(text.join(" "));
      const query = await resolveSearchText(database.db, lexicon, words);
      if (!query) continue;
      resolvedHere++;
      const mask = evaluateTsquery(query, index.size, index.postings);
      // The SQL condition the feeds and exports use.
      const expected = (
        await queryRows<{ id: number }>(database.db, sql`select e.id from event e where ${baseConditions(editionId, words.join(" "))}`)
      )
        .map((r) => position.get(r.id))
        .sort((a, b) => (a as number) - (b as number));
      const found = [...mask].flatMap((m, i) => (m ? [i] : []));
      expect(found, words.join(" ")).toEqual(expected);
    }
    // None of it needed the database fallback: all resolved in memory (folding asked once per odd word).
    expect(resolvedHere).toBe(texts.length);
  }, 180_000);
});
