import { eq, sql } from "drizzle-orm";
import { event } from "../db/schema/index.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { conflict } from "../lib/errors.ts";
import { loadManagedEvent, requireActor } from "./event-access.ts";
import { recordHistory } from "./event-history.ts";

/**
 * Cancels a published event: it stays on the public site, marked cancelled, and feeds carry
 * STATUS:CANCELLED (SEQUENCE raised). Only published events: a cancelled event is public, so
 * cancelling an unreviewed draft would publish it. Changes still under review are dropped with it.
 */
export async function cancelEvent({ ctx, input }: { ctx: VerbCtx; input: { id: number } }) {
  const actor = requireActor(ctx.actor);
  await loadManagedEvent(ctx.db, actor, input.id);
  return ctx.db.transaction(async (tx) => {
    const current = await loadManagedEvent(tx, actor, input.id, true);
    if (current.status !== "published") throw conflict("Only a published event can be cancelled.");
    const now = new Date();
    await tx
      .update(event)
      .set({
        status: "cancelled",
        cancelledAt: now,
        updatedAt: now,
        version: sql`${event.version} + 1`,
        sequence: sql`${event.sequence} + 1`,
      })
      .where(eq(event.id, input.id));
    const dropped = await tx.delete(event).where(eq(event.revisionOf, input.id)).returning({ id: event.id });
    await recordHistory(tx, input.id, actor, "cancel", [
      { field: "status", old: current.status, new: "cancelled" },
      { field: "cancelledAt", old: null, new: now.toISOString() },
      ...(dropped.length ? [{ field: "pendingChanges", old: "underReview", new: null }] : []),
    ]);
    return { id: input.id, status: "cancelled" as const };
  });
}
