// Test factories for the event-form tests (imported only by *.test.ts files).
import { randomBytes } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { edition, organisation, user } from "../db/schema/index.ts";
import type { Actor, Role } from "../lib/actor.ts";
import type { EventInput } from "./event-form.schemas.ts";

/**
 * An edition open for submissions now (by the real clock, as the submit verb checks), in April 2027
 * (6.–15.). The test template's demo already has that edition (its upcoming one, with its programme):
 * then it is set to these values — the window around today — rather than inserted.
 */
export async function openEdition(db: Db, overrides: Partial<typeof edition.$inferInsert> = {}) {
  const day = 86_400_000;
  const values = {
    year: 2027,
    titleDe: "Clusterwoche 2027",
    titleEn: "Cluster Week 2027",
    startsOn: "2027-04-06",
    endsOn: "2027-04-15",
    status: "open" as const,
    submissionOpensAt: new Date(Date.now() - 10 * day),
    submissionClosesAt: new Date(Date.now() + 60 * day),
    ...overrides,
  };
  const [row] = await db.insert(edition).values(values).onConflictDoUpdate({ target: edition.year, set: values }).returning();
  if (!row) throw new Error("no edition");
  return row;
}

/** The first demo organisation of a state. */
export async function orgIn(db: Db, stateCode: string) {
  const [row] = await db.select().from(organisation).where(eq(organisation.stateCode, stateCode)).orderBy(asc(organisation.id)).limit(1);
  if (!row) throw new Error(`no organisation in ${stateCode}`);
  return row;
}

/** A real user row and the Actor a session would give them. */
export async function makeActor(db: Db, role: Role, scope: { organisationIds?: number[]; stateCodes?: string[] } = {}): Promise<Actor> {
  const email = `${role}-${randomBytes(4).toString("hex")}@example.org`;
  const [row] = await db
    .insert(user)
    .values({ email, name: `Test ${role}`, role })
    .returning({ id: user.id });
  if (!row) throw new Error("no user");
  return {
    userId: row.id,
    name: `Test ${role}`,
    email,
    role,
    language: "de",
    organisationIds: scope.organisationIds ?? [],
    stateCodes: scope.stateCodes ?? [],
  };
}

/** A complete, valid event in the 2027 week: two dates, a venue in Stuttgart (BW). */
export function sampleEvent(overrides: Partial<EventInput> = {}): EventInput {
  return {
    titleDe: "Wasserstoff im Mittelstand",
    summaryDe: "Praxisberichte und Austausch zur Wasserstoffwirtschaft.",
    descriptionDe: "## Programm\n\n- Begrüßung\n- Vorträge",
    formatCode: "workshop",
    mode: "onsite",
    sessions: [
      { startDate: "2027-04-07", startTime: "09:00", endDate: "", endTime: "13:00", allDay: false },
      { startDate: "2027-04-09", startTime: "", endDate: "", endTime: "", allDay: true },
    ],
    venue: {
      name: "Haus der Wirtschaft",
      street: "Willi-Bleicher-Straße 19",
      postalCode: "70174",
      city: "Stuttgart",
      stateCode: "BW",
      country: "DE",
      latitude: null,
      longitude: null,
    },
    isFree: true,
    ...overrides,
  };
}
