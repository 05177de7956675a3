import { type SQL, sql } from "drizzle-orm";
import { queryRows } from "../db/client.ts";
import { countedEventCondition } from "../editions/counted-events.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { type StatsScope, scopeCondition } from "./stats-scope.ts";

/** The ways the counted events of an edition are broken down (an event with several values counts in each). */
export const dimensions = ["state", "day", "format", "topic", "mode", "targetGroup", "partnerCountry"] as const;
export type Dimension = (typeof dimensions)[number];

// Each dimension as the rows `k(key)` one event contributes (one for a column, one per element of an array).
const keysOf: Record<Dimension, SQL> = {
  state: sql`(values (e.state_code))`,
  day: sql`unnest(e.days::text[])`,
  format: sql`(values (e.format_code))`,
  topic: sql`unnest(e.topics)`,
  mode: sql`(values (e.mode::text))`,
  targetGroup: sql`unnest(e.target_groups)`,
  partnerCountry: sql`unnest(e.partner_countries)`,
};

/** Counted events (counted-events.ts) of an edition in scope, per value of a dimension. */
export async function countEventsBy(db: DbOrTx, editionId: number, dimension: Dimension, scope: StatsScope): Promise<Map<string, number>> {
  const rows = await queryRows<{ key: string; n: number }>(
    db,
    sql`select k.key, count(distinct e.id)::int as n
        from event e join organisation o on o.id = e.organisation_id
        cross join lateral ${keysOf[dimension]} as k(key)
        where e.edition_id = ${editionId} and ${countedEventCondition} and ${scopeCondition(scope)}
        group by k.key`,
  );
  return new Map(rows.map((r) => [String(r.key), Number(r.n)]));
}

/** Every event of an edition in scope per status (pending revisions are their event, not a second one): the submission funnel. */
export async function countByStatus(db: DbOrTx, editionId: number, scope: StatsScope): Promise<Map<string, number>> {
  const rows = await queryRows<{ status: string; n: number }>(
    db,
    sql`select e.status::text as status, count(*)::int as n
        from event e join organisation o on o.id = e.organisation_id
        where e.edition_id = ${editionId} and e.revision_of is null and ${scopeCondition(scope)}
        group by e.status`,
  );
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

export type KeyFigures = {
  days: number;
  states: number;
  events: number;
  booths: number;
  organisations: number;
  partnerCountries: number;
  /** From the published reports of counted events: their participant counts added up. */
  participants: number;
};

/** The retrospective's key figures of an edition in scope ("10 Tage, 16 Länder, 196 Veranstaltungen, davon 38 Messebeteiligungen"). */
export async function countKeyFigures(db: DbOrTx, editionId: number, scope: StatsScope): Promise<KeyFigures> {
  const [row] = await queryRows<Record<keyof KeyFigures, number>>(
    db,
    sql`select count(*)::int as events,
          count(*) filter (where e.format_code = 'trade_fair_booth')::int as booths,
          count(distinct e.state_code) filter (where s.kind = 'land')::int as states,
          count(distinct e.organisation_id)::int as organisations,
          (select count(distinct c)::int from event e join organisation o on o.id = e.organisation_id,
             unnest(e.partner_countries) c
           where e.edition_id = ${editionId} and ${countedEventCondition} and ${scopeCondition(scope)}) as "partnerCountries",
          (select coalesce(sum(r.participant_count), 0)::int from report r join event e on e.id = r.event_id
             join organisation o on o.id = e.organisation_id
           where r.status = 'published' and e.edition_id = ${editionId} and ${countedEventCondition}
             and ${scopeCondition(scope)}) as participants,
          (select (ed.ends_on - ed.starts_on + 1)::int from edition ed where ed.id = ${editionId}) as days
        from event e join organisation o on o.id = e.organisation_id join state s on s.code = e.state_code
        where e.edition_id = ${editionId} and ${countedEventCondition} and ${scopeCondition(scope)}`,
  );
  return {
    days: Number(row?.days ?? 0),
    states: Number(row?.states ?? 0),
    events: Number(row?.events ?? 0),
    booths: Number(row?.booths ?? 0),
    organisations: Number(row?.organisations ?? 0),
    partnerCountries: Number(row?.partnerCountries ?? 0),
    participants: Number(row?.participants ?? 0),
  };
}

/** Participants per Land of the event (published reports of counted events in scope). */
export async function countParticipantsByState(db: DbOrTx, editionId: number, scope: StatsScope): Promise<Map<string, number>> {
  const rows = await queryRows<{ key: string; n: number }>(
    db,
    sql`select e.state_code as key, coalesce(sum(r.participant_count), 0)::int as n
        from report r join event e on e.id = r.event_id join organisation o on o.id = e.organisation_id
        where r.status = 'published' and e.edition_id = ${editionId} and ${countedEventCondition} and ${scopeCondition(scope)}
        group by e.state_code`,
  );
  return new Map(rows.map((r) => [String(r.key), Number(r.n)]));
}
