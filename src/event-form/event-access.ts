import { eq } from "drizzle-orm";
import { event } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { type Actor, coordinatesState, isMemberOf } from "../lib/actor.ts";
import { AppError, notFound } from "../lib/errors.ts";

export type EventRow = typeof event.$inferSelect;

/** Whether a number can be a row id or version (a positive PostgreSQL integer). */
export const isRowNumber = (n: number): boolean => Number.isInteger(n) && n > 0 && n < 2 ** 31;

/** The acting user, or 401 for anonymous requests. */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError("unauthenticated", "Please log in");
  return actor;
}

/**
 * Whether the actor may read and change an event: members of its organisation; coordinators of
 * its state, editors and admins (PRODUCT §2).
 */
export function mayManageEvent(actor: Actor, e: Pick<EventRow, "organisationId" | "stateCode">): boolean {
  return isMemberOf(actor, e.organisationId) || coordinatesState(actor, e.stateCode);
}

/** Loads an event the actor may manage; unknown and foreign events are both 404 (no existence leak). */
export async function loadManagedEvent(db: DbOrTx, actor: Actor, id: number, lock = false): Promise<EventRow> {
  if (!isRowNumber(id)) throw notFound("Event not found");
  const query = db.select().from(event).where(eq(event.id, id));
  const [row] = lock ? await query.for("update") : await query;
  if (!row || !mayManageEvent(actor, row)) throw notFound("Event not found");
  return row;
}
