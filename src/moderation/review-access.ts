import { eq } from "drizzle-orm";
import { edition } from "../db/schema/index.ts";
import { type EventRow, loadEventWithState, mayReviewEvent } from "../event-form/event-access.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { type Actor, isNational } from "../lib/actor.ts";
import { AppError, notFound } from "../lib/errors.ts";
import { reviewStateOf } from "./review-state.ts";
import { findRevision } from "./revision.ts";

/** Coordinators, editors and admins review; anyone else gets 404 on every review route (nothing to see here). */
export function requireReviewer(actor: Actor | null): Actor {
  if (!actor) throw new AppError("unauthenticated", "Please log in");
  if (!(actor.role === "coordinator" || isNational(actor))) throw notFound("Not found");
  return actor;
}

export type ReviewItem = {
  live: EventRow;
  /** The pending revision of a published event, if any. */
  revision: EventRow | undefined;
  /** What the decision is about: the revision, else the event itself. */
  working: EventRow;
  /** The Land whose coordinators review it (review-state rule). */
  stateCode: string;
  moderation: "one_tier" | "two_tier";
};

/** An event the actor reviews (its Land's coordinators, editors, admins), with its working copy; else 404. */
export async function loadReviewItem(db: DbOrTx, actor: Actor, id: number, lock = false): Promise<ReviewItem> {
  const { event: live, organisationStateCode } = await loadEventWithState(db, actor, id, lock, mayReviewEvent);
  const revision = live.status === "published" ? await findRevision(db, live.id, lock) : undefined;
  const [ed] = await db.select({ moderation: edition.moderation }).from(edition).where(eq(edition.id, live.editionId));
  return {
    live,
    revision,
    working: revision ?? live,
    stateCode: reviewStateOf(live.stateCode, organisationStateCode),
    moderation: ed?.moderation ?? "one_tier",
  };
}
