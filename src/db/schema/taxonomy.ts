import { boolean, integer, pgEnum, pgTable, text } from "drizzle-orm/pg-core";

/** The 16 Länder plus the pseudo-states "online" and "international" (PRODUCT §3). */
export const stateKind = pgEnum("state_kind", ["land", "online", "international"]);

export const state = pgTable("state", {
  code: text().primaryKey(),
  kind: stateKind().notNull().default("land"),
  nameDe: text().notNull(),
  nameEn: text().notNull(),
  sort: integer().notNull().default(0),
});

export const format = pgTable("format", {
  code: text().primaryKey(),
  nameDe: text().notNull(),
  nameEn: text().notNull(),
  sort: integer().notNull().default(0),
});

export const attendanceMode = pgTable("attendance_mode", {
  code: text().primaryKey(),
  nameDe: text().notNull(),
  nameEn: text().notNull(),
  /** schema.org eventAttendanceMode, e.g. OfflineEventAttendanceMode */
  schemaOrg: text().notNull(),
  sort: integer().notNull().default(0),
});

/** Technology fields; editors can extend them. */
export const topic = pgTable("topic", {
  code: text().primaryKey(),
  nameDe: text().notNull(),
  nameEn: text().notNull(),
  active: boolean().notNull().default(true),
  sort: integer().notNull().default(0),
});

/** Target groups; editors can extend them. */
export const targetGroup = pgTable("target_group", {
  code: text().primaryKey(),
  nameDe: text().notNull(),
  nameEn: text().notNull(),
  active: boolean().notNull().default(true),
  sort: integer().notNull().default(0),
});
