import { eq } from "drizzle-orm";
import { event, organisation } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { type Actor, coordinatesState, isMemberOf } from "../lib/actor.ts";
import { AppError, notFound } from "../lib/errors.ts";
import { reviewStateOf } from "../moderation/review-state.ts";

export type EventRow = typeof event.$inferSelect;

/** Whether a number can be a row id or version (a positive PostgreSQL integer). */
export const isRowNumber = (n: number): boolean => Number.isInteger(n) && n > 0 && n < 2 ** 31;

/** The acting user, or 401 for anonymous requests. */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError("unauthenticated", "Please log in");
  return actor;
}

/** Whether the actor reviews events of this Land (review-state rule): its coordinators, editors and admins. */
export function mayReviewEvent(actor: Actor, e: Pick<EventRow, "stateCode">, organisationStateCode: string): boolean {
  return coordinatesState(actor, reviewStateOf(e.stateCode, organisationStateCode));
}

/**
 * Whether the actor may read and change an event: members of its organisation; coordinators of
 * its Land, editors and admins (PRODUCT §2).
 */
export function mayManageEvent(actor: Actor, e: Pick<EventRow, "organisationId" | "stateCode">, organisationStateCode: string): boolean {
  return isMemberOf(actor, e.organisationId) || mayReviewEvent(actor, e, organisationStateCode);
}

/**
 * Loads an event the actor may manage; unknown and foreign events are both 404 (no existence leak), and
 * so are revision rows (they are reached through their event).
 */
export async function loadManagedEvent(db: DbOrTx, actor: Actor, id: number, lock = false): Promise<EventRow> {
  return (await loadEventWithState(db, actor, id, lock, mayManageEvent)).event;
}

/** An event and its organisation's Land if `allowed` says the actor may see it; else 404. */
export async function loadEventWithState(
  db: DbOrTx,
  actor: Actor,
  id: number,
  lock: boolean,
  allowed: (actor: Actor, e: EventRow, organisationStateCode: string) => boolean,
): Promise<{ event: EventRow; organisationStateCode: string }> {
  if (!isRowNumber(id)) throw notFound("Event not found");
  const query = db.select().from(event).where(eq(event.id, id));
  const [row] = lock ? await query.for("update") : await query;
  if (!row || row.revisionOf !== null) throw notFound("Event not found");
  const [org] = await db.select({ stateCode: organisation.stateCode }).from(organisation).where(eq(organisation.id, row.organisationId));
  if (!org || !allowed(actor, row, org.stateCode)) throw notFound("Event not found");
  return { event: row, organisationStateCode: org.stateCode };
}
