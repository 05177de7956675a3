import { sql } from "drizzle-orm";
import { queryRows } from "../db/client.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { countedEventCondition } from "./counted-events.ts";

export type EditionNumbers = { events: number; booths: number; states: number; organisations: number; days: number };

/** The retrospective figures of an edition, counted from its counted events (counted-events.ts) ("10 Tage, 16 Länder, …"). */
export async function editionNumbers(db: DbOrTx, editionId: number): Promise<EditionNumbers> {
  const rows = await queryRows<{ events: number; booths: number; states: number; organisations: number; days: number }>(
    db,
    sql`
    select count(*)::int as events,
      count(*) filter (where e.format_code = 'trade_fair_booth')::int as booths,
      count(distinct e.state_code) filter (where s.kind = 'land')::int as states,
      count(distinct e.organisation_id)::int as organisations,
      (select (ed.ends_on - ed.starts_on + 1)::int from edition ed where ed.id = ${editionId}) as days
    from event e join state s on s.code = e.state_code
    where e.edition_id = ${editionId} and ${countedEventCondition}`,
  );
  const row = rows[0];
  return {
    events: Number(row?.events ?? 0),
    booths: Number(row?.booths ?? 0),
    states: Number(row?.states ?? 0),
    organisations: Number(row?.organisations ?? 0),
    days: Number(row?.days ?? 0),
  };
}
