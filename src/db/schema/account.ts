import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { organisation } from "./organisation.ts";
import { state } from "./taxonomy.ts";

export const userRole = pgEnum("user_role", ["organiser", "coordinator", "editor", "admin"]);

export const user = pgTable(
  "user",
  {
    id: serial().primaryKey(),
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text(),
    role: userRole().notNull().default("organiser"),
    language: text().notNull().default("de"),
    emailVerifiedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("user_email_idx").on(sql`lower(${t.email})`)],
);

export const membershipRole = pgEnum("membership_role", ["member", "owner"]);

export const membership = pgTable(
  "membership",
  {
    userId: integer()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    organisationId: integer()
      .notNull()
      .references(() => organisation.id, { onDelete: "cascade" }),
    role: membershipRole().notNull().default("member"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.organisationId] }), index("membership_org_idx").on(t.organisationId)],
);

/** The states a coordinator is bound to. */
export const coordinatorState = pgTable(
  "coordinator_state",
  {
    userId: integer()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    stateCode: text()
      .notNull()
      .references(() => state.code),
  },
  (t) => [primaryKey({ columns: [t.userId, t.stateCode] })],
);
