import { eq } from "drizzle-orm";
import { event } from "../db/schema/index.ts";
import { updateEventRecord } from "../events/event-record.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { AppError, conflict } from "../lib/errors.ts";
import { isRowNumber, loadManagedEvent, requireActor } from "./event-access.ts";
import { diffSnapshots, eventSnapshot, recordHistory } from "./event-history.ts";
import { eventColumns, parseEventInput, slugify } from "./event-values.ts";
import { runPlausibilityChecks } from "./plausibility-checks.ts";

/**
 * Saves changes to an event if nobody else saved in between (version check → 409, nothing overwritten).
 * Drafts stay drafts and submitted events stay submitted; a published event goes back to "submitted"
 * because every public change is reviewed again (PRODUCT §3, §7). Cancelled and rejected events are final.
 */
export async function updateEvent({ ctx, input }: { ctx: VerbCtx; input: { id: number; version: number; event: unknown } }) {
  const actor = requireActor(ctx.actor);
  await loadManagedEvent(ctx.db, actor, input.id);
  if (!isRowNumber(input.version)) throw staleVersion();
  const data = parseEventInput(input.event);
  return ctx.db.transaction(async (tx) => {
    const current = await loadManagedEvent(tx, actor, input.id, true);
    if (current.status === "cancelled" || current.status === "rejected")
      throw conflict(`A ${current.status} event can no longer be changed.`);
    if (current.version !== input.version) throw staleVersion();
    const before = await eventSnapshot(tx, input.id);
    const { values, sessions } = await eventColumns(tx, current.organisationId, data, current);
    const status = current.status === "published" ? "submitted" : current.status;
    const slug = current.status === "draft" ? slugify(data.titleDe) : current.slug;
    if (!(await updateEventRecord(tx, input.id, { ...values, status, slug }, sessions, input.version))) throw staleVersion();
    if (status === "submitted") {
      await tx
        .update(event)
        .set({ checks: await runPlausibilityChecks(tx, input.id) })
        .where(eq(event.id, input.id));
    }
    const changes = diffSnapshots(before, await eventSnapshot(tx, input.id));
    await recordHistory(tx, input.id, actor, "update", changes);
    return { id: input.id, version: input.version + 1, status, changed: changes.map((c) => c.field) };
  });
}

const staleVersion = () =>
  new AppError(
    "conflict",
    "Someone else saved this event in the meantime. Nothing was overwritten: reload it to see their changes, then make yours again.",
    { version: "stale" },
  );
