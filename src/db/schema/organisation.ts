import { index, pgEnum, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { state } from "./taxonomy.ts";

export const organisationKind = pgEnum("organisation_kind", [
  "cluster_initiative",
  "network",
  "ministry",
  "research_institution",
  "company",
  "other",
]);

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
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("organisation_state_idx").on(t.stateCode)],
);
