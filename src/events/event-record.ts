import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/client.ts";
import { insertJsonRows } from "../db/insert-json-rows.ts";
import { event, eventSession } from "../db/schema/index.ts";
import { eventDateColumns, type SessionTimes } from "./event-dates.ts";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export type NewEventRecord = Omit<
  typeof event.$inferInsert,
  "id" | "startsAt" | "endsAt" | "days" | "searchExtra" | "searchVector" | "searchWords"
>;
export type NewSession = SessionTimes & { allDay?: boolean };

/**
 * Inserts an event with its sessions and fills the denormalised columns (dates, searchable
 * organisation and venue names). The one write path for new events, used by seeds and verbs.
 */
export async function insertEventRecord(db: DbOrTx, values: NewEventRecord, sessions: NewSession[]): Promise<number> {
  const searchExtra = await searchExtraFor(db, values.organisationId, values.venueId ?? null, values.formatCode, values.stateCode);
  const [row] = await db
    .insert(event)
    .values({ ...values, ...eventDateColumns(sessions), searchExtra })
    .returning({ id: event.id });
  if (!row) throw new Error("insert returned no row");
  await db
    .insert(eventSession)
    .values(sessions.map((s) => ({ eventId: row.id, startsAt: s.startsAt, endsAt: s.endsAt, allDay: s.allDay ?? false })));
  return row.id;
}

/**
 * insertEventRecord for many events (the spreadsheet import, the demo seed): one JSON-parameter insert
 * of the events and one of their sessions (insertJsonRows), then the search-extra text from the same
 * SQL expression in one update. Returns the ids in input order.
 */
export async function insertEventRecords(
  db: DbOrTx,
  records: readonly { values: NewEventRecord; sessions: NewSession[] }[],
): Promise<number[]> {
  const ids = await insertJsonRows(
    db,
    event,
    records.map((r) => ({ ...r.values, ...eventDateColumns(r.sessions), searchExtra: "" })),
  );
  await insertJsonRows(
    db,
    eventSession,
    records.flatMap((r, k) =>
      r.sessions.map((s) => ({ eventId: ids[k] ?? 0, startsAt: s.startsAt, endsAt: s.endsAt, allDay: s.allDay ?? false })),
    ),
  );
  for (let i = 0; i < ids.length; i += 5000)
    await updateSearchExtra(db, sql`e.id = any(${`{${ids.slice(i, i + 5000).join(",")}}`}::int[])`);
  return ids;
}

/**
 * Text that makes an event findable by its organiser's and venue's names, the venue's city, its Land
 * in German and English ("Baden-Württemberg", "Bavaria"; cw_fold makes "Baden-Wuerttemberg" the same
 * word) and its format ("Workshop"), from the rows aliased o (organisation), v (venue), s (the event's
 * Land; online and abroad add no name) and f (format); empty parts are left out. The one definition:
 * stored in event.search_extra, from which the generated search_vector and search_words follow, and
 * the programme index reads search_vector — so the SQL search and the in-memory search see one text.
 * Migration 0019 applied the same expression to the rows that existed then.
 */
const searchExtraOf = sql`concat_ws(' ', nullif(o.name, ''), nullif(o.short_name, ''), nullif(v.name, ''), nullif(v.city, ''),
  s.name_de, nullif(s.name_en, s.name_de), nullif(f.name_de, ''), nullif(f.name_en, ''))`;

/** The search-extra text of an event with this organiser, venue, format and Land. */
export async function searchExtraFor(
  db: DbOrTx,
  organisationId: number,
  venueId: number | null,
  formatCode: string,
  stateCode: string,
): Promise<string> {
  const [row] = await queryRows<{ text: string }>(
    db,
    sql`select ${searchExtraOf} as text from organisation o
        left join venue v on v.id = ${venueId}
        left join format f on f.code = ${formatCode}
        left join state s on s.code = ${stateCode} and s.kind = 'land'
        where o.id = ${organisationId}`,
  );
  return row?.text ?? "";
}

/** Recomputes the search-extra text of all events of an organisation (after it was renamed). */
export async function refreshSearchExtra(db: DbOrTx, organisationId: number): Promise<void> {
  await updateSearchExtra(db, sql`e.organisation_id = ${organisationId}`);
}

/** Recomputes the search-extra text of the events (aliased e) the condition selects. */
async function updateSearchExtra(db: DbOrTx, where: SQL): Promise<void> {
  await db.execute(sql`
    update event e set search_extra = (
      select ${searchExtraOf} from organisation o
      left join venue v on v.id = e.venue_id
      left join format f on f.code = e.format_code
      left join state s on s.code = e.state_code and s.kind = 'land'
      where o.id = e.organisation_id)
    where ${where}`);
}

export type EventRecordChanges = Partial<Omit<NewEventRecord, "organisationId" | "editionId">>;

/**
 * Updates an event, replaces its sessions and refills the denormalised columns — the update twin of
 * insertEventRecord. With `expectedVersion`, only a row still at that version is changed (optimistic
 * concurrency); the version is raised by one. Returns false when no row matched.
 */
export async function updateEventRecord(
  db: DbOrTx,
  id: number,
  values: EventRecordChanges,
  sessions: NewSession[],
  expectedVersion?: number,
): Promise<boolean> {
  const [current] = await db
    .select({ organisationId: event.organisationId, venueId: event.venueId, formatCode: event.formatCode, stateCode: event.stateCode })
    .from(event)
    .where(eq(event.id, id));
  if (!current) return false;
  const venueId = values.venueId === undefined ? current.venueId : values.venueId;
  const searchExtra = await searchExtraFor(
    db,
    current.organisationId,
    venueId,
    values.formatCode ?? current.formatCode,
    values.stateCode ?? current.stateCode,
  );
  const where = expectedVersion === undefined ? eq(event.id, id) : and(eq(event.id, id), eq(event.version, expectedVersion));
  const updated = await db
    .update(event)
    .set({ ...values, ...eventDateColumns(sessions), searchExtra, version: sql`${event.version} + 1`, updatedAt: new Date() })
    .where(where)
    .returning({ id: event.id });
  if (updated.length === 0) return false;
  await replaceSessions(db, id, sessions);
  return true;
}

/**
 * Gives an event exactly these sessions while keeping session ids where it can (calendar UIDs are
 * built from them): the i-th existing session in time order takes the i-th new dates; surplus rows
 * are deleted, missing ones inserted.
 */
async function replaceSessions(db: DbOrTx, eventId: number, sessions: NewSession[]): Promise<void> {
  const existing = await db
    .select({ id: eventSession.id })
    .from(eventSession)
    .where(eq(eventSession.eventId, eventId))
    .orderBy(asc(eventSession.startsAt), asc(eventSession.id));
  const wanted = [...sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (const [i, s] of wanted.entries()) {
    const row = existing[i];
    const values = { startsAt: s.startsAt, endsAt: s.endsAt, allDay: s.allDay ?? false };
    if (row) await db.update(eventSession).set(values).where(eq(eventSession.id, row.id));
    else await db.insert(eventSession).values({ eventId, ...values });
  }
  const surplus = existing.slice(wanted.length).map((r) => r.id);
  if (surplus.length) await db.delete(eventSession).where(inArray(eventSession.id, surplus));
}
