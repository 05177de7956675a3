import { index, integer, jsonb, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { user } from "./account.ts";
import { edition } from "./edition.ts";
import { organisation } from "./organisation.ts";

export const importPlanStatus = pgEnum("import_plan_status", ["pending", "confirmed"]);

/**
 * A spreadsheet import's preview (imports/): every row's parsed values, problems and planned action,
 * kept server-side until it is confirmed once or expires. Private: never shown on public pages.
 */
export const importPlan = pgTable(
  "import_plan",
  {
    /** 128 random bits (hex): the preview's address, unguessable. */
    id: text().primaryKey(),
    organisationId: integer()
      .notNull()
      .references(() => organisation.id, { onDelete: "cascade" }),
    editionId: integer()
      .notNull()
      .references(() => edition.id, { onDelete: "cascade" }),
    userId: integer().references(() => user.id, { onDelete: "set null" }),
    fileName: text().notNull(),
    /** What imported events become: submitted for review, or drafts. */
    importAs: text().$type<"submitted" | "draft">().notNull(),
    status: importPlanStatus().notNull().default("pending"),
    /** The plan itself (imports/import-plan.ts ImportPlanBody). */
    body: jsonb().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    confirmedAt: timestamp({ withTimezone: true }),
    /** Counts of the confirmed import. */
    result: jsonb(),
  },
  (t) => [index("import_plan_expires_idx").on(t.expiresAt)],
);
