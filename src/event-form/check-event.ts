import type { EventCheck } from "../db/schema/index.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { loadManagedEvent, requireActor } from "./event-access.ts";
import { runPlausibilityChecks } from "./plausibility-checks.ts";

/**
 * The plausibility findings an organiser sees on the form before submitting: computed fresh for
 * drafts and events with requested changes, the stored ones (what reviewers see) otherwise.
 */
export async function checkEvent({ ctx, input }: { ctx: VerbCtx; input: { id: number } }): Promise<EventCheck[]> {
  const actor = requireActor(ctx.actor);
  const row = await loadManagedEvent(ctx.db, actor, input.id);
  return row.status === "draft" || row.status === "changes_requested" ? runPlausibilityChecks(ctx.db, input.id) : row.checks;
}
