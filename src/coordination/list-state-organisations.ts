import { sql } from "drizzle-orm";
import { queryRows } from "../db/client.ts";
import type { eventStatus } from "../db/schema/index.ts";
import { countedEventCondition } from "../editions/counted-events.ts";
import { type Edition, listEditions, pickCurrentEdition } from "../editions/edition-queries.ts";
import { berlinDay } from "../events/event-dates.ts";
import type { DbOrTx } from "../events/event-record.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { type CoordinatedState, loadCoordinatedState } from "./coordination-access.ts";

export type EventStatus = (typeof eventStatus.enumValues)[number];
/** The statuses in the order of the workflow, as the overview shows them. */
export const eventStatuses = [
  "draft",
  "submitted",
  "approved",
  "changes_requested",
  "published",
  "rejected",
  "cancelled",
] as const satisfies readonly EventStatus[];

export type StateOrganisation = {
  id: number;
  slug: string;
  name: string;
  status: "pending" | "active" | "declined";
  counts: Record<EventStatus, number>;
  total: number;
};

/** Took part in the previous edition (counted events there) and has submitted nothing for the current one. */
export type NotYetSubmitted = { id: number; slug: string; name: string; lastCount: number; remindedToday: boolean };

export type StateOverview = {
  land: CoordinatedState;
  edition: Edition | undefined;
  previous: Edition | undefined;
  organisations: StateOrganisation[];
  notSubmitted: NotYetSubmitted[];
};

/** The kind of notification_log row that marks an organisation as reminded on a Berlin day. */
export const SUBMISSION_REMINDER = "submission_reminder";

/** The edition before the current one (by year), whose participants are asked to come back. */
export async function currentAndPreviousEdition(db: DbOrTx): Promise<{ edition: Edition | undefined; previous: Edition | undefined }> {
  const editions = await listEditions(db);
  const edition = pickCurrentEdition(editions);
  return { edition, previous: edition ? editions.find((e) => e.year < edition.year) : undefined };
}

type CountRow = {
  id: number;
  slug: string;
  name: string;
  status: StateOrganisation["status"];
  event_status: EventStatus | null;
  n: number;
};

/**
 * A Land's organisations (pending and active) with their events of the current edition per status (pending
 * revisions of published events are not counted twice), and the previous edition's participants that have
 * submitted nothing yet (drafts do not count as submitted).
 */
export async function listStateOrganisations({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: VerbCtx;
  input: { stateCode: unknown };
  now?: Date;
}): Promise<StateOverview> {
  const { land } = await loadCoordinatedState(ctx.db, ctx.actor, input.stateCode);
  const { edition, previous } = await currentAndPreviousEdition(ctx.db);
  if (!edition) return { land, edition, previous, organisations: [], notSubmitted: [] };
  const rows = await queryRows<CountRow>(
    ctx.db,
    sql`select o.id, o.slug, o.name, o.status, e.status as event_status, count(e.id)::int as n
        from organisation o
        left join event e on e.organisation_id = o.id and e.edition_id = ${edition.id} and e.revision_of is null
        where o.state_code = ${land.code} and o.status <> 'declined'
        group by o.id, o.slug, o.name, o.status, e.status
        order by lower(o.name), o.id`,
  );
  const byId = new Map<number, StateOrganisation>();
  for (const r of rows) {
    const id = Number(r.id);
    let org = byId.get(id);
    if (!org) {
      org = { id, slug: r.slug, name: r.name, status: r.status, counts: zeroCounts(), total: 0 };
      byId.set(id, org);
    }
    if (r.event_status) {
      org.counts[r.event_status] += Number(r.n);
      org.total += Number(r.n);
    }
  }
  const notSubmitted = previous ? await listNotYetSubmitted(ctx.db, land.code, edition.id, previous.id, berlinDay(now)) : [];
  return { land, edition, previous, organisations: [...byId.values()], notSubmitted };
}

const zeroCounts = () => Object.fromEntries(eventStatuses.map((s) => [s, 0])) as Record<EventStatus, number>;

/** Active organisations of a Land with counted events in `previousId` and nothing but drafts in `editionId`. */
export async function listNotYetSubmitted(
  db: DbOrTx,
  stateCode: string,
  editionId: number,
  previousId: number,
  today: string,
): Promise<NotYetSubmitted[]> {
  const rows = await queryRows<{ id: number; slug: string; name: string; last_count: number; reminded: boolean }>(
    db,
    sql`select o.id, o.slug, o.name, count(e.id)::int as last_count,
               exists (select 1 from notification_log n where n.kind = ${SUBMISSION_REMINDER}
                       and n.subject_key = o.id::text and n.sent_on = ${today}) as reminded
        from organisation o
        join event e on e.organisation_id = o.id and e.edition_id = ${previousId} and e.revision_of is null and ${countedEventCondition}
        where o.state_code = ${stateCode} and o.status = 'active'
          and not exists (select 1 from event c where c.organisation_id = o.id and c.edition_id = ${editionId} and c.status <> 'draft')
        group by o.id, o.slug, o.name
        order by lower(o.name), o.id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    slug: r.slug,
    name: r.name,
    lastCount: Number(r.last_count),
    remindedToday: Boolean(r.reminded),
  }));
}
