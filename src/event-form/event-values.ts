import { addDays, format } from "date-fns";
import { eq, inArray, sql } from "drizzle-orm";
import { insertJsonRows } from "../db/insert-json-rows.ts";
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

/** The codes the database has (formats, Länder; technology fields and target groups with whether they are offered): small tables, read whole. */
export type KnownCodes = {
  formats: Set<string>;
  topics: Map<string, boolean>;
  targetGroups: Map<string, boolean>;
  states: Set<string>;
};

export async function loadKnownCodes(db: DbOrTx): Promise<KnownCodes> {
  const [formats, topics, groups, states] = await Promise.all([
    db.select({ code: formatTable.code }).from(formatTable),
    db.select({ code: topic.code, active: topic.active }).from(topic),
    db.select({ code: targetGroup.code, active: targetGroup.active }).from(targetGroup),
    db.select({ code: state.code }).from(state).where(eq(state.kind, "land")),
  ]);
  const offered = (rows: { code: string; active: boolean }[]) => new Map(rows.map((r) => [r.code, r.active]));
  return {
    formats: new Set(formats.map((r) => r.code)),
    topics: offered(topics),
    targetGroups: offered(groups),
    states: new Set(states.map((r) => r.code)),
  };
}

/** Codes the input uses that the database does not know or no longer offers (retired, unless kept), as field errors. */
function unknownCodes(known: KnownCodes, data: EventData, kept: KeptTerms): Record<string, string> {
  const errors: Record<string, string> = {};
  const allowed = (offered: Map<string, boolean>, codes: string[], keep: readonly string[] = []) =>
    codes.every((c) => offered.get(c) === true || (offered.has(c) && keep.includes(c)));
  if (!known.formats.has(data.formatCode)) errors.formatCode = "choice";
  if (!allowed(known.topics, data.topics, kept.topics)) errors.topics = "choice";
  if (!allowed(known.targetGroups, data.targetGroups, kept.targetGroups)) errors.targetGroups = "choice";
  if (data.venue.stateCode && !known.states.has(data.venue.stateCode)) errors["venue.stateCode"] = "choice";
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
  const errors = unknownCodes(await loadKnownCodes(db), data, current);
  if (Object.keys(errors).length) throw validationFailed(errors);
  const [org] = await db.select({ stateCode: organisation.stateCode }).from(organisation).where(eq(organisation.id, organisationId));
  if (!org) throw validationFailed({ organisationId: "choice" });
  const venueId = data.mode === "online" && !data.venue.name ? null : await venueIdFor(db, data.venue, current.venueId);
  const links = await coOrganiserLinks(db, data.coOrganisers);
  return columnsOf(data, org.stateCode, venueId, links, current.registrationDeadline);
}

/**
 * eventColumns for many new events of one organisation at once (the spreadsheet import): the same
 * checks and columns, with the code lists, venues and co-organisers read or written in one statement
 * each. The first event with an unknown code refuses them all (the caller's transaction rolls back).
 */
export async function newEventColumnsMany(db: DbOrTx, organisationId: number, datas: readonly EventData[]) {
  const known = await loadKnownCodes(db);
  for (const data of datas) {
    const errors = unknownCodes(known, data, {});
    if (Object.keys(errors).length) throw validationFailed(errors);
  }
  const [org] = await db.select({ stateCode: organisation.stateCode }).from(organisation).where(eq(organisation.id, organisationId));
  if (!org) throw validationFailed({ organisationId: "choice" });
  const withVenue = datas.filter((d) => !(d.mode === "online" && !d.venue.name));
  const venueIds = await insertJsonRows(
    db,
    venue,
    withVenue.map((d) => venueValues(d.venue)),
  );
  const links = await coOrganiserLinks(
    db,
    datas.flatMap((d) => d.coOrganisers),
  );
  let next = 0;
  return datas.map((data) => {
    const venueId = data.mode === "online" && !data.venue.name ? null : (venueIds[next++] ?? null);
    return columnsOf(data, org.stateCode, venueId, links, null);
  });
}

type CoOrganiserLinks = Map<string, { id: number; name: string }>;

function columnsOf(data: EventData, orgStateCode: string, venueId: number | null, links: CoOrganiserLinks, storedDeadline: Date | null) {
  // The venue's Land; abroad "international"; online events (and venues without a Land) the organiser's.
  const stateCode =
    venueId !== null && data.venue.country !== "DE"
      ? "international"
      : venueId !== null && data.venue.stateCode
        ? data.venue.stateCode
        : orgStateCode;
  const { sessions, venue: _venue, ...fields } = data;
  return {
    values: {
      ...fields,
      accessibility: { ...fields.accessibility, notes: fields.accessibility.notes ?? undefined },
      venueId,
      stateCode,
      coOrganisers: data.coOrganisers.map((name) => {
        const org = links.get(name.toLowerCase());
        return org ? { organisationId: org.id, name: org.name } : { name };
      }),
      registrationDeadline: deadlineOf(data.registrationDeadline, storedDeadline),
    },
    sessions: sessions.map(sessionTimes).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
  };
}

/** The form asks for a day; a stored deadline on that same day keeps its time, a new one ends the day. */
function deadlineOf(day: string | null, stored: Date | null): Date | null {
  if (!day) return null;
  return stored && berlinDay(stored) === day ? stored : berlinTime(day, "23:59");
}

const venueValues = (v: EventData["venue"]) => ({ ...v, stateCode: v.country === "DE" ? v.stateCode || null : null });

async function venueIdFor(db: DbOrTx, v: EventData["venue"], currentVenueId: number | null): Promise<number> {
  const values = venueValues(v);
  if (currentVenueId !== null) {
    const [current] = await db.select().from(venue).where(eq(venue.id, currentVenueId));
    const { id: _id, ...same } = current ?? { id: 0 };
    if (current && JSON.stringify(same) === JSON.stringify({ ...same, ...values })) return currentVenueId;
  }
  const [row] = await db.insert(venue).values(values).returning({ id: venue.id });
  if (!row) throw new Error("venue insert returned no row");
  return row.id;
}

/** Known organisations among co-organiser names, by lower-case name. */
async function coOrganiserLinks(db: DbOrTx, names: string[]): Promise<CoOrganiserLinks> {
  if (names.length === 0) return new Map();
  const lower = [...new Set(names.map((n) => n.toLowerCase()))];
  const known = await db
    .select({ id: organisation.id, name: organisation.name })
    .from(organisation)
    .where(inArray(sql`lower(${organisation.name})`, lower));
  // The first of several organisations with one name, as before.
  const links: CoOrganiserLinks = new Map();
  for (const org of known) if (!links.has(org.name.toLowerCase())) links.set(org.name.toLowerCase(), org);
  return links;
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
