import { eq } from "drizzle-orm";
import { edition, event } from "../db/schema/index.ts";
import { assertEventsWritable, submissionWindowState } from "../editions/edition-rules.ts";
import type { DbOrTx } from "../events/event-record.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { AppError, conflict } from "../lib/errors.ts";
import { findRevision } from "../moderation/revision.ts";
import { organisationIsActive } from "../organiser/organisation-is-active.ts";
import { loadManagedEvent, requireActor } from "./event-access.ts";
import { recordHistory } from "./event-history.ts";
import { hasBlockingCheck, runPlausibilityChecks } from "./plausibility-checks.ts";

/**
 * Submits an event (or the pending changes of a published one) for review after the plausibility checks:
 * warnings are stored and shown but do not block; an error keeps it as it is. New events are refused
 * outside the edition's submission window and for organisations that are not confirmed yet; changes to a
 * published event may be submitted at any time (a room change during the week must reach the public).
 */
export async function submitEvent({ ctx, input }: { ctx: VerbCtx; input: { id: number; version: number } }) {
  const actor = requireActor(ctx.actor);
  await loadManagedEvent(ctx.db, actor, input.id);
  return ctx.db.transaction(async (tx) => {
    const live = await loadManagedEvent(tx, actor, input.id, true);
    await assertEventsWritable(tx, live.editionId);
    const revision = live.status === "published" ? await findRevision(tx, live.id, true) : undefined;
    if (live.status === "published" && !revision) throw conflict("There are no changes to submit: the event is published as it is.");
    const current = revision ?? live;
    if (current.version !== input.version)
      throw new AppError("conflict", "Someone else saved this event in the meantime. Reload it and submit again.", { version: "stale" });
    if (!["draft", "changes_requested", "submitted"].includes(current.status))
      throw conflict(`A ${current.status} event cannot be submitted.`);
    // A new event waits for the window; one published before (now unpublished or revised) may come back any time.
    if (!revision && !current.publishedAt) await refuseOutsideWindow(tx, current);
    const checks = await runPlausibilityChecks(tx, current.id);
    const blocked = hasBlockingCheck(checks);
    const status = blocked ? current.status : "submitted";
    const submittedAt = status === "submitted" && current.status !== "submitted" ? new Date() : current.submittedAt;
    const [row] = await tx
      .update(event)
      .set({ checks, status, submittedAt, version: current.version + 1, updatedAt: new Date() })
      .where(eq(event.id, current.id))
      .returning({ version: event.version });
    const changes = [
      ...(status !== current.status ? [{ field: "status", old: current.status, new: status }] : []),
      { field: "checks", old: current.checks, new: checks },
    ];
    await recordHistory(tx, live.id, actor, blocked ? "submit_refused" : "submit", changes);
    return { id: live.id, status, blocked, checks, version: row?.version ?? current.version + 1 };
  });
}

/** Refuses submitting a new event of this edition and organisation outside the window or before the organisation is confirmed. */
export async function refuseOutsideWindow(
  tx: DbOrTx,
  current: Pick<typeof event.$inferSelect, "editionId" | "organisationId">,
): Promise<void> {
  const [ed] = await tx.select().from(edition).where(eq(edition.id, current.editionId));
  const window = ed ? submissionWindowState(ed) : "closed";
  if (window === "notYetOpen")
    throw new AppError("conflict", "The submission window of this edition has not opened yet.", { edition: "windowNotYetOpen" });
  if (window === "closed") throw new AppError("conflict", "The submission window of this edition is closed.", { edition: "windowClosed" });
  // A requested organisation may prepare drafts, but only a confirmed one submits (PRODUCT §2).
  if (!(await organisationIsActive(tx, current.organisationId)))
    throw new AppError("conflict", "Your organisation has not been confirmed yet.", { organisation: "pending" });
}
