import { sql } from "drizzle-orm";
import { index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

/** Outgoing mail, written in the sender's transaction and delivered by the worker (mail/mail-worker.ts). */
export const mailJob = pgTable(
  "mail_job",
  {
    id: serial().primaryKey(),
    recipient: text().notNull(),
    language: text().notNull().default("de"),
    subject: text().notNull(),
    text: text().notNull(),
    html: text().notNull(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("mail_job_due_idx").on(t.nextAttemptAt).where(sql`${t.sentAt} is null`)],
);
