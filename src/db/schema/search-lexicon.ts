import { index, pgTable, text } from "drizzle-orm/pg-core";

/**
 * The distinct folded words of public events' titles, summaries and names. Statement-level triggers
 * on `event` add new words (migrations 0008, 0010), so every write path maintains it; words are only
 * added, never counted or removed, so event writes leave no dead rows here (PGlite has no autovacuum).
 * The search resolves typos here with pg_trgm, on a few thousand words, and then finds events only
 * through the full-text index (docs/ARCHITECTURE.md "Database").
 */
export const searchLexicon = pgTable(
  "search_lexicon",
  {
    word: text().primaryKey(),
  },
  (t) => [index("search_lexicon_word_trgm_idx").using("gin", t.word.op("gin_trgm_ops"))],
);
