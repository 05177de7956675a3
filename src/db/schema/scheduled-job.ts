import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * When each scheduled job (jobs/scheduler.ts) last started, on any instance: an instance runs a job only
 * if it moves `last_started_at` forward itself, so a job due every hour runs once an hour across all
 * instances and restarts.
 */
export const scheduledJob = pgTable("scheduled_job", {
  name: text().primaryKey(),
  lastStartedAt: timestamp({ withTimezone: true }).notNull(),
  lastFinishedAt: timestamp({ withTimezone: true }),
  /** What the last finished run reported (counts), or its error. */
  lastResult: jsonb(),
});
