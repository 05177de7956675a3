import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { type FieldChange, reviewDecision } from "../db/schema/index.ts";
import { diffSnapshots, eventSnapshot } from "../event-form/event-history.ts";
import type { DbOrTx } from "../events/event-record.ts";
import type { ReviewItem } from "./review-access.ts";

/** Bookkeeping of the review itself, never a change a reviewer judges. */
const bookkeeping = new Set([
  "status",
  "revisionOf",
  "submittedAt",
  "publishedAt",
  "cancelledAt",
  "slug",
  "editionId",
  "organisationId",
  "externalRef",
]);

/** What changed since the reviewers last asked for changes (the version they saw then), when that is the latest decision. */
export type SinceRequest = { at: Date; changes: FieldChange[] };

export type ReviewDiff = (
  | { kind: "new" }
  /** `changes`: every field that differs from the last published version, dates, venue, image and lists included. */
  | { kind: "changes"; changes: FieldChange[] }
) & { sinceRequest?: SinceRequest | undefined };

/**
 * What changed since the last published version: for changes under review, the revision against the
 * public row; for an event published before and unpublished since, against what that publication
 * stored; "new" for an event never published.
 */
export async function reviewDiff(db: DbOrTx, item: ReviewItem): Promise<ReviewDiff> {
  const after = await eventSnapshot(db, item.working.id);
  const before = item.revision ? await eventSnapshot(db, item.live.id) : await lastPublished(db, item.live.id);
  const sinceRequest = await changesSinceRequest(db, item, after);
  if (!before) return { kind: "new", sinceRequest };
  return { kind: "changes", changes: contentChanges(before, after), sinceRequest };
}

const contentChanges = (before: Record<string, unknown>, after: Record<string, unknown>) =>
  diffSnapshots(before, after).filter((c) => !bookkeeping.has(c.field));

/**
 * A resubmission after a change request: the working copy against what the reviewer saw when asking
 * (review_decision.snapshot of that request), so a never-published event shows what the organiser revised.
 */
async function changesSinceRequest(db: DbOrTx, item: ReviewItem, after: Record<string, unknown>): Promise<SinceRequest | undefined> {
  if (item.working.status === "changes_requested") return undefined;
  const [last] = await db
    .select({ action: reviewDecision.action, at: reviewDecision.at, snapshot: reviewDecision.snapshot })
    .from(reviewDecision)
    .where(eq(reviewDecision.eventId, item.live.id))
    .orderBy(desc(reviewDecision.at), desc(reviewDecision.id))
    .limit(1);
  if (last?.action !== "request_changes" || !last.snapshot) return undefined;
  return { at: last.at, changes: contentChanges(last.snapshot, after) };
}

async function lastPublished(db: DbOrTx, eventId: number): Promise<Record<string, unknown> | undefined> {
  const [row] = await db
    .select({ snapshot: reviewDecision.snapshot })
    .from(reviewDecision)
    .where(
      and(
        eq(reviewDecision.eventId, eventId),
        inArray(reviewDecision.action, ["publish", "unpublish"]),
        isNotNull(reviewDecision.snapshot),
      ),
    )
    .orderBy(desc(reviewDecision.at), desc(reviewDecision.id))
    .limit(1);
  return row?.snapshot ?? undefined;
}
