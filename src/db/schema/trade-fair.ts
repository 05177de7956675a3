import { date, index, integer, pgTable, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { edition } from "./edition.ts";
import { event } from "./event.ts";
import { organisation } from "./organisation.ts";

/** A fair during an edition (e.g. Hannover Messe) and the days it is open; presences must fall on these days. */
export const tradeFair = pgTable(
  "trade_fair",
  {
    id: serial().primaryKey(),
    editionId: integer()
      .notNull()
      .references(() => edition.id, { onDelete: "cascade" }),
    name: text().notNull(),
    startsOn: date({ mode: "string" }).notNull(),
    endsOn: date({ mode: "string" }).notNull(),
  },
  (t) => [uniqueIndex("trade_fair_edition_name_idx").on(t.editionId, t.name)],
);

/** An organisation's booth at a fair during the week (PRODUCT §3). */
export const tradeFairPresence = pgTable(
  "trade_fair_presence",
  {
    id: serial().primaryKey(),
    editionId: integer()
      .notNull()
      .references(() => edition.id),
    organisationId: integer()
      .notNull()
      .references(() => organisation.id),
    fair: text().notNull(),
    hall: text().notNull(),
    booth: text().notNull(),
    days: date({ mode: "string" }).array().notNull().default([]),
    coExhibitors: text().array().notNull().default([]),
    textDe: text().notNull().default(""),
    textEn: text(),
    eventId: integer().references(() => event.id, { onDelete: "set null" }),
  },
  (t) => [
    index("trade_fair_presence_edition_idx").on(t.editionId, t.fair, t.hall, t.booth),
    index("trade_fair_presence_organisation_idx").on(t.organisationId),
  ],
);
