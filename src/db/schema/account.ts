import { sql } from "drizzle-orm";
import { boolean, index, integer, pgEnum, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
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
    /** Coordinators and editors: the daily digest of new submissions (opt-out in /konto). */
    reviewDigest: boolean().notNull().default(true),
    /** Organisers: the mails asking for an event's report after it (opt-out in /konto). */
    reportReminders: boolean().notNull().default(true),
    /** Set by an editor or admin: no login, no session, no API token works until reactivated (src/users/). */
    deactivatedAt: timestamp({ withTimezone: true }),
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

/**
 * Server-side sessions: the cookie carries a random token, the table only its SHA-256 hash.
 * Idle and absolute expiry are checked on every lookup (accounts/session-store.ts).
 */
export const session = pgTable(
  "session",
  {
    tokenHash: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    userAgent: text(),
  },
  (t) => [index("session_user_idx").on(t.userId)],
);

export const accountTokenPurpose = pgEnum("account_token_purpose", ["verify_email", "reset_password", "change_email"]);

/** Single-use links sent by mail (verification, password reset, e-mail change); stored hashed. */
export const accountToken = pgTable(
  "account_token",
  {
    tokenHash: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    purpose: accountTokenPurpose().notNull(),
    /** The address to switch to (change_email only). */
    newEmail: text(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("account_token_user_idx").on(t.userId, t.purpose)],
);
