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

export type ReviewDiff =
  | { kind: "new" }
  /** `changes`: every field that differs from the last published version, dates, venue, image and lists included. */
  | { kind: "changes"; changes: FieldChange[] };

/**
 * What changed since the last published version: for changes under review, the revision against the
 * public row; for an event published before and unpublished since, against what that publication
 * stored; "new" for an event never published.
 */
export async function reviewDiff(db: DbOrTx, item: ReviewItem): Promise<ReviewDiff> {
  const after = await eventSnapshot(db, item.working.id);
  const before = item.revision ? await eventSnapshot(db, item.live.id) : await lastPublished(db, item.live.id);
  if (!before) return { kind: "new" };
  return { kind: "changes", changes: diffSnapshots(before, after).filter((c) => !bookkeeping.has(c.field)) };
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
