import { sql } from "drizzle-orm";
import { listNotYetSubmitted } from "../coordination/list-state-organisations.ts";
import { queryRows } from "../db/client.ts";
import type { Edition } from "../editions/edition-queries.ts";
import { loadSiteData } from "../editions/site-data.ts";
import { berlinDay } from "../events/event-dates.ts";
import type { DbOrTx } from "../events/event-record.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { reviewStateSql } from "../moderation/review-state.ts";
import { requireOffice } from "./stats-scope.ts";

/** Days are null when no waiting row has a submission time (rows made outside the forms). */
export type QueueAge = { waiting: number; medianDays: number | null; oldestDays: number | null };
export type DecisionTime = { decisions: number; medianDays: number };
/** Published events whose last date has passed, and how many of them have no report handed in (submitted, in changes or published). */
export type MissingReports = { published: number; withoutReport: number };
export type MissingOrganisations = { count: number; names: string[] };

/** One Land's row of the office's operations figures. */
export type OperationsRow = {
  code: string;
  nameDe: string;
  nameEn: string;
  queue: QueueAge;
  decision: DecisionTime;
  reports: MissingReports;
  missing: MissingOrganisations;
};

export type OperationsFigures = { edition: Edition | undefined; previous: Edition | undefined; rows: OperationsRow[] };

const days = (value: unknown) => Math.round(Number(value ?? 0) * 10) / 10;
const daysOrNull = (value: unknown) => (value === null || value === undefined ? null : days(value));

/** Submissions and changes awaiting a decision (as the review queue's "open") per review Land, in days at `now`. */
async function queueAges(db: DbOrTx, now: Date): Promise<Map<string, QueueAge>> {
  const rows = await queryRows<{ code: string; n: number; median: number; oldest: number }>(
    db,
    sql`select ${reviewStateSql} as code, count(*)::int as n,
          percentile_cont(0.5) within group (order by extract(epoch from (${now.toISOString()}::timestamptz - e.submitted_at)) / 86400) as median,
          max(extract(epoch from (${now.toISOString()}::timestamptz - e.submitted_at)) / 86400) as oldest
        from event e join organisation o on o.id = e.organisation_id join edition ed on ed.id = e.edition_id
        where e.status in ('submitted', 'approved') and ed.status <> 'archived'
        group by 1`,
  );
  return new Map(rows.map((r) => [r.code, { waiting: Number(r.n), medianDays: daysOrNull(r.median), oldestDays: daysOrNull(r.oldest) }]));
}

/** Per review Land: decisions on the edition's events and the median days from the submission before each to it. */
async function decisionTimes(db: DbOrTx, editionId: number): Promise<Map<string, DecisionTime>> {
  const rows = await queryRows<{ code: string; n: number; median: number }>(
    db,
    sql`select ${reviewStateSql} as code, count(*)::int as n,
          percentile_cont(0.5) within group (order by extract(epoch from (d.at - s.at)) / 86400) as median
        from review_decision d
        join event e on e.id = d.event_id join organisation o on o.id = e.organisation_id
        cross join lateral (select max(h.at) as at from event_history h
                            where h.event_id = d.event_id and h.action = 'submit' and h.at <= d.at) s
        where e.edition_id = ${editionId} and d.action <> 'unpublish' and s.at is not null
        group by 1`,
  );
  return new Map(rows.map((r) => [r.code, { decisions: Number(r.n), medianDays: days(r.median) }]));
}

/** Per review Land: the edition's published events that have ended by `now`, and those without a report handed in. */
async function missingReports(db: DbOrTx, editionId: number, now: Date): Promise<Map<string, MissingReports>> {
  const rows = await queryRows<{ code: string; n: number; missing: number }>(
    db,
    sql`select ${reviewStateSql} as code, count(*)::int as n,
          count(*) filter (where not exists (select 1 from report r where r.event_id = e.id
                                             and r.status in ('submitted', 'changes_requested', 'published')))::int as missing
        from event e join organisation o on o.id = e.organisation_id
        where e.edition_id = ${editionId} and e.status = 'published' and e.ends_at < ${now.toISOString()}::timestamptz
        group by 1`,
  );
  return new Map(rows.map((r) => [r.code, { published: Number(r.n), withoutReport: Number(r.missing) }]));
}

/** The national office's operations figures per Land, live from the data (editors and admins; others 404). */
export async function loadOperationsFigures({ ctx, now = new Date() }: { ctx: VerbCtx; now?: Date }): Promise<OperationsFigures> {
  requireOffice(ctx.actor);
  const site = await loadSiteData(ctx.db);
  const edition = site.current;
  const previous = edition ? site.editions.find((e) => e.year < edition.year) : undefined;
  const lands = site.taxonomies.states.filter((s) => s.kind === "land");
  const queue = await queueAges(ctx.db, now);
  const decisions = edition ? await decisionTimes(ctx.db, edition.id) : new Map<string, DecisionTime>();
  const reports = edition ? await missingReports(ctx.db, edition.id, now) : new Map<string, MissingReports>();
  const today = berlinDay(now);
  const rows: OperationsRow[] = [];
  for (const land of lands) {
    const missing = edition && previous ? await listNotYetSubmitted(ctx.db, land.code, edition.id, previous.id, today) : [];
    rows.push({
      code: land.code,
      nameDe: land.nameDe,
      nameEn: land.nameEn,
      queue: queue.get(land.code) ?? { waiting: 0, medianDays: null, oldestDays: null },
      decision: decisions.get(land.code) ?? { decisions: 0, medianDays: 0 },
      reports: reports.get(land.code) ?? { published: 0, withoutReport: 0 },
      missing: { count: missing.length, names: missing.map((m) => m.name) },
    });
  }
  return { edition, previous, rows };
}
