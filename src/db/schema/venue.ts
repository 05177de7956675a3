import { doublePrecision, pgTable, serial, text } from "drizzle-orm/pg-core";
import { state } from "./taxonomy.ts";

export const venue = pgTable("venue", {
  id: serial().primaryKey(),
  name: text().notNull(),
  street: text().notNull().default(""),
  postalCode: text().notNull().default(""),
  city: text().notNull(),
  stateCode: text().references(() => state.code),
  /** ISO 3166-1 alpha-2 */
  country: text().notNull().default("DE"),
  latitude: doublePrecision(),
  longitude: doublePrecision(),
});
