import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Rate-limit counters shared by every instance (accounts/rate-limit-store.ts): one row per key
 * (route + client IP, or login address), counting hits until `reset_at`, then starting again.
 */
export const rateLimitHit = pgTable("rate_limit_hit", {
  key: text().primaryKey(),
  hits: integer().notNull(),
  resetAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
});
