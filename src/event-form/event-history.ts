import { asc, inArray } from "drizzle-orm";
import { insertJsonRows } from "../db/insert-json-rows.ts";
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
  return (await eventSnapshots(db, [id])).get(id) ?? {};
}

/** eventSnapshot of many events in three statements (the spreadsheet import's new events). */
export async function eventSnapshots(db: DbOrTx, ids: readonly number[]): Promise<Map<number, Record<string, unknown>>> {
  const snapshots = new Map<number, Record<string, unknown>>();
  if (ids.length === 0) return snapshots;
  const rows = await db
    .select()
    .from(event)
    .where(inArray(event.id, [...ids]));
  const sessions = await db
    .select()
    .from(eventSession)
    .where(inArray(eventSession.eventId, [...ids]))
    .orderBy(asc(eventSession.startsAt));
  const venueIds = rows.flatMap((r) => (r.venueId ? [r.venueId] : []));
  const places = venueIds.length ? await db.select().from(venue).where(inArray(venue.id, venueIds)) : [];
  for (const row of rows) {
    const place = places.find((p) => p.id === row.venueId);
    const snapshot: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row))
      if (!skipped.has(key)) snapshot[key] = value instanceof Date ? value.toISOString() : value;
    snapshot.sessions = sessions
      .filter((s) => s.eventId === row.id)
      .map((s) => ({ startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), allDay: s.allDay }));
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
    snapshots.set(row.id, snapshot);
  }
  return snapshots;
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
  await recordHistoryMany(db, actor, [{ eventId, action, changes }]);
}

/** History rows of one actor for many events in one statement (the spreadsheet import: insertJsonRows). */
export async function recordHistoryMany(
  db: DbOrTx,
  actor: Actor,
  entries: readonly { eventId: number; action: string; changes: FieldChange[] }[],
): Promise<void> {
  const userId = storedUserId(actor);
  await insertJsonRows(
    db,
    eventHistory,
    entries.map((e) => ({ ...e, userId })),
  );
}
