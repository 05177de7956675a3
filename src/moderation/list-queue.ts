import { type SQL, sql } from "drizzle-orm";
import { queryRows } from "../db/client.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { type Actor, isNational } from "../lib/actor.ts";
import { AppError } from "../lib/errors.ts";
import { QueueFilter, type QueueStatus, queueStatuses } from "./moderation.schemas.ts";
import { requireReviewer } from "./review-access.ts";
import { reviewStateSql } from "./review-state.ts";

export const QUEUE_PAGE_SIZE = 50;

export type QueueRow = {
  /** The event's id (the published row's for changes under review): what the review page is about. */
  id: number;
  /** The version of the working copy: what a decision must name. */
  version: number;
  status: string;
  kind: "new" | "change";
  titleDe: string;
  titleEn: string | null;
  organisationName: string;
  organisationSlug: string;
  stateCode: string;
  startsAt: Date | null;
  submittedAt: Date | null;
  warnings: number;
  /** No coordinator is bound to the event's Land: it waits for the national office alone. */
  unattended: boolean;
  /** Waiting longer than the edition's review target. */
  overdue: boolean;
  targetDays: number;
  moderation: "one_tier" | "two_tier";
};

export type Queue = {
  filter: QueueFilter;
  rows: QueueRow[];
  total: number;
  pages: number;
  /** Rows per status under the current filters other than the status itself. */
  counts: Record<QueueStatus, number>;
  /** The Länder the actor reviews (null: all). */
  scope: readonly string[] | null;
  /** The organisations with anything in the actor's queue, for the filter. */
  organisations: { slug: string; name: string }[];
};

/** Parses the queue's URL filters; unknown values are a validation error (the page answers 400). */
export function parseQueueFilter(raw: unknown): QueueFilter {
  const parsed = QueueFilter.safeParse(raw ?? {});
  if (!parsed.success)
    throw new AppError(
      "bad_request",
      "Unknown queue filter",
      Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), "invalid"])),
    );
  return parsed.data;
}

/**
 * What waits for the actor's decision (PRODUCT §7): every working copy — a pending revision of a published
 * event, else the event itself — of a non-archived edition in the Länder the actor reviews (review-state
 * rule), filtered, with counts per status; submissions oldest first, for the national office what the
 * Länder approved before that.
 */
export async function listQueue({ ctx, input }: { ctx: { db: DbOrTx; actor: Actor | null }; input: unknown }): Promise<Queue> {
  const actor = requireReviewer(ctx.actor);
  const filter = parseQueueFilter(input);
  const scope = isNational(actor) ? null : actor.stateCodes;
  const where = conditions(filter, scope);
  const byStatus = statusCondition(filter.status);
  const national = isNational(actor);
  const order = national
    ? sql`(w.status = 'approved') desc, w.submitted_at asc nulls last, w.id asc`
    : sql`w.submitted_at asc nulls last, w.id asc`;
  const offset = (filter.page - 1) * QUEUE_PAGE_SIZE;
  const inScope = conditions({ ...filter, org: "" }, scope);
  const [rows, countRows, organisations] = await Promise.all([
    queryRows<RawRow>(ctx.db, sql`${base} where ${where} and ${byStatus} order by ${order} limit ${QUEUE_PAGE_SIZE} offset ${offset}`),
    queryRows<{ status: string; n: number }>(
      ctx.db,
      sql`select w.status::text as status, count(*)::int as n
          ${from}
          where ${where} group by w.status`,
    ),
    queryRows<{ slug: string; name: string }>(
      ctx.db,
      sql`select distinct o.slug, o.name
          ${from}
          where ${inScope} order by o.name`,
    ),
  ]);
  const counts = Object.fromEntries(queueStatuses.map((s) => [s, 0])) as Record<QueueStatus, number>;
  for (const r of countRows) if (r.status in counts) counts[r.status as QueueStatus] = Number(r.n);
  counts.open = counts.submitted + counts.approved;
  const total = counts[filter.status];
  return {
    filter,
    rows: rows.map(rowOf),
    total,
    pages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
    counts,
    scope,
    organisations,
  };
}

type RawRow = {
  id: number;
  version: number;
  status: string;
  is_revision: boolean;
  title_de: string;
  title_en: string | null;
  organisation_name: string;
  organisation_slug: string;
  review_state: string;
  starts_at: Date | string | null;
  submitted_at: Date | string | null;
  warnings: number;
  unattended: boolean;
  overdue: boolean;
  target_days: number;
  moderation: "one_tier" | "two_tier";
};

const dateOf = (v: Date | string | null) => (v === null ? null : new Date(v));

const rowOf = (r: RawRow): QueueRow => ({
  id: Number(r.id),
  version: Number(r.version),
  status: r.status,
  kind: r.is_revision ? "change" : "new",
  titleDe: r.title_de,
  titleEn: r.title_en,
  organisationName: r.organisation_name,
  organisationSlug: r.organisation_slug,
  stateCode: r.review_state,
  startsAt: dateOf(r.starts_at),
  submittedAt: dateOf(r.submitted_at),
  warnings: Number(r.warnings),
  unattended: Boolean(r.unattended),
  overdue: Boolean(r.overdue),
  targetDays: Number(r.target_days),
  moderation: r.moderation,
});

/** A Land without an active coordinator bound to it (for an event `e` joined with organisation `o`); deactivated accounts do not count. */
export const unattendedSql = sql`not exists (select 1 from coordinator_state cs join "user" u on u.id = cs.user_id
  where u.role = 'coordinator' and u.deactivated_at is null and cs.state_code = ${reviewStateSql})`;

const warningCount = sql`(select count(*) from jsonb_array_elements(coalesce(w.checks, '[]'::jsonb)) c where c->>'severity' = 'warning')`;

// `w` is the working copy, `e` the event it belongs to (itself, or the published row of a revision).
const from = sql`from event w join event e on e.id = coalesce(w.revision_of, w.id)
  join organisation o on o.id = e.organisation_id join edition ed on ed.id = e.edition_id`;

const base = sql`select e.id, w.version, w.status::text as status, (w.revision_of is not null) as is_revision,
    w.title_de, w.title_en, o.name as organisation_name, o.slug as organisation_slug,
    ${reviewStateSql} as review_state, w.starts_at, w.submitted_at,
    ${warningCount}::int as warnings, ${unattendedSql} as unattended,
    (w.status in ('submitted', 'approved') and w.submitted_at < now() - make_interval(days => ed.review_target_days)) as overdue,
    ed.review_target_days as target_days, ed.moderation::text as moderation
  ${from}`;

function statusCondition(status: QueueStatus): SQL {
  if (status === "open") return sql`w.status in ('submitted', 'approved')`;
  return sql`w.status = ${status}`;
}

/** Every filter but the status, and the actor's Länder. */
function conditions(f: QueueFilter, scope: readonly string[] | null): SQL {
  const parts: SQL[] = [
    // A published event with a pending revision is reviewed through the revision.
    sql`not exists (select 1 from event r where r.revision_of = w.id)`,
    sql`ed.status <> 'archived'`,
    sql`w.status in ('submitted', 'approved', 'changes_requested', 'published', 'rejected')`,
  ];
  if (scope !== null)
    parts.push(
      scope.length
        ? sql`${reviewStateSql} in (${sql.join(
            scope.map((s) => sql`${s}`),
            sql`, `,
          )})`
        : sql`false`,
    );
  if (f.state) parts.push(sql`${reviewStateSql} = ${f.state}`);
  if (f.format) parts.push(sql`w.format_code = ${f.format}`);
  if (f.org) parts.push(sql`o.slug = ${f.org}`);
  if (f.warnings) parts.push(sql`${warningCount} > 0`);
  if (f.unattended) parts.push(unattendedSql);
  if (f.age > 0) parts.push(sql`w.submitted_at <= now() - make_interval(days => ${f.age}::int)`);
  return sql.join(parts, sql` and `);
}
