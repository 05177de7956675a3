import { index, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { user } from "./account.ts";

/**
 * Personal API tokens (`Authorization: Bearer cwt_…`): act as their user, with exactly the user's
 * permissions. Only the SHA-256 of the secret is stored; revoking deletes the row.
 */
export const apiToken = pgTable(
  "api_token",
  {
    id: serial().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    name: text().notNull(),
    tokenHash: text().notNull(),
    /** The first characters of the token, shown in the list so its owner can tell tokens apart. */
    prefix: text().notNull(),
    /** Null: valid until revoked. */
    expiresAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("api_token_hash_idx").on(t.tokenHash), index("api_token_user_idx").on(t.userId)],
);
