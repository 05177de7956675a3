import { integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { edition } from "./edition.ts";
import { state } from "./taxonomy.ts";

/** Editor-written pages: imprint, privacy, accessibility statement, about. */
export const page = pgTable(
  "page",
  {
    id: serial().primaryKey(),
    slug: text().notNull(),
    titleDe: text().notNull(),
    titleEn: text().notNull(),
    bodyDe: text().notNull(),
    bodyEn: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("page_slug_idx").on(t.slug)],
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
