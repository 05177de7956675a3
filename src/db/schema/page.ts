import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { user } from "./account.ts";
import { edition } from "./edition.ts";
import { state } from "./taxonomy.ts";

/**
 * Editor-written pages: imprint, privacy, accessibility statement, about (fixed slugs and paths) and
 * free pages at /seiten/:slug, global (edition null) or belonging to one edition. Markdown, sanitised
 * when rendered. `version` counts saves (the form's version check); every save is a page_revision row.
 */
export const page = pgTable(
  "page",
  {
    id: serial().primaryKey(),
    slug: text().notNull(),
    editionId: integer().references(() => edition.id, { onDelete: "cascade" }),
    titleDe: text().notNull(),
    titleEn: text().notNull(),
    bodyDe: text().notNull(),
    bodyEn: text().notNull(),
    /** Free pages may be drafts; fixed pages are always published. */
    published: boolean().notNull().default(true),
    /** Seeded placeholder text nobody has edited yet: the public page says so. */
    demo: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("page_slug_idx").on(t.slug), index("page_edition_idx").on(t.editionId)],
);

/** Every saved state of a page (version 1 = the first save), for the history and restore. */
export const pageRevision = pgTable(
  "page_revision",
  {
    id: serial().primaryKey(),
    pageId: integer()
      .notNull()
      .references(() => page.id, { onDelete: "cascade" }),
    version: integer().notNull(),
    titleDe: text().notNull(),
    titleEn: text().notNull(),
    bodyDe: text().notNull(),
    bodyEn: text().notNull(),
    published: boolean().notNull(),
    savedById: integer().references(() => user.id, { onDelete: "set null" }),
    savedByName: text().notNull(),
    /** The version this one restored, when it was a restore. */
    restoredFrom: integer(),
    savedAt: timestamp({ withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [uniqueIndex("page_revision_version_idx").on(t.pageId, t.version)],
);

/** A coordinator-edited introduction for one state's page in one edition. */
export const stateIntro = pgTable(
  "state_intro",
  {
    editionId: integer()
      .notNull()
      .references(() => edition.id, { onDelete: "cascade" }),
    stateCode: text()
      .notNull()
      .references(() => state.code),
    introDe: text().notNull().default(""),
    introEn: text().notNull().default(""),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.editionId, t.stateCode] })],
);
