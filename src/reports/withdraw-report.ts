import { eq, sql } from "drizzle-orm";
import { report, reportDecision } from "../db/schema/index.ts";
import { requireActor } from "../event-form/event-access.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { conflict, notFound } from "../lib/errors.ts";
import { loadReportTarget } from "./report-access.ts";

/**
 * Withdraws an event's report (like withdrawing an event): it leaves the review queue and, if it was
 * published, the public pages; it can be edited and submitted again. Rejected and withdrawn reports
 * cannot be withdrawn; a report changed since the form was loaded is 409.
 */
export async function withdrawReport({ ctx, input }: { ctx: VerbCtx & { now?: Date }; input: { eventId: number; version: number } }) {
  const actor = requireActor(ctx.actor);
  const now = ctx.now ?? new Date();
  return ctx.db.transaction(async (tx) => {
    const target = await loadReportTarget(tx, actor, input.eventId, true);
    const current = target.report;
    if (!current) throw notFound("No report");
    if (current.version !== input.version) throw conflict("stale");
    if (current.status === "rejected" || current.status === "withdrawn") throw conflict("notOpen");
    await tx
      .update(report)
      .set({ status: "withdrawn", withdrawnAt: now, updatedAt: now, version: sql`${report.version} + 1` })
      .where(eq(report.id, current.id));
    await tx.insert(reportDecision).values({ reportId: current.id, userId: actor.userId, action: "withdraw", at: now });
    return { eventId: input.eventId, status: "withdrawn" as const, from: current.status };
  });
}
