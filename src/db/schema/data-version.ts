import { sql } from "drizzle-orm";
import { bigint, check, pgTable, smallint, timestamp } from "drizzle-orm/pg-core";

/**
 * One row that changes whenever data shown on public pages changes: statement-level triggers on
 * every public table bump it (migration 0003_data_version_triggers). App instances poll it to
 * invalidate their in-process response cache; `changed_at` is the pages' Last-Modified.
 */
export const dataVersion = pgTable(
  "data_version",
  {
    id: smallint().primaryKey().default(1),
    version: bigint({ mode: "number" }).notNull().default(1),
    changedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** The transaction that last moved `changed_at`, so one transaction moves it once. */
    changedTxid: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [check("data_version_one_row", sql`${t.id} = 1`)],
);
