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
  const checks = plausibilityOf({ sessions, edition: row.edition, mode: row.event.mode, onlineUrl: row.event.onlineUrl, venue: row.venue });
  for (const twin of await likelyDuplicates(db, row.event)) {
    checks.push({ code: "likelyDuplicate", severity: "warning", params: { id: String(twin.id), title: twin.title } });
  }
  return checks;
}

/** What plausibilityOf needs to know about an event: its dates, its edition's week, mode and venue. */
export type PlausibilityFacts = {
  sessions: readonly { startsAt: Date; endsAt: Date }[];
  edition: { startsOn: string; endsOn: string };
  mode: string;
  onlineUrl: string | null;
  venue: { country: string; stateCode: string | null; postalCode: string } | null;
};

/** The findings that need no database (all but likely duplicates): also run on import rows before anything is saved. */
export function plausibilityOf(facts: PlausibilityFacts): EventCheck[] {
  const checks: EventCheck[] = [];
  for (const s of facts.sessions) {
    if (s.endsAt < s.startsAt) checks.push({ code: "endBeforeStart", severity: "error", params: { day: berlinDay(s.startsAt) } });
    const first = berlinDay(s.startsAt);
    const last = berlinDay(new Date(Math.max(s.startsAt.getTime(), s.endsAt.getTime() - 1)));
    if (first < facts.edition.startsOn || last > facts.edition.endsOn) {
      checks.push({
        code: "outsideEdition",
        severity: "warning",
        params: { day: first < facts.edition.startsOn ? first : last, from: facts.edition.startsOn, to: facts.edition.endsOn },
      });
    }
  }
  if (facts.mode !== "onsite" && !facts.onlineUrl) checks.push({ code: "onlineWithoutUrl", severity: "warning" });
  const place = facts.venue;
  if (place && place.country === "DE" && place.stateCode) {
    const fit = postalCodeFitsState(place.postalCode, place.stateCode);
    if (fit === "mismatch")
      checks.push({ code: "postalCodeState", severity: "warning", params: { postalCode: place.postalCode, state: place.stateCode } });
    if (fit === "invalid") checks.push({ code: "postalCodeInvalid", severity: "warning", params: { postalCode: place.postalCode } });
  }
  return checks;
}

/**
 * Likely duplicates of many candidate events at once (import rows): per candidate key, the organisation's
 * events on a same day with a similar title — the rule of likelyDuplicates in one statement.
 */
export async function likelyDuplicatesOfMany(
  db: DbOrTx,
  organisationId: number,
  candidates: readonly { key: number; title: string; days: readonly string[]; exceptId: number }[],
): Promise<Map<number, { id: number; title: string }[]>> {
  const found = new Map<number, { id: number; title: string }[]>();
  if (candidates.length === 0) return found;
  const rows = await queryRows<{ key: number; id: number; title: string }>(
    db,
    sql`select c.key, e.id, e.title_de as title
        from jsonb_to_recordset(${JSON.stringify(candidates)}::jsonb) as c(key int, title text, days text[], "exceptId" int)
        join event e on e.organisation_id = ${organisationId} and e.id <> c."exceptId" and e.revision_of is null
          and e.status not in ('rejected', 'cancelled') and e.days && c.days::date[]
          and similarity(cw_fold(e.title_de), cw_fold(c.title)) >= ${DUPLICATE_SIMILARITY}
        order by c.key, similarity(cw_fold(e.title_de), cw_fold(c.title)) desc, e.id`,
  );
  for (const r of rows) {
    const list = found.get(Number(r.key)) ?? [];
    if (list.length < 3) list.push({ id: Number(r.id), title: r.title });
    found.set(Number(r.key), list);
  }
  return found;
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
