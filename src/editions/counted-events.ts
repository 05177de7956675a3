import { sql } from "drizzle-orm";

/**
 * What counts as an event of an edition — one definition for the home page, the archive, the
 * programme, the state pages, the API statistics and the organisations' counts (and later the
 * retrospective): every event the public sees, i.e. published and cancelled (a cancelled event stays
 * listed, marked as cancelled, so the number matches the list), trade-fair booths included.
 */
export const countedStatuses = ["published", "cancelled"] as const;
export type CountedStatus = (typeof countedStatuses)[number];

/** The SQL condition on an event aliased `e`. */
export const countedEventCondition = sql`e.status in ('published', 'cancelled')`;

/** The same test for a status read into memory. */
export function isCountedStatus(status: string): status is CountedStatus {
  return (countedStatuses as readonly string[]).includes(status);
}
