import { sql } from "drizzle-orm";
import { index, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { membershipRole, user } from "./account.ts";
import { organisation } from "./organisation.ts";

/** An invitation to join an organisation, mailed as a link; the table keeps only the token's SHA-256 hash. */
export const organisationInvitation = pgTable(
  "organisation_invitation",
  {
    id: serial().primaryKey(),
    organisationId: integer()
      .notNull()
      .references(() => organisation.id, { onDelete: "cascade" }),
    email: text().notNull(),
    role: membershipRole().notNull().default("member"),
    tokenHash: text().notNull(),
    invitedBy: integer().references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    acceptedBy: integer().references(() => user.id, { onDelete: "set null" }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("organisation_invitation_token_idx").on(t.tokenHash),
    index("organisation_invitation_open_idx").on(t.organisationId).where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
  ],
);
