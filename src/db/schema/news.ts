import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { edition } from "./edition.ts";

/**
 * A news item of an edition (news page, press page, feeds, API, sitemap). Under embargo until
 * `publish_at`: every public query filters `publish_at <= now`. `released_at` is set by the
 * scheduler's news-release job once the time has passed — that write bumps data_version, so every
 * cached page is rendered again without anyone acting (ARCHITECTURE.md "News and embargo").
 */
export const newsItem = pgTable(
  "news_item",
  {
    id: serial().primaryKey(),
    editionId: integer()
      .notNull()
      .references(() => edition.id, { onDelete: "cascade" }),
    slug: text().notNull(),
    titleDe: text().notNull(),
    titleEn: text().notNull().default(""),
    summaryDe: text().notNull().default(""),
    summaryEn: text().notNull().default(""),
    bodyDe: text().notNull().default(""),
    bodyEn: text().notNull().default(""),
    /** A press release: listed on /presse and in the press feeds. */
    press: boolean().notNull().default(false),
    publishAt: timestamp({ withTimezone: true }).notNull(),
    releasedAt: timestamp({ withTimezone: true }),
    /** The press release as PDF (storePdf: content-checked), under DATA_DIR/uploads. */
    pdfPath: text(),
    pdfBytes: integer(),
    pdfPages: integer(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp({ withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [uniqueIndex("news_item_slug_idx").on(t.slug), index("news_item_publish_idx").on(t.editionId, t.publishAt)],
);

/** Press contacts of an edition, shown on /presse in their order. */
export const pressContact = pgTable(
  "press_contact",
  {
    id: serial().primaryKey(),
    editionId: integer()
      .notNull()
      .references(() => edition.id, { onDelete: "cascade" }),
    name: text().notNull(),
    organisation: text().notNull().default(""),
    roleDe: text().notNull().default(""),
    roleEn: text().notNull().default(""),
    email: text(),
    phone: text(),
    position: integer().notNull().default(0),
  },
  (t) => [index("press_contact_edition_idx").on(t.editionId, t.position)],
);
