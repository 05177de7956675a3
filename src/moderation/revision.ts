import { and, asc, eq, sql } from "drizzle-orm";
import { event, eventSession } from "../db/schema/index.ts";
import { type DbOrTx, insertEventRecord, updateEventRecord } from "../events/event-record.ts";

type EventRow = typeof event.$inferSelect;

/** The pending revision of a published event (its changes under review), if there is one. */
export async function findRevision(db: DbOrTx, eventId: number, lock = false): Promise<EventRow | undefined> {
  const query = db.select().from(event).where(eq(event.revisionOf, eventId));
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

/** The content of an event, without identity, status and bookkeeping: what a revision carries. */
function contentOf(row: EventRow) {
  const {
    id: _id,
    editionId: _edition,
    organisationId: _organisation,
    revisionOf: _revisionOf,
    status: _status,
    externalRef: _ref,
    slug: _slug,
    version: _version,
    sequence: _sequence,
    createdAt: _created,
    updatedAt: _updated,
    publishedAt: _published,
    cancelledAt: _cancelled,
    cancelReason: _cancelReason,
    submittedAt: _submitted,
    searchVector: _vector,
    searchWords: _words,
    searchExtra: _extra,
    startsAt: _starts,
    endsAt: _ends,
    days: _days,
    ...content
  } = row;
  return content;
}

async function sessionsOf(db: DbOrTx, eventId: number) {
  const rows = await db.select().from(eventSession).where(eq(eventSession.eventId, eventId)).orderBy(asc(eventSession.startsAt));
  return rows.map((s) => ({ startsAt: s.startsAt, endsAt: s.endsAt, allDay: s.allDay }));
}

/**
 * Opens a revision of a published event: a copy of its content that the organiser changes while the
 * published row stays public. It starts at the event's version, so a form loaded before it existed still
 * saves once and a second stale form gets 409.
 */
export async function openRevision(tx: DbOrTx, live: EventRow): Promise<EventRow> {
  const id = await insertEventRecord(
    tx,
    {
      ...contentOf(live),
      editionId: live.editionId,
      organisationId: live.organisationId,
      slug: live.slug,
      revisionOf: live.id,
      status: "submitted",
      version: live.version,
      submittedAt: new Date(),
    },
    await sessionsOf(tx, live.id),
  );
  const [row] = await tx.select().from(event).where(eq(event.id, id));
  if (!row) throw new Error("revision insert returned no row");
  return row;
}

/**
 * Publishes a revision into its event: the content replaces the published one (sessions keep their ids,
 * so calendar UIDs stay), SEQUENCE goes up, the version passes both rows' so every open form is stale,
 * and the revision row goes.
 */
export async function mergeRevision(tx: DbOrTx, live: EventRow, revision: EventRow, status: EventRow["status"]): Promise<void> {
  await updateEventRecord(tx, live.id, { ...contentOf(revision), status }, await sessionsOf(tx, revision.id));
  await tx
    .update(event)
    .set({ version: Math.max(live.version, revision.version) + 2, sequence: sql`${event.sequence} + 1` })
    .where(eq(event.id, live.id));
  await tx.delete(event).where(and(eq(event.id, revision.id), eq(event.revisionOf, live.id)));
}
