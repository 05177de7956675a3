import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { user } from "./account.ts";
import { type EventLink, event } from "./event.ts";

/**
 * A report's life, like an event's (PRODUCT §3): the organisers write it (draft), submit it, a reviewer
 * publishes it, requests changes or rejects it; the organisers may withdraw it. Editing a published
 * report puts it back to submitted (it is off the public page until it is published again).
 */
export const reportStatus = pgEnum("report_status", ["draft", "submitted", "changes_requested", "published", "rejected", "withdrawn"]);

/** Licences a report photo may carry (the form's list; stored as the code). */
export const photoLicences = ["cc0-1.0", "cc-by-4.0", "cc-by-sa-4.0", "all-rights-granted"] as const;
export type PhotoLicence = (typeof photoLicences)[number];

/** The report on an event after its last date: text, participants, links, a press release PDF, photos. */
export const report = pgTable(
  "report",
  {
    id: serial().primaryKey(),
    /** One report per event. */
    eventId: integer()
      .notNull()
      .references(() => event.id, { onDelete: "cascade" }),
    status: reportStatus().notNull().default("draft"),
    /** Markdown, rendered sanitised (lib/markdown.ts). */
    textDe: text().notNull().default(""),
    textEn: text(),
    participantCount: integer(),
    links: jsonb().$type<EventLink[]>().notNull().default([]),
    /** The press release: /uploads/<random>.pdf, its first page as /uploads/<random>.webp, size and pages. */
    pressReleasePath: text(),
    pressReleasePreviewPath: text(),
    pressReleaseBytes: integer(),
    pressReleasePages: integer(),
    /** Optimistic concurrency check, like event.version. */
    version: integer().notNull().default(1),
    createdById: integer().references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp({ withTimezone: true }),
    publishedAt: timestamp({ withTimezone: true }),
    withdrawnAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("report_event_idx").on(t.eventId),
    index("report_status_idx").on(t.status),
    check("report_participant_count_check", sql`${t.participantCount} is null or ${t.participantCount} >= 0`),
  ],
);

/** A photo of a report: stored by media/store-image.ts (EXIF/GPS stripped), with the texts the public needs. */
export const reportPhoto = pgTable(
  "report_photo",
  {
    id: serial().primaryKey(),
    reportId: integer()
      .notNull()
      .references(() => report.id, { onDelete: "cascade" }),
    /** /uploads/<random>.webp */
    path: text().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    altDe: text().notNull(),
    altEn: text(),
    credit: text().notNull(),
    licence: text().$type<PhotoLicence>().notNull(),
    /** The uploader confirmed that the people shown consented (PRODUCT §6): who and when. */
    consentConfirmedById: integer().references(() => user.id, { onDelete: "set null" }),
    consentConfirmedAt: timestamp({ withTimezone: true }).notNull(),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("report_photo_report_idx").on(t.reportId, t.position)],
);

export const reportActions = ["submit", "publish", "request_changes", "reject", "withdraw"] as const;
export type ReportAction = (typeof reportActions)[number];

/** Who did what to a report, with the reviewer's message the organisers see (the report's history). */
export const reportDecision = pgTable(
  "report_decision",
  {
    id: serial().primaryKey(),
    reportId: integer()
      .notNull()
      .references(() => report.id, { onDelete: "cascade" }),
    userId: integer().references(() => user.id, { onDelete: "set null" }),
    action: text().$type<ReportAction>().notNull(),
    message: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("report_decision_report_idx").on(t.reportId, t.at)],
);
