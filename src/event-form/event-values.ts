import { addDays, format } from "date-fns";
import { and, eq, inArray, or, sql } from "drizzle-orm";
import { format as formatTable, organisation, state, targetGroup, topic, venue } from "../db/schema/index.ts";
import { berlinDay, berlinTime } from "../events/event-dates.ts";
import type { DbOrTx, NewSession } from "../events/event-record.ts";
import { validationFailed } from "../lib/errors.ts";
import { withoutControlCharacters } from "../lib/form-text.ts";
import { type EventData, EventInput, fieldErrors, type SessionInput } from "./event-form.schemas.ts";

const nextDay = (day: string) => format(addDays(new Date(`${day}T12:00:00Z`), 1), "yyyy-MM-dd");

/** A form date row as instants: Berlin wall-clock time; all-day rows run from midnight to midnight. */
export function sessionTimes(s: SessionInput): NewSession {
  const endDay = s.endDate || s.startDate;
  if (s.allDay) return { startsAt: berlinTime(s.startDate), endsAt: berlinTime(nextDay(endDay)), allDay: true };
  return { startsAt: berlinTime(s.startDate, s.startTime), endsAt: berlinTime(endDay, s.endTime), allDay: false };
}

/** Parses raw input into event data; 422 with every field's problem. */
export function parseEventInput(raw: unknown): EventData {
  const parsed = EventInput.safeParse(withoutControlCharacters(raw));
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error));
  const ends: Record<string, string> = {};
  parsed.data.sessions.forEach((s, i) => {
    const t = sessionTimes(s);
    if (t.endsAt < t.startsAt) ends[`sessions.${i}.endTime`] = "endBeforeStart";
  });
  if (Object.keys(ends).length) throw validationFailed(ends);
  return parsed.data;
}

/** What an event already carries: retired technology fields and target groups on it may stay. */
type KeptTerms = { topics?: readonly string[]; targetGroups?: readonly string[] };

/** Codes the input uses that the database does not know or no longer offers (retired, unless kept), as field errors. */
async function unknownCodes(db: DbOrTx, data: EventData, kept: KeptTerms): Promise<Record<string, string>> {
  const errors: Record<string, string> = {};
  const offered = (table: typeof topic | typeof targetGroup, codes: string[], keep: readonly string[] = []) =>
    codes.length
      ? db
          .select({ code: table.code })
          .from(table)
          .where(
            and(
              inArray(table.code, codes),
              keep.length ? or(eq(table.active, true), inArray(table.code, [...keep])) : eq(table.active, true),
            ),
          )
      : [];
  const [formats, topics, groups, states] = await Promise.all([
    db.select({ code: formatTable.code }).from(formatTable).where(eq(formatTable.code, data.formatCode)),
    offered(topic, data.topics, kept.topics),
    offered(targetGroup, data.targetGroups, kept.targetGroups),
    db.select({ code: state.code }).from(state).where(eq(state.kind, "land")),
  ]);
  if (formats.length === 0) errors.formatCode = "choice";
  if (topics.length !== new Set(data.topics).size) errors.topics = "choice";
  if (groups.length !== new Set(data.targetGroups).size) errors.targetGroups = "choice";
  if (data.venue.stateCode && !states.some((s) => s.code === data.venue.stateCode)) errors["venue.stateCode"] = "choice";
  return errors;
}

/**
 * The event columns and sessions for validated input: checks taxonomy codes, stores the venue as a
 * new row (venues may be shared by several events, so they are never changed in place), finds the
 * event's state and links co-organisers that name a known organisation.
 */
export async function eventColumns(
  db: DbOrTx,
  organisationId: number,
  data: EventData,
  current: { venueId: number | null; registrationDeadline: Date | null } & KeptTerms = { venueId: null, registrationDeadline: null },
) {
  const errors = await unknownCodes(db, data, current);
  if (Object.keys(errors).length) throw validationFailed(errors);
  const [org] = await db.select({ stateCode: organisation.stateCode }).from(organisation).where(eq(organisation.id, organisationId));
  if (!org) throw validationFailed({ organisationId: "choice" });
  const venueId = data.mode === "online" && !data.venue.name ? null : await venueIdFor(db, data.venue, current.venueId);
  // The venue's Land; abroad "international"; online events (and venues without a Land) the organiser's.
  const stateCode =
    venueId !== null && data.venue.country !== "DE"
      ? "international"
      : venueId !== null && data.venue.stateCode
        ? data.venue.stateCode
        : org.stateCode;
  const { sessions, venue: _venue, ...fields } = data;
  return {
    values: {
      ...fields,
      accessibility: { ...fields.accessibility, notes: fields.accessibility.notes ?? undefined },
      venueId,
      stateCode,
      coOrganisers: await linkCoOrganisers(db, data.coOrganisers),
      registrationDeadline: deadlineOf(data.registrationDeadline, current.registrationDeadline),
    },
    sessions: sessions.map(sessionTimes).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
  };
}

/** The form asks for a day; a stored deadline on that same day keeps its time, a new one ends the day. */
function deadlineOf(day: string | null, stored: Date | null): Date | null {
  if (!day) return null;
  return stored && berlinDay(stored) === day ? stored : berlinTime(day, "23:59");
}

async function venueIdFor(db: DbOrTx, v: EventData["venue"], currentVenueId: number | null): Promise<number> {
  const values = { ...v, stateCode: v.country === "DE" ? v.stateCode || null : null };
  if (currentVenueId !== null) {
    const [current] = await db.select().from(venue).where(eq(venue.id, currentVenueId));
    const { id: _id, ...same } = current ?? { id: 0 };
    if (current && JSON.stringify(same) === JSON.stringify({ ...same, ...values })) return currentVenueId;
  }
  const [row] = await db.insert(venue).values(values).returning({ id: venue.id });
  if (!row) throw new Error("venue insert returned no row");
  return row.id;
}

async function linkCoOrganisers(db: DbOrTx, names: string[]) {
  if (names.length === 0) return [];
  const known = await db
    .select({ id: organisation.id, name: organisation.name })
    .from(organisation)
    .where(
      inArray(
        sql`lower(${organisation.name})`,
        names.map((n) => n.toLowerCase()),
      ),
    );
  return names.map((name) => {
    const org = known.find((o) => o.name.toLowerCase() === name.toLowerCase());
    return org ? { organisationId: org.id, name: org.name } : { name };
  });
}

/** A URL-friendly slug of a title (ASCII, hyphens). */
export function slugify(title: string): string {
  const map: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss" };
  return (
    title
      .toLowerCase()
      .replace(/[äöüß]/g, (c) => map[c] ?? c)
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || "veranstaltung"
  );
}
