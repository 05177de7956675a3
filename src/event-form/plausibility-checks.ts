import { asc, eq, sql } from "drizzle-orm";
import { queryRows } from "../db/client.ts";
import { type EventCheck, edition, event, eventSession, venue } from "../db/schema/index.ts";
import { berlinDay } from "../events/event-dates.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { postalCodeFitsState } from "./postal-code-states.ts";

/** How alike two titles must be (pg_trgm similarity of the folded titles) to count as a likely duplicate. */
const DUPLICATE_SIMILARITY = 0.45;

/**
 * The plausibility findings of an event (PRODUCT §6). Errors block submitting; warnings are shown to
 * the organiser and stored for the reviewers.
 */
export async function runPlausibilityChecks(db: DbOrTx, eventId: number): Promise<EventCheck[]> {
  const [row] = await db
    .select({ event, edition, venue })
    .from(event)
    .innerJoin(edition, eq(edition.id, event.editionId))
    .leftJoin(venue, eq(venue.id, event.venueId))
    .where(eq(event.id, eventId));
  if (!row) return [];
  const sessions = await db.select().from(eventSession).where(eq(eventSession.eventId, eventId)).orderBy(asc(eventSession.startsAt));
  const checks: EventCheck[] = [];
  for (const s of sessions) {
    if (s.endsAt < s.startsAt) checks.push({ code: "endBeforeStart", severity: "error", params: { day: berlinDay(s.startsAt) } });
    const first = berlinDay(s.startsAt);
    const last = berlinDay(new Date(Math.max(s.startsAt.getTime(), s.endsAt.getTime() - 1)));
    if (first < row.edition.startsOn || last > row.edition.endsOn) {
      checks.push({
        code: "outsideEdition",
        severity: "warning",
        params: { day: first < row.edition.startsOn ? first : last, from: row.edition.startsOn, to: row.edition.endsOn },
      });
    }
  }
  if (row.event.mode !== "onsite" && !row.event.onlineUrl) checks.push({ code: "onlineWithoutUrl", severity: "warning" });
  if (row.venue && row.venue.country === "DE" && row.venue.stateCode) {
    const fit = postalCodeFitsState(row.venue.postalCode, row.venue.stateCode);
    if (fit === "mismatch")
      checks.push({
        code: "postalCodeState",
        severity: "warning",
        params: { postalCode: row.venue.postalCode, state: row.venue.stateCode },
      });
    if (fit === "invalid") checks.push({ code: "postalCodeInvalid", severity: "warning", params: { postalCode: row.venue.postalCode } });
  }
  for (const twin of await likelyDuplicates(db, row.event)) {
    checks.push({ code: "likelyDuplicate", severity: "warning", params: { id: String(twin.id), title: twin.title } });
  }
  return checks;
}

/** Other events of the same organisation on a same day with a similar title (trigram similarity, umlaut-folded). */
async function likelyDuplicates(db: DbOrTx, e: typeof event.$inferSelect) {
  if (e.days.length === 0) return [];
  return queryRows<{ id: number; title: string }>(
    db,
    sql`select id, title_de as title from event
        where organisation_id = ${e.organisationId} and id <> ${e.id} and id <> ${e.revisionOf ?? 0}
          and revision_of is null and status not in ('rejected', 'cancelled')
          and days && ${`{${e.days.join(",")}}`}::date[]
          and similarity(cw_fold(title_de), cw_fold(${e.titleDe})) >= ${DUPLICATE_SIMILARITY}
        order by similarity(cw_fold(title_de), cw_fold(${e.titleDe})) desc, id limit 3`,
  );
}

export const hasBlockingCheck = (checks: readonly EventCheck[]) => checks.some((c) => c.severity === "error");
