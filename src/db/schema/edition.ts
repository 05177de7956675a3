import { type AnyPgColumn, date, integer, jsonb, pgEnum, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { event } from "./event.ts";

export const editionStatus = pgEnum("edition_status", ["planning", "open", "running", "archived"]);
export const moderationMode = pgEnum("moderation_mode", ["one_tier", "two_tier"]);

export type Patron = { name: string; roleDe: string; roleEn: string; portraitUrl?: string; portraitCredit?: string };
export type ContactPerson = {
  name: string;
  organisation: string;
  phone?: string;
  fax?: string;
  email: string;
};

export const edition = pgTable("edition", {
  id: serial().primaryKey(),
  year: integer().notNull().unique(),
  titleDe: text().notNull(),
  titleEn: text().notNull(),
  mottoDe: text().notNull().default(""),
  mottoEn: text().notNull().default(""),
  hashtag: text().notNull().default(""),
  startsOn: date({ mode: "string" }).notNull(),
  endsOn: date({ mode: "string" }).notNull(),
  submissionOpensAt: timestamp({ withTimezone: true }),
  submissionClosesAt: timestamp({ withTimezone: true }),
  status: editionStatus().notNull().default("planning"),
  moderation: moderationMode().notNull().default("one_tier"),
  /** Days a submission may wait in the review queue before its coordinators are reminded. */
  reviewTargetDays: integer().notNull().default(5),
  greetingDe: text().notNull().default(""),
  greetingEn: text().notNull().default(""),
  patrons: jsonb().$type<Patron[]>().notNull().default([]),
  contacts: jsonb().$type<ContactPerson[]>().notNull().default([]),
  /** Set after the events exist. */
  openingEventId: integer().references((): AnyPgColumn => event.id, { onDelete: "set null" }),
  closingEventId: integer().references((): AnyPgColumn => event.id, { onDelete: "set null" }),
  /** Bumped by every back-office change; a form posting an older one gets 409 (nothing overwritten). */
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
