import { asc, desc, eq, sql } from "drizzle-orm";
import { queryRows } from "../db/client.ts";
import { report, reportDecision, reportPhoto, user } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { type Actor, isNational } from "../lib/actor.ts";
import { requireReviewer } from "../moderation/review-access.ts";
import { reviewStateSql } from "../moderation/review-state.ts";
import type { ReportRow } from "./report-access.ts";

export type ReportPhotoRow = typeof reportPhoto.$inferSelect;
export type ReportDecisionView = { action: string; message: string | null; at: Date; who: string | null };
export type ReportView = { report: ReportRow; photos: ReportPhotoRow[]; decisions: ReportDecisionView[] };

/** A report's photos in their order. */
export const listReportPhotos = (db: DbOrTx, reportId: number) =>
  db.select().from(reportPhoto).where(eq(reportPhoto.reportId, reportId)).orderBy(asc(reportPhoto.position), asc(reportPhoto.id));

/** A report with its photos and its history (newest first), for its form and its review page; access checked by the caller. */
export async function loadReportView(db: DbOrTx, row: ReportRow): Promise<ReportView> {
  const [photos, decisions] = await Promise.all([
    listReportPhotos(db, row.id),
    db
      .select({ action: reportDecision.action, message: reportDecision.message, at: reportDecision.at, who: user.name })
      .from(reportDecision)
      .leftJoin(user, eq(user.id, reportDecision.userId))
      .where(eq(reportDecision.reportId, row.id))
      .orderBy(desc(reportDecision.at), desc(reportDecision.id)),
  ]);
  return { report: row, photos, decisions };
}

export type PublishedReport = { report: ReportRow; photos: ReportPhotoRow[] };

/** The published report of an event with its photos (the public event page); undefined when there is none. */
export async function loadPublishedReport(db: DbOrTx, eventId: number): Promise<PublishedReport | undefined> {
  const [row] = await db.select().from(report).where(eq(report.eventId, eventId));
  if (row?.status !== "published") return undefined;
  return { report: row, photos: await listReportPhotos(db, row.id) };
}

export const reportQueueStatuses = ["submitted", "changes_requested", "published", "rejected", "withdrawn"] as const;
export type ReportQueueStatus = (typeof reportQueueStatuses)[number];

export type ReportQueueRow = {
  eventId: number;
  titleDe: string;
  titleEn: string | null;
  organisationName: string;
  stateCode: string;
  status: ReportQueueStatus;
  submittedAt: Date | null;
};

/**
 * The reports tab of the review queue: reports (drafts left out) of events in the Länder the actor reviews
 * (review-state rule; national: all), in one status, oldest submission first; with counts per status.
 */
export async function listReportQueue({ ctx, input }: { ctx: { db: DbOrTx; actor: Actor | null }; input: { status: string } }) {
  const actor = requireReviewer(ctx.actor);
  const status: ReportQueueStatus = reportQueueStatuses.find((s) => s === input.status) ?? "submitted";
  const codes = actor.stateCodes.map((c) => sql`${c}`);
  const scope = isNational(actor) ? sql`true` : codes.length ? sql`${reviewStateSql} in (${sql.join(codes, sql`, `)})` : sql`false`;
  const from = sql`from report r join event e on e.id = r.event_id join organisation o on o.id = e.organisation_id where ${scope}`;
  const [rows, counts] = await Promise.all([
    queryRows<{
      event_id: number;
      title_de: string;
      title_en: string | null;
      name: string;
      state: string;
      status: ReportQueueStatus;
      submitted_at: string | null;
    }>(
      ctx.db,
      sql`select e.id as event_id, e.title_de, e.title_en, o.name, ${reviewStateSql} as state, r.status::text as status, r.submitted_at
          ${from} and r.status = ${status} order by r.submitted_at asc nulls last, r.id asc limit 200`,
    ),
    queryRows<{ status: string; n: number }>(ctx.db, sql`select r.status::text as status, count(*)::int as n ${from} group by 1`),
  ]);
  return {
    status,
    scope: isNational(actor) ? null : actor.stateCodes,
    rows: rows.map(
      (r): ReportQueueRow => ({
        eventId: Number(r.event_id),
        titleDe: r.title_de,
        titleEn: r.title_en,
        organisationName: r.name,
        stateCode: r.state,
        status: r.status,
        submittedAt: r.submitted_at ? new Date(r.submitted_at) : null,
      }),
    ),
    counts: countsByStatus(counts),
  };
}
function countsByStatus(rows: { status: string; n: number }[]): Record<ReportQueueStatus, number> {
  const counts: Record<ReportQueueStatus, number> = { submitted: 0, changes_requested: 0, published: 0, rejected: 0, withdrawn: 0 };
  for (const s of reportQueueStatuses) counts[s] = rows.find((r) => r.status === s)?.n ?? 0;
  return counts;
}

export type ReportQueue = Awaited<ReturnType<typeof listReportQueue>>;
