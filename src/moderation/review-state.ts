import { sql } from "drizzle-orm";

/** Event states that are not a Land: their events are reviewed by the organiser's Land. */
const notALand = new Set(["online", "international"]);

/**
 * The one rule for which Land an event belongs to in review (docs/ARCHITECTURE.md "Review"): the venue's
 * Land; for online and international events the organising organisation's Land.
 */
export function reviewStateOf(eventStateCode: string, organisationStateCode: string): string {
  return notALand.has(eventStateCode) ? organisationStateCode : eventStateCode;
}

/** The same rule in SQL, for an event aliased `e` joined with its organisation aliased `o`. */
export const reviewStateSql = sql`(case when e.state_code in ('online', 'international') then o.state_code else e.state_code end)`;
