import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { event, eventSession, format, organisation, venue } from "../db/schema/index.ts";
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
  const searchExtra = await searchExtraFor(db, values.organisationId, values.venueId ?? null, values.formatCode);
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

/** Text that makes an event findable by its organiser's and venue's names and its format ("Workshop"). */
export async function searchExtraFor(db: DbOrTx, organisationId: number, venueId: number | null, formatCode: string): Promise<string> {
  const [org] = await db
    .select({ name: organisation.name, shortName: organisation.shortName })
    .from(organisation)
    .where(eq(organisation.id, organisationId));
  const [place] = venueId ? await db.select({ name: venue.name, city: venue.city }).from(venue).where(eq(venue.id, venueId)) : [];
  const [kind] = await db.select({ de: format.nameDe, en: format.nameEn }).from(format).where(eq(format.code, formatCode));
  return [org?.name, org?.shortName, place?.name, place?.city, kind?.de, kind?.en].filter(Boolean).join(" ");
}
