import { eq } from "drizzle-orm";
import { report } from "../db/schema/index.ts";
import { type EventRow, loadEventWithState, mayManageEvent, mayReviewEvent } from "../event-form/event-access.ts";
import type { DbOrTx } from "../events/event-record.ts";
import type { Actor } from "../lib/actor.ts";
import { conflict } from "../lib/errors.ts";
import { reviewStateOf } from "../moderation/review-state.ts";

export type ReportRow = typeof report.$inferSelect;

/** An event with its report (if any) and the Land whose coordinators review both. */
export type ReportTarget = { event: EventRow; report: ReportRow | undefined; stateCode: string };

/** Why an event cannot have a report (yet): not published (drafts, cancelled events…) or not over. */
export type ReportBlock = "notPossible" | "notYet";

/** Reports belong to published events after their last date; cancelled events never get one. */
export function reportBlockOf(e: Pick<EventRow, "status" | "endsAt">, now: Date): ReportBlock | undefined {
  if (e.status !== "published") return "notPossible";
  if (e.endsAt.getTime() > now.getTime()) return "notYet";
  return undefined;
}

/** The report of an event, locked for the caller's transaction when asked. */
export async function findReport(db: DbOrTx, eventId: number, lock = false): Promise<ReportRow | undefined> {
  const query = db.select().from(report).where(eq(report.eventId, eventId));
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

/**
 * An event whose report the actor may write — its organisation's members, the coordinators of its Land,
 * editors and admins, as for the event itself — with its report; unknown and foreign events are 404.
 */
export async function loadReportTarget(db: DbOrTx, actor: Actor, eventId: number, lock = false): Promise<ReportTarget> {
  const { event, organisationStateCode } = await loadEventWithState(db, actor, eventId, lock, mayManageEvent);
  return { event, report: await findReport(db, eventId, lock), stateCode: reviewStateOf(event.stateCode, organisationStateCode) };
}

/** Like loadReportTarget, and the event must be able to have a report now (else 409 naming why). */
export async function loadWritableReport(db: DbOrTx, actor: Actor, eventId: number, now: Date, lock = false): Promise<ReportTarget> {
  const target = await loadReportTarget(db, actor, eventId, lock);
  const block = reportBlockOf(target.event, now);
  if (block) throw conflict(block);
  return target;
}

/** An event whose report the actor reviews (coordinators of its Land, editors, admins) with its report; else 404. */
export async function loadReviewedReport(db: DbOrTx, actor: Actor, eventId: number, lock = false): Promise<ReportTarget> {
  const { event, organisationStateCode } = await loadEventWithState(db, actor, eventId, lock, mayReviewEvent);
  return { event, report: await findReport(db, eventId, lock), stateCode: reviewStateOf(event.stateCode, organisationStateCode) };
}
