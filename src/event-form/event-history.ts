import { asc, eq } from "drizzle-orm";
import { event, eventHistory, eventSession, type FieldChange, venue } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { type Actor, storedUserId } from "../lib/actor.ts";

// Columns that are bookkeeping, not content: never listed as changes.
const skipped = new Set([
  "id",
  "version",
  "sequence",
  "createdAt",
  "updatedAt",
  "searchVector",
  "searchWords",
  "searchExtra",
  "days",
  "startsAt",
  "endsAt",
  "checks",
  "venueId",
]);

/** Everything a person edits about an event, flattened for comparison (sessions and venue included). */
export async function eventSnapshot(db: DbOrTx, id: number): Promise<Record<string, unknown>> {
  const [row] = await db.select().from(event).where(eq(event.id, id));
  if (!row) return {};
  const sessions = await db.select().from(eventSession).where(eq(eventSession.eventId, id)).orderBy(asc(eventSession.startsAt));
  const [place] = row.venueId ? await db.select().from(venue).where(eq(venue.id, row.venueId)) : [];
  const snapshot: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row))
    if (!skipped.has(key)) snapshot[key] = value instanceof Date ? value.toISOString() : value;
  snapshot.sessions = sessions.map((s) => ({ startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), allDay: s.allDay }));
  snapshot.venue = place
    ? {
        name: place.name,
        street: place.street,
        postalCode: place.postalCode,
        city: place.city,
        stateCode: place.stateCode,
        country: place.country,
        latitude: place.latitude,
        longitude: place.longitude,
      }
    : null;
  return snapshot;
}

// Code lists whose order carries no meaning: a different order is no change.
const sets = new Set(["topics", "targetGroups", "languages", "partnerCountries"]);
// Accessibility flags: a missing flag and a false one mean the same.
const comparable = (field: string, value: unknown) => {
  if (sets.has(field) && Array.isArray(value)) return JSON.stringify([...value].sort());
  if (field === "accessibility" && value && typeof value === "object") {
    return JSON.stringify(
      Object.entries(value)
        .filter(([, v]) => Boolean(v))
        .sort(([a], [b]) => a.localeCompare(b)),
    );
  }
  return JSON.stringify(value ?? null);
};

/** The fields that differ between two snapshots, old → new. */
export function diffSnapshots(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: FieldChange[] = [];
  for (const field of keys) {
    const old = before[field] ?? null;
    const now = after[field] ?? null;
    if (comparable(field, old) !== comparable(field, now)) changes.push({ field, old, new: now });
  }
  return changes;
}

/** Writes one history row (who, when, what) inside the caller's transaction. */
export async function recordHistory(db: DbOrTx, eventId: number, actor: Actor, action: string, changes: FieldChange[]): Promise<void> {
  await db.insert(eventHistory).values({ eventId, userId: storedUserId(actor), action, changes });
}
