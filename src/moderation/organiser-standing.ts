import { and, desc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { event, rejectReason, reviewDecision, user } from "../db/schema/index.ts";
import type { ManagedEvent } from "../event-form/get-managed-event.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { holderOf } from "./allowed-actions.ts";
import { reviewStateOf } from "./review-state.ts";

/** Who has an event now (allowed-actions.ts holderOf), with the Land whose coordinators review it. */
export type Holder = { kind: ReturnType<typeof holderOf>; stateCode: string };

/** A reviewer's message to the organisation: a change request, rejection or unpublication. */
export type ReviewerMessage = {
  eventId: number;
  titleDe: string;
  titleEn: string | null;
  action: "request_changes" | "reject" | "unpublish";
  message: string | null;
  reasonDe: string | null;
  reasonEn: string | null;
  fields: string[];
  /** The reviewer's name; null when the account is gone. */
  reviewer: string | null;
  at: Date;
};

const messageActions = ["request_changes", "reject", "unpublish"] as const;
const live = alias(event, "live");

function messages(db: DbOrTx, where: SQL | undefined, limit: number): Promise<ReviewerMessage[]> {
  return db
    .select({
      eventId: reviewDecision.eventId,
      titleDe: live.titleDe,
      titleEn: live.titleEn,
      action: reviewDecision.action,
      message: reviewDecision.message,
      reasonDe: rejectReason.textDe,
      reasonEn: rejectReason.textEn,
      fields: reviewDecision.fields,
      reviewer: user.name,
      at: reviewDecision.at,
    })
    .from(reviewDecision)
    .innerJoin(live, eq(live.id, reviewDecision.eventId))
    .leftJoin(rejectReason, eq(rejectReason.id, reviewDecision.reasonId))
    .leftJoin(user, eq(user.id, reviewDecision.userId))
    .where(and(inArray(reviewDecision.action, [...messageActions]), where))
    .orderBy(desc(reviewDecision.at), desc(reviewDecision.id))
    .limit(limit) as Promise<ReviewerMessage[]>;
}

/** The reviewers' recent messages on an organisation's events, newest first (the caller checked membership). */
export function listReviewerMessages(db: DbOrTx, organisationId: number, limit = 10): Promise<ReviewerMessage[]> {
  return messages(db, and(eq(live.organisationId, organisationId), isNull(live.revisionOf)), limit);
}

/**
 * Where an event the actor manages stands (the caller checked access): who has it, and while changes are
 * requested the message that asked for them (a change request, or the reason it was unpublished).
 */
export async function standingOf(db: DbOrTx, e: ManagedEvent): Promise<{ holder: Holder; changeRequest: ReviewerMessage | undefined }> {
  const holder = {
    kind: holderOf(e.event.status, e.edition.moderation),
    stateCode: reviewStateOf(e.event.stateCode, e.organisation.stateCode),
  };
  if (e.event.status !== "changes_requested") return { holder, changeRequest: undefined };
  const [latest] = await messages(
    db,
    and(eq(reviewDecision.eventId, e.event.id), inArray(reviewDecision.action, ["request_changes", "unpublish"])),
    1,
  );
  return { holder, changeRequest: latest };
}
