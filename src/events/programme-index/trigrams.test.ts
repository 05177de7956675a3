import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { type Database, queryRows } from "../../db/client.ts";
import { similarity, trigramsInOrder, wordSimilarity } from "./trigrams.ts";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database?.close());

describe("similarity and wordSimilarity", () => {
  it("give pg_trgm's numbers for lexicon words, typos, compounds and odd strings", async () => {
    const lexicon = (await queryRows<{ word: string }>(database.db, sql`select word from search_lexicon order by word limit 40`)).map(
      (r) => r.word,
    );
    const words = [
      ...lexicon,
      "kunststoff",
      "kunststofftag",
      "wokshop",
      "workshop",
      "4.0",
      "ab",
      "a",
      "",
      "aaaa",
      "ababab",
      "zz top",
      "e2e",
    ];
    const pairs = words.flatMap((a) => words.map((b) => [a, b] as const));
    const rows = await queryRows<{ s: number; w: number }>(
      database.db,
      sql`select similarity(p->>0, p->>1)::float8 as s, word_similarity(p->>0, p->>1)::float8 as w
          from jsonb_array_elements(${JSON.stringify(pairs)}::jsonb) with ordinality as t(p, n) order by n`,
    );
    expect(rows).toHaveLength(pairs.length);
    pairs.forEach(([a, b], i) => {
      const own = new Set(trigramsInOrder(a));
      expect(similarity(own, new Set(trigramsInOrder(b))), `similarity(${a}, ${b})`).toBe(rows[i]?.s);
      expect(wordSimilarity(own, trigramsInOrder(b)), `word_similarity(${a}, ${b})`).toBe(rows[i]?.w);
    });
  });
});
