import { type SQL, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { edition } from "./edition.ts";
import { organisation } from "./organisation.ts";
import { format, state } from "./taxonomy.ts";
import { venue } from "./venue.ts";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** "approved": a coordinator approved it in a two-tier edition; the national office publishes (PRODUCT §7). */
export const eventStatus = pgEnum("event_status", [
  "draft",
  "submitted",
  "changes_requested",
  "published",
  "rejected",
  "cancelled",
  "approved",
]);
export const attendanceModeCode = pgEnum("attendance_mode_code", ["onsite", "online", "hybrid"]);

export type Accessibility = {
  stepFree?: boolean;
  hearingLoop?: boolean;
  signLanguage?: boolean;
  subtitles?: boolean;
  notes?: string;
};
export type CoOrganiser = { organisationId?: number; name: string };
export type EventLink = { label: string; url: string };
/** A plausibility finding stored on submit (PRODUCT §6); errors block submitting, warnings do not. */
export type EventCheck = { code: string; severity: "error" | "warning"; params?: Record<string, string> };

export const event = pgTable(
  "event",
  {
    id: serial().primaryKey(),
    editionId: integer()
      .notNull()
      .references(() => edition.id),
    organisationId: integer()
      .notNull()
      .references(() => organisation.id),
    slug: text().notNull(),
    status: eventStatus().notNull().default("draft"),
    titleDe: text().notNull(),
    titleEn: text(),
    summaryDe: text().notNull(),
    summaryEn: text(),
    descriptionDe: text().notNull().default(""),
    descriptionEn: text(),
    formatCode: text()
      .notNull()
      .references(() => format.code),
    mode: attendanceModeCode().notNull().default("onsite"),
    venueId: integer().references(() => venue.id),
    /** The Land the event belongs to: the venue's, or the organiser's for online events; "international" abroad. */
    stateCode: text()
      .notNull()
      .references(() => state.code),
    onlineUrl: text(),
    /** The organiser chose to publish the access link; otherwise public outputs say how to register (PRODUCT §8). */
    onlineUrlPublic: boolean().notNull().default(false),
    liveUrl: text(),
    replayUrl: text(),
    topics: text().array().notNull().default([]),
    targetGroups: text().array().notNull().default([]),
    /** ISO 639-1 codes */
    languages: text().array().notNull().default(["de"]),
    /** ISO 3166-1 alpha-2 codes of international partners */
    partnerCountries: text().array().notNull().default([]),
    coOrganisers: jsonb().$type<CoOrganiser[]>().notNull().default([]),
    isFree: boolean().notNull().default(true),
    costText: text(),
    registrationUrl: text(),
    registrationEmail: text(),
    registrationDeadline: timestamp({ withTimezone: true }),
    capacity: integer(),
    accessibility: jsonb().$type<Accessibility>().notNull().default({}),
    contactName: text(),
    contactEmail: text(),
    contactPhone: text(),
    /** The organiser chose the contact person as the public contact; otherwise public outputs leave them out. */
    contactPublic: boolean().notNull().default(false),
    imageUrl: text(),
    imageAlt: text(),
    imageCredit: text(),
    links: jsonb().$type<EventLink[]>().notNull().default([]),
    /** Organiser's own reference, used by spreadsheet re-import (unique per organisation and edition). */
    externalRef: text(),
    /** Denormalised from event_session by the write path: first start, last end, every Berlin day covered. */
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    days: date({ mode: "string" }).array().notNull().default([]),
    /** Organisation name, venue name and city: searchable text kept in step by the write path. */
    searchExtra: text().notNull().default(""),
    /** Plausibility findings of the last submit, for the organiser and the reviewers. */
    checks: jsonb().$type<EventCheck[]>().notNull().default([]),
    /**
     * Set on a pending revision: the working copy of a published event's changes under review. The
     * published row (this id) stays public until the revision is published into it (moderation/).
     */
    revisionOf: integer().references((): AnyPgColumn => event.id, { onDelete: "cascade" }),
    /** When it was last submitted for review: the review queue's order. */
    submittedAt: timestamp({ withTimezone: true }),
    /** Optimistic concurrency check. */
    version: integer().notNull().default(1),
    /** iCalendar SEQUENCE, raised on every published change. */
    sequence: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    /** Why the organiser cancelled it, shown on the public page (required by the cancel form). */
    cancelReason: text(),
    /** German full-text document; cw_fold (migration 0000) folds umlauts and accents on both sides. */
    searchVector: tsvector().generatedAlwaysAs(
      (): SQL => sql`setweight(to_tsvector('german', cw_fold(coalesce(${event.titleDe}, '') || ' ' || coalesce(${event.titleEn}, ''))), 'A')
        || setweight(to_tsvector('german', cw_fold(coalesce(${event.summaryDe}, '') || ' ' || coalesce(${event.summaryEn}, ''))), 'B')
        || setweight(to_tsvector('german', cw_fold(coalesce(${event.descriptionDe}, '') || ' ' || ${event.searchExtra})), 'C')`,
    ),
    /** Folded words for trigram typo tolerance (pg_trgm). */
    searchWords: text().generatedAlwaysAs(
      (): SQL =>
        sql`cw_fold(coalesce(${event.titleDe}, '') || ' ' || coalesce(${event.titleEn}, '') || ' ' || ${event.summaryDe} || ' ' || ${event.searchExtra})`,
    ),
  },
  (t) => [
    // An organisation's own import reference names one event per edition: next year's sheet may reuse it.
    uniqueIndex("event_org_edition_external_ref_idx")
      .on(t.organisationId, t.editionId, t.externalRef)
      .where(sql`${t.externalRef} is not null`),
    index("event_edition_status_starts_idx").on(t.editionId, t.status, t.startsAt),
    index("event_organisation_idx").on(t.organisationId),
    index("event_state_idx").on(t.editionId, t.stateCode),
    index("event_topics_idx").using("gin", t.topics),
    index("event_target_groups_idx").using("gin", t.targetGroups),
    index("event_languages_idx").using("gin", t.languages),
    check("event_end_after_start", sql`${t.endsAt} >= ${t.startsAt}`),
    uniqueIndex("event_revision_of_idx").on(t.revisionOf).where(sql`${t.revisionOf} is not null`),
    // A revision is never public: public reads select published and cancelled rows only. (As text: the
    // migration that adds "approved" runs in the same transaction, where the new enum value is unusable.)
    check("event_revision_not_public", sql`${t.revisionOf} is null or ${t.status}::text in ('submitted', 'changes_requested', 'approved')`),
    index("event_review_queue_idx").on(t.status, t.submittedAt),
    index("event_days_idx").using("gin", t.days),
    index("event_search_vector_idx").using("gin", t.searchVector),
    index("event_search_words_idx").using("gin", sql`${t.searchWords} gin_trgm_ops`),
  ],
);

/** One date of an event; a multi-date event has several, each its own VEVENT in feeds. */
export const eventSession = pgTable(
  "event_session",
  {
    id: serial().primaryKey(),
    eventId: integer()
      .notNull()
      .references(() => event.id, { onDelete: "cascade" }),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    allDay: boolean().notNull().default(false),
  },
  (t) => [
    index("event_session_event_idx").on(t.eventId, t.startsAt),
    check("event_session_end_after_start", sql`${t.endsAt} >= ${t.startsAt}`),
  ],
);
