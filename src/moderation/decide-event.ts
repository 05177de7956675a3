import { and, eq, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import { z } from "zod";
import { event, type ReviewAction, rejectReason, reviewDecision } from "../db/schema/index.ts";
import { assertEventsWritable } from "../editions/edition-rules.ts";
import { eventSnapshot, recordHistory } from "../event-form/event-history.ts";
import type { DbOrTx } from "../events/event-record.ts";
import type { Actor } from "../lib/actor.ts";
import { AppError, notFound, validationFailed } from "../lib/errors.ts";
import type { MailCtx } from "../organiser/organiser-mail.ts";
import { allowedActions } from "./allowed-actions.ts";
import { writeAudit } from "./audit.ts";
import { DecisionInput, RowNumber } from "./moderation.schemas.ts";
import { loadReviewItem, type ReviewItem, requireReviewer } from "./review-access.ts";
import { queueDecisionMails } from "./review-mail.ts";
import { mergeRevision } from "./revision.ts";

type Decision = ReturnType<typeof DecisionInput.parse>;

/** Parses a decision; 422 with the fields to fix. */
export function parseDecision(raw: unknown): Decision {
  const parsed = DecisionInput.safeParse(raw);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues)
      fields[issue.path.join(".") || "action"] = issue.message === "required" ? "required" : "invalid";
    throw validationFailed(fields);
  }
  return parsed.data;
}

/**
 * One reviewer's decision on an event or its pending changes (PRODUCT §7): in one transaction the status,
 * event_history, review_decision, the audit row and the mails to the organisation's members. A decision
 * on a version someone else already moved on is 409 and changes nothing.
 */
export async function decideEvent({ ctx, input }: { ctx: MailCtx; input: unknown }) {
  const actor = requireReviewer(ctx.actor);
  // The object first: a foreign or unknown event is 404 whatever else was posted (no 422 that tells it exists).
  const target = z.object({ id: RowNumber }).safeParse(input);
  if (!target.success) throw notFound("Event not found");
  await loadReviewItem(ctx.db, actor, target.data.id);
  const decision = parseDecision(input);
  return ctx.db.transaction((tx) => decideInTransaction(tx, actor, decision, ctx.baseUrl));
}

/** The decision inside the caller's transaction (bulk publishing runs several in one). */
export async function decideInTransaction(tx: DbOrTx, actor: Actor, d: Decision, baseUrl: string) {
  const item = await loadReviewItem(tx, actor, d.id, true);
  await assertEventsWritable(tx, item.live.editionId);
  if (item.working.version !== d.version) throw staleDecision();
  if (!allowedActions(actor, item).includes(d.action))
    throw new AppError("conflict", "This decision is not possible for this event right now.", { action: "notAllowed" });
  const reason = d.reasonId === null ? undefined : await activeReason(tx, d.reasonId);
  const from = item.working.status;
  // What is (or was, until now) public: the diff base when the event comes back to review.
  const unpublished = d.action === "unpublish" ? await eventSnapshot(tx, item.live.id) : null;
  const to = await apply(tx, item, d.action);
  // Published: what went public (the next diff's base). Changes requested: what the reviewer saw, to show what was revised.
  const snapshot =
    d.action === "publish"
      ? await eventSnapshot(tx, item.live.id)
      : d.action === "request_changes"
        ? await eventSnapshot(tx, item.working.id)
        : unpublished;
  const ofChanges = item.revision !== undefined && d.action !== "unpublish";
  await tx.insert(reviewDecision).values({
    eventId: item.live.id,
    userId: actor.userId,
    action: d.action,
    message: d.message || null,
    fields: d.fields,
    reasonId: reason?.id ?? null,
    snapshot,
  });
  const note = [reason?.textDe, d.message].filter(Boolean).join(" — ");
  await recordHistory(tx, item.live.id, actor, `review.${d.action}`, [
    { field: "status", old: ofChanges ? `${from} (changes)` : from, new: to },
    ...(note ? [{ field: "message", old: null, new: note }] : []),
  ]);
  await writeAudit(tx, actor, {
    action: `event.${d.action}`,
    objectType: "event",
    objectId: item.live.id,
    stateCode: item.stateCode,
    summary: `${item.live.titleDe}${ofChanges ? " (Änderungen)" : ""}: ${from} → ${to}${note ? ` — ${note}` : ""}`,
    before: { status: from, version: d.version },
    after: { status: to, message: d.message || undefined, reasonId: reason?.id, fields: d.fields.length ? d.fields : undefined },
  });
  await queueDecisionMails(tx, {
    eventId: item.live.id,
    organisationId: item.live.organisationId,
    titleDe: item.working.titleDe,
    titleEn: item.working.titleEn,
    action: d.action,
    ofChanges,
    reviewer: actor.name,
    message: d.message,
    reason,
    fields: d.fields,
    baseUrl,
  });
  return { id: item.live.id, action: d.action, status: to };
}

/** Changes the rows as the decision says; returns the new status of what was decided on. */
async function apply(tx: DbOrTx, item: ReviewItem, action: ReviewAction): Promise<(typeof event.$inferSelect)["status"]> {
  const { live, revision } = item;
  const now = new Date();
  const set = (id: number, values: PgUpdateSetSource<typeof event>) =>
    tx
      .update(event)
      .set({ ...values, version: sql`${event.version} + 1`, updatedAt: now })
      .where(eq(event.id, id));
  switch (action) {
    case "publish":
      if (revision) await mergeRevision(tx, live, revision, "published");
      else await set(live.id, { status: "published", publishedAt: live.publishedAt ?? now, sequence: sql`${event.sequence} + 1` });
      return "published";
    case "approve":
      await set(item.working.id, { status: "approved" });
      return "approved";
    case "request_changes":
      await set(item.working.id, { status: "changes_requested" });
      return "changes_requested";
    case "reject":
      // Rejected changes leave the published version as it was.
      if (revision) await tx.delete(event).where(and(eq(event.id, revision.id), eq(event.revisionOf, live.id)));
      else await set(live.id, { status: "rejected" });
      return revision ? "published" : "rejected";
    case "unpublish":
      // The organiser's pending changes are kept: they become the event's content, to revise and resubmit.
      if (revision) await mergeRevision(tx, live, revision, "changes_requested");
      else await set(live.id, { status: "changes_requested", sequence: sql`${event.sequence} + 1` });
      return "changes_requested";
  }
}

async function activeReason(tx: DbOrTx, id: number) {
  const [row] = await tx
    .select()
    .from(rejectReason)
    .where(and(eq(rejectReason.id, id), eq(rejectReason.active, true)));
  if (!row) throw validationFailed({ reasonId: "invalid" });
  return row;
}

export const staleDecision = () =>
  new AppError(
    "conflict",
    "Someone else has decided on or changed this event in the meantime. Nothing was overwritten: reload it to see where it stands.",
    { version: "stale" },
  );
