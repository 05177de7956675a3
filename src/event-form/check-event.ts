import type { EventCheck } from "../db/schema/index.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { findRevision } from "../moderation/revision.ts";
import { loadManagedEvent, requireActor } from "./event-access.ts";
import { runPlausibilityChecks } from "./plausibility-checks.ts";

/**
 * The plausibility findings an organiser sees on the form before submitting: computed fresh for
 * drafts and events with requested changes, the stored ones (what reviewers see) otherwise; for a
 * published event with changes under review, those of the changes.
 */
export async function checkEvent({ ctx, input }: { ctx: VerbCtx; input: { id: number } }): Promise<EventCheck[]> {
  const actor = requireActor(ctx.actor);
  const live = await loadManagedEvent(ctx.db, actor, input.id);
  const row = (live.status === "published" ? await findRevision(ctx.db, live.id) : undefined) ?? live;
  return row.status === "draft" || row.status === "changes_requested" ? runPlausibilityChecks(ctx.db, row.id) : row.checks;
}
