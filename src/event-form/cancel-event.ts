import { eq, sql } from "drizzle-orm";
import { event } from "../db/schema/index.ts";
import { assertEventsWritable } from "../editions/edition-rules.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { conflict, validationFailed } from "../lib/errors.ts";
import { loadManagedEvent, requireActor } from "./event-access.ts";
import { CancelEventInput } from "./event-form.schemas.ts";
import { recordHistory } from "./event-history.ts";

/** The reason, or 422 naming the field (`cancelReason`: required or tooLong) — before anything is written. */
function parseReason(raw: unknown): string {
  const parsed = CancelEventInput.safeParse({ cancelReason: raw });
  if (parsed.success) return parsed.data.cancelReason;
  throw validationFailed({ cancelReason: parsed.error.issues[0]?.message === "tooLong" ? "tooLong" : "required" });
}

/**
 * Cancels a published event with a reason: it stays on the public site, marked cancelled with the
 * reason, without registration or access links, and feeds carry STATUS:CANCELLED (SEQUENCE raised).
 * Only published events: a cancelled event is public, so cancelling an unreviewed draft would
 * publish it. Changes still under review are dropped with it.
 */
export async function cancelEvent({ ctx, input }: { ctx: VerbCtx; input: { id: number; reason: unknown } }) {
  const actor = requireActor(ctx.actor);
  const first = await loadManagedEvent(ctx.db, actor, input.id);
  if (first.status !== "published") throw conflict("Only a published event can be cancelled.");
  const reason = parseReason(input.reason);
  return ctx.db.transaction(async (tx) => {
    const current = await loadManagedEvent(tx, actor, input.id, true);
    await assertEventsWritable(tx, current.editionId);
    if (current.status !== "published") throw conflict("Only a published event can be cancelled.");
    const now = new Date();
    await tx
      .update(event)
      .set({
        status: "cancelled",
        cancelledAt: now,
        cancelReason: reason,
        updatedAt: now,
        version: sql`${event.version} + 1`,
        sequence: sql`${event.sequence} + 1`,
      })
      .where(eq(event.id, input.id));
    const dropped = await tx.delete(event).where(eq(event.revisionOf, input.id)).returning({ id: event.id });
    await recordHistory(tx, input.id, actor, "cancel", [
      { field: "status", old: current.status, new: "cancelled" },
      { field: "cancelledAt", old: null, new: now.toISOString() },
      { field: "cancelReason", old: null, new: reason },
      ...(dropped.length ? [{ field: "pendingChanges", old: "underReview", new: null }] : []),
    ]);
    return { id: input.id, status: "cancelled" as const };
  });
}
