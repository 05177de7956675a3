import { index, integer, pgTable, text } from "drizzle-orm/pg-core";

/**
 * The distinct folded words of public events' titles, summaries and names, with how many events
 * contain each. Kept current by statement-level triggers on `event` (migration search_lexicon_sync),
 * so every write path maintains it. The search resolves typos here with pg_trgm, on a few thousand
 * words, and then searches events only through the full-text index (docs/ARCHITECTURE.md "Search").
 */
export const searchLexicon = pgTable(
  "search_lexicon",
  {
    word: text().primaryKey(),
    documents: integer().notNull(),
  },
  (t) => [index("search_lexicon_word_trgm_idx").using("gin", t.word.op("gin_trgm_ops"))],
);
