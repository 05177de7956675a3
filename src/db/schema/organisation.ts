import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { state } from "./taxonomy.ts";

export const organisationKind = pgEnum("organisation_kind", [
  "cluster_initiative",
  "network",
  "ministry",
  "research_institution",
  "company",
  "other",
]);

/** Requested organisations wait for a coordinator of their state or an editor; only active ones are public. */
export const organisationStatus = pgEnum("organisation_status", ["pending", "active", "declined"]);

export const organisation = pgTable(
  "organisation",
  {
    id: serial().primaryKey(),
    slug: text().notNull().unique(),
    name: text().notNull(),
    shortName: text(),
    kind: organisationKind().notNull().default("cluster_initiative"),
    stateCode: text()
      .notNull()
      .references(() => state.code),
    city: text().notNull().default(""),
    website: text(),
    logoUrl: text(),
    descriptionDe: text().notNull().default(""),
    descriptionEn: text().notNull().default(""),
    topics: text().array().notNull().default([]),
    /** e.g. go-cluster member, cluster-excellence label */
    labels: text().array().notNull().default([]),
    contactName: text(),
    contactEmail: text(),
    contactPhone: text(),
    status: organisationStatus().notNull().default("active"),
    /** Who confirmed or declined the request, when, and the reviewer's note (kept as the audit trail). */
    decidedBy: integer(),
    decidedAt: timestamp({ withTimezone: true }),
    decisionNote: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("organisation_state_idx").on(t.stateCode),
    index("organisation_pending_idx").on(t.stateCode).where(sql`${t.status} = 'pending'`),
  ],
);
