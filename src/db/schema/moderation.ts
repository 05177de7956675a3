import { sql } from "drizzle-orm";
import { bigserial, boolean, date, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";
import { user } from "./account.ts";
import { edition } from "./edition.ts";
import { event } from "./event.ts";

export const reviewActions = ["publish", "approve", "request_changes", "reject", "unpublish"] as const;
export type ReviewAction = (typeof reviewActions)[number];

/** A reviewer's decision on an event (or on its pending revision), with the message the organiser sees. */
export const reviewDecision = pgTable(
  "review_decision",
  {
    id: serial().primaryKey(),
    /** The published (or only) row; decisions on a revision are recorded against its event. */
    eventId: integer()
      .notNull()
      .references(() => event.id, { onDelete: "cascade" }),
    userId: integer().references(() => user.id, { onDelete: "set null" }),
    action: text().$type<ReviewAction>().notNull(),
    message: text(),
    /** Form fields the message is about (request changes), marked in the organiser's form. */
    fields: text().array().notNull().default([]),
    reasonId: integer().references(() => rejectReason.id, { onDelete: "set null" }),
    /** What was public: after a publish, what it published; before an unpublish, what it took down. The diff base of the next review. */
    snapshot: jsonb().$type<Record<string, unknown>>(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("review_decision_event_idx").on(t.eventId, t.at)],
);

/** Standard reasons for rejecting an event, kept by editors, in German and English. */
export const rejectReason = pgTable("reject_reason", {
  id: serial().primaryKey(),
  textDe: text().notNull(),
  textEn: text().notNull(),
  active: boolean().notNull().default(true),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Append-only record of privileged actions (PRODUCT §8): decisions, organisation confirmations, role and
 * membership changes, page edits, user management, featured events. Written in the action's transaction;
 * a trigger (migration 0014) refuses UPDATE and DELETE. The actor's name is copied so it outlives the account.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: integer(),
    actorName: text().notNull(),
    action: text().notNull(),
    objectType: text().notNull(),
    objectId: text().notNull(),
    /** The state the object belongs to, so coordinators see their states' entries; null for national objects. */
    stateCode: text(),
    summary: text().notNull(),
    before: jsonb(),
    after: jsonb(),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_state_idx").on(t.stateCode, t.at)],
);

/** Events chosen for the home page (scope "home", editors) or a state page (scope = state code, its coordinators). */
export const featuredEvent = pgTable(
  "featured_event",
  {
    editionId: integer()
      .notNull()
      .references(() => edition.id, { onDelete: "cascade" }),
    scope: text().notNull(),
    eventId: integer()
      .notNull()
      .references(() => event.id, { onDelete: "cascade" }),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.editionId, t.scope, t.eventId] })],
);

/** Mails that go out at most once per subject and day (digests, reminders): the row is the "already sent". */
export const notificationLog = pgTable(
  "notification_log",
  {
    kind: text().notNull(),
    subjectKey: text().notNull(),
    sentOn: date({ mode: "string" }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.kind, t.subjectKey, t.sentOn] })],
);
