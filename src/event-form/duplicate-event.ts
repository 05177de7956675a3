import { TZDate } from "@date-fns/tz";
import { addDays, format } from "date-fns";
import { asc, eq } from "drizzle-orm";
import { edition, eventSession } from "../db/schema/index.ts";
import { berlinTime, TIME_ZONE } from "../events/event-dates.ts";
import { type DbOrTx, insertEventRecord } from "../events/event-record.ts";
import type { Actor, VerbCtx } from "../lib/actor.ts";
import { conflict } from "../lib/errors.ts";
import { withoutRetiredTerms } from "../taxonomies/taxonomy-queries.ts";
import { editionForNewEvents } from "./edition-for-new-events.ts";
import { type EventRow, loadManagedEvent, requireActor } from "./event-access.ts";
import { diffSnapshots, eventSnapshot, recordHistory } from "./event-history.ts";

const dayMs = 86_400_000;

/** An instant moved by whole Berlin calendar days, keeping its wall-clock time across DST switches. */
export function shiftBerlinDays(instant: Date, days: number): Date {
  const local = new TZDate(instant.getTime(), TIME_ZONE);
  return berlinTime(format(addDays(local, days), "yyyy-MM-dd"), format(local, "HH:mm"));
}

/**
 * Copies an event of an earlier edition into the edition open for new events as a new draft, its
 * dates shifted by the difference between the two editions' first days.
 */
export async function duplicateEvent({ ctx, input }: { ctx: VerbCtx; input: { id: number } }) {
  const actor = requireActor(ctx.actor);
  const source = await loadManagedEvent(ctx.db, actor, input.id);
  return ctx.db.transaction(async (tx) => {
    const target = await editionForNewEvents(tx);
    const [from] = await tx.select().from(edition).where(eq(edition.id, source.editionId));
    if (!from || from.year >= target.year) throw conflict("Only events of earlier editions can be copied into the current one.");
    const shift = Math.round((Date.parse(target.startsOn) - Date.parse(from.startsOn)) / dayMs);
    const id = await copyEventAsDraft(tx, actor, source, target.id, shift);
    return { id, shiftDays: shift };
  });
}

/**
 * The copy itself, inside the caller's transaction: a new draft of `source` in edition `editionId`
 * with every date moved by `shift` whole Berlin days, without retired technology fields and target
 * groups, and its history ("duplicate", from which event).
 * Also used by the rollover to offer last year's events as prefilled drafts.
 */
export async function copyEventAsDraft(tx: DbOrTx, actor: Actor, source: EventRow, editionId: number, shift: number): Promise<number> {
  const sessions = await tx.select().from(eventSession).where(eq(eventSession.eventId, source.id)).orderBy(asc(eventSession.startsAt));
  const {
    id: _id,
    editionId: _e,
    status: _s,
    startsAt: _a,
    endsAt: _b,
    days: _d,
    searchExtra: _x,
    searchVector: _v,
    searchWords: _w,
    version: _n,
    sequence: _q,
    createdAt: _c,
    updatedAt: _u,
    publishedAt: _p,
    cancelledAt: _k,
    cancelReason: _why,
    externalRef: _r,
    checks: _h,
    // A copy is a fresh draft: never "submitted" before, never anyone's revision.
    submittedAt: _sub,
    revisionOf: _rev,
    registrationDeadline,
    ...content
  } = source;
  const id = await insertEventRecord(
    tx,
    {
      ...(await withoutRetiredTerms(tx, content)),
      editionId: editionId,
      status: "draft",
      registrationDeadline: registrationDeadline ? shiftBerlinDays(registrationDeadline, shift) : null,
    },
    sessions.map((s) => ({ startsAt: shiftBerlinDays(s.startsAt, shift), endsAt: shiftBerlinDays(s.endsAt, shift), allDay: s.allDay })),
  );
  const changes = diffSnapshots({}, await eventSnapshot(tx, id));
  await recordHistory(tx, id, actor, "duplicate", [{ field: "duplicatedFrom", old: null, new: source.id }, ...changes]);
  return id;
}
