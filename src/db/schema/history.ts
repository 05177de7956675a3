import { index, integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { user } from "./account.ts";
import { event } from "./event.ts";

export type FieldChange = { field: string; old: unknown; new: unknown };

/** Every change to an event: who, when, which fields, old → new (PRODUCT §3). */
export const eventHistory = pgTable(
  "event_history",
  {
    id: serial().primaryKey(),
    eventId: integer()
      .notNull()
      .references(() => event.id, { onDelete: "cascade" }),
    userId: integer().references(() => user.id, { onDelete: "set null" }),
    action: text().notNull(),
    changes: jsonb().$type<FieldChange[]>().notNull().default([]),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("event_history_event_idx").on(t.eventId, t.at)],
);
