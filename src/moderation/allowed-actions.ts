import type { ReviewAction } from "../db/schema/index.ts";
import { type Actor, isNational } from "../lib/actor.ts";
import type { ReviewItem } from "./review-access.ts";

/**
 * What the actor may decide on an item now (PRODUCT §7): in a two-tier edition a coordinator approves and
 * the national office publishes (it may also publish what a Land has not approved yet); in one tier whoever
 * reviews publishes. Changes can be requested and submissions rejected while they wait; a published event
 * can be unpublished.
 */
export function allowedActions(actor: Actor, item: Pick<ReviewItem, "live" | "working" | "moderation">): ReviewAction[] {
  const status = item.working.status;
  const waiting = status === "submitted" || status === "approved";
  const twoTier = item.moderation === "two_tier";
  const national = isNational(actor);
  const actions: ReviewAction[] = [];
  if (waiting && (!twoTier || national)) actions.push("publish");
  if (twoTier && status === "submitted" && !national) actions.push("approve");
  if (waiting) actions.push("request_changes", "reject");
  if (item.live.status === "published") actions.push("unpublish");
  return actions;
}

/** Who has the event now, for the organiser ("where it stands and who has it"). */
export function holderOf(status: string, moderation: "one_tier" | "two_tier"): "state" | "national" | "organiser" | "none" {
  if (status === "submitted") return "state";
  if (status === "approved") return moderation === "two_tier" ? "national" : "state";
  if (status === "draft" || status === "changes_requested") return "organiser";
  return "none";
}
