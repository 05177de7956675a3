import { eq } from "drizzle-orm";
import { event } from "../db/schema/index.ts";
import { assertEventsWritable } from "../editions/edition-rules.ts";
import { updateEventRecord } from "../events/event-record.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { AppError, conflict } from "../lib/errors.ts";
import { findRevision, openRevision } from "../moderation/revision.ts";
import { isRowNumber, loadManagedEvent, requireActor } from "./event-access.ts";
import { diffSnapshots, eventSnapshot, recordHistory } from "./event-history.ts";
import { eventColumns, parseEventInput, slugify } from "./event-values.ts";
import { runPlausibilityChecks } from "./plausibility-checks.ts";

/**
 * Saves changes to an event if nobody else saved in between (version check → 409, nothing overwritten).
 * Drafts stay drafts, submitted events stay submitted, an approved one goes back to its Land's review.
 * A published event stays public as it is: the changes go into its revision (moderation/revision.ts),
 * which is under review until a reviewer publishes it (PRODUCT §7). Cancelled and rejected events are final.
 */
export async function updateEvent({ ctx, input }: { ctx: VerbCtx; input: { id: number; version: number; event: unknown } }) {
  const actor = requireActor(ctx.actor);
  await loadManagedEvent(ctx.db, actor, input.id);
  if (!isRowNumber(input.version)) throw staleVersion();
  const data = parseEventInput(input.event);
  return ctx.db.transaction(async (tx) => {
    const live = await loadManagedEvent(tx, actor, input.id, true);
    await assertEventsWritable(tx, live.editionId);
    if (live.status === "cancelled" || live.status === "rejected") throw conflict(`A ${live.status} event can no longer be changed.`);
    const pending = live.status === "published" ? await findRevision(tx, live.id, true) : undefined;
    if ((pending ?? live).version !== input.version) throw staleVersion();
    const target = live.status === "published" ? (pending ?? (await openRevision(tx, live))) : live;
    const before = await eventSnapshot(tx, target.id);
    const { values, sessions } = await eventColumns(tx, target.organisationId, data, target);
    const status = target.status === "approved" ? "submitted" : target.status;
    const slug = target.status === "draft" ? slugify(data.titleDe) : target.slug;
    if (!(await updateEventRecord(tx, target.id, { ...values, status, slug }, sessions, input.version))) throw staleVersion();
    if (status === "submitted") {
      await tx
        .update(event)
        .set({ checks: await runPlausibilityChecks(tx, target.id) })
        .where(eq(event.id, target.id));
    }
    const changes = diffSnapshots(before, await eventSnapshot(tx, target.id));
    await recordHistory(tx, live.id, actor, target.id === live.id ? "update" : "revise", changes);
    return { id: live.id, version: input.version + 1, status, underReview: target.id !== live.id, changed: changes.map((c) => c.field) };
  });
}

const staleVersion = () =>
  new AppError(
    "conflict",
    "Someone else saved this event in the meantime. Nothing was overwritten: reload it to see their changes, then make yours again.",
    { version: "stale" },
  );
