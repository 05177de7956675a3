import { desc, eq } from "drizzle-orm";
import { eventHistory, rejectReason, reviewDecision, user } from "../db/schema/index.ts";
import { loadWorkingCopy, type ManagedEvent } from "../event-form/get-managed-event.ts";
import type { DbOrTx } from "../events/event-record.ts";
import type { Actor } from "../lib/actor.ts";
import { allowedActions } from "./allowed-actions.ts";
import { listActiveReasons, type RejectReason } from "./reject-reasons.ts";
import { loadReviewItem, type ReviewItem, requireReviewer } from "./review-access.ts";
import { type ReviewDiff, reviewDiff } from "./review-diff.ts";

export type ReviewPageData = {
  item: ReviewItem;
  /** The working copy shaped like the public page's data, under the event's id. */
  view: ManagedEvent;
  diff: ReviewDiff;
  actions: ReturnType<typeof allowedActions>;
  history: { at: Date; action: string; who: string | null; fields: string[] }[];
  decisions: {
    at: Date;
    action: string;
    who: string | null;
    message: string | null;
    fields: string[];
    reasonDe: string | null;
    reasonEn: string | null;
  }[];
  reasons: RejectReason[];
};

/** Everything the review page shows about one event the actor reviews (404 otherwise). */
export async function loadReview({
  ctx,
  input,
}: {
  ctx: { db: DbOrTx; actor: Actor | null };
  input: { id: number };
}): Promise<ReviewPageData> {
  const actor = requireReviewer(ctx.actor);
  const item = await loadReviewItem(ctx.db, actor, input.id);
  const [view, diff, history, decisions, reasons] = await Promise.all([
    loadWorkingCopy(ctx.db, item.live),
    reviewDiff(ctx.db, item),
    ctx.db
      .select({ at: eventHistory.at, action: eventHistory.action, who: user.name, changes: eventHistory.changes })
      .from(eventHistory)
      .leftJoin(user, eq(user.id, eventHistory.userId))
      .where(eq(eventHistory.eventId, item.live.id))
      .orderBy(desc(eventHistory.at), desc(eventHistory.id))
      .limit(100),
    ctx.db
      .select({
        at: reviewDecision.at,
        action: reviewDecision.action,
        who: user.name,
        message: reviewDecision.message,
        fields: reviewDecision.fields,
        reasonDe: rejectReason.textDe,
        reasonEn: rejectReason.textEn,
      })
      .from(reviewDecision)
      .leftJoin(user, eq(user.id, reviewDecision.userId))
      .leftJoin(rejectReason, eq(rejectReason.id, reviewDecision.reasonId))
      .where(eq(reviewDecision.eventId, item.live.id))
      .orderBy(desc(reviewDecision.at), desc(reviewDecision.id)),
    listActiveReasons(ctx.db),
  ]);
  return {
    item,
    view,
    diff,
    actions: allowedActions(actor, item),
    history: history.map((h) => ({ at: h.at, action: h.action, who: h.who, fields: h.changes.map((c) => c.field) })),
    decisions,
    reasons,
  };
}
