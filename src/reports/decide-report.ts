import { eq, sql } from "drizzle-orm";
import { report, reportDecision } from "../db/schema/index.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { conflict, notFound, validationFailed } from "../lib/errors.ts";
import { writeAudit } from "../moderation/audit.ts";
import { requireReviewer } from "../moderation/review-access.ts";
import { loadReviewedReport } from "./report-access.ts";
import { queueReportDecisionMails } from "./report-mail.ts";

export const reportDecisions = ["publish", "request_changes", "reject"] as const;
export type ReportDecisionAction = (typeof reportDecisions)[number];

export type DecideReportInput = { eventId: number; version: number; action: string; message: string };

/** The decision, checked: a known action, a message (≤ 4000) required to request changes or reject. */
function parseDecision(input: DecideReportInput): { action: ReportDecisionAction; message: string } {
  const action = reportDecisions.find((a) => a === input.action);
  const message = input.message.trim();
  const errors: Record<string, string> = {};
  if (!action) errors.action = "invalid";
  if (message.length > 4000) errors.message = "tooLong";
  else if (!message && action !== "publish") errors.message = "required";
  if (!action || Object.keys(errors).length) throw validationFailed(errors);
  return { action, message };
}

const statusAfter = { publish: "published", request_changes: "changes_requested", reject: "rejected" } as const;

/**
 * A reviewer's decision on a submitted report, like one on an event (moderation/decide-event.ts): in one
 * transaction the status, the report_decision row with the message, the audit row and the mails to the
 * organisation's members. Reviewers are the event's Land's coordinators, editors and admins (others 404);
 * a report that is not submitted, or whose version moved on, is 409 and nothing changes.
 */
export async function decideReport({ ctx, input }: { ctx: VerbCtx & { baseUrl: string; now?: Date }; input: DecideReportInput }) {
  const actor = requireReviewer(ctx.actor);
  const now = ctx.now ?? new Date();
  await loadReviewedReport(ctx.db, actor, input.eventId); // 404 before 422 for foreign events
  const d = parseDecision(input);
  return ctx.db.transaction(async (tx) => {
    const target = await loadReviewedReport(tx, actor, input.eventId, true);
    const current = target.report;
    if (!current) throw notFound("No report");
    if (current.version !== input.version || current.status !== "submitted") throw conflict("notOpen");
    const to = statusAfter[d.action];
    await tx
      .update(report)
      .set({
        status: to,
        updatedAt: now,
        version: sql`${report.version} + 1`,
        ...(to === "published" ? { publishedAt: now } : {}),
      })
      .where(eq(report.id, current.id));
    await tx
      .insert(reportDecision)
      .values({ reportId: current.id, userId: actor.userId, action: d.action, message: d.message || null, at: now });
    await writeAudit(tx, actor, {
      action: `report.${d.action}`,
      objectType: "report",
      objectId: current.id,
      stateCode: target.stateCode,
      summary: `Bericht zu ${target.event.titleDe}: ${current.status} → ${to}${d.message ? ` — ${d.message}` : ""}`,
      before: { status: current.status, version: current.version },
      after: { status: to, message: d.message || undefined },
    });
    await queueReportDecisionMails(tx, {
      eventId: target.event.id,
      organisationId: target.event.organisationId,
      titleDe: target.event.titleDe,
      titleEn: target.event.titleEn,
      action: d.action,
      reviewer: actor.name,
      message: d.message,
      baseUrl: ctx.baseUrl,
    });
    return { eventId: target.event.id, action: d.action, status: to };
  });
}
