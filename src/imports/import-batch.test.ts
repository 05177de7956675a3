import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/database.ts";
import type { Database } from "../db/client.ts";
import { event, eventHistory, eventSession, venue } from "../db/schema/index.ts";
import { createEventDraft } from "../event-form/create-event-draft.ts";
import { makeActor, openEdition, orgIn } from "../event-form/event-form.fixtures.ts";
import { submitEvent } from "../event-form/submit-event.ts";
import type { Actor } from "../lib/actor.ts";
import { confirmImport } from "./confirm-import.ts";
import { basicKeys, type Row, validRow, xlsxOf } from "./import.fixtures.ts";
import { planImport } from "./plan-import.ts";

// The confirm step writes new events in multi-row statements; this holds it to what the form's verbs
// (createEventDraft, then submitEvent) write for the same input, column by column.
let database: Database;
let owner: Actor;
let orgId: number;
const YEAR = 2032;
const DAY = "2032-04-13";

beforeAll(async () => {
  database = await openTestDatabase();
  await openEdition(database.db, {
    year: YEAR,
    startsOn: "2032-04-12",
    endsOn: "2032-04-21",
    submissionOpensAt: new Date(Date.now() - 86_400_000),
    submissionClosesAt: new Date(Date.now() + 60 * 86_400_000),
  });
  orgId = (await orgIn(database.db, "BW")).id;
  owner = await makeActor(database.db, "organiser", { organisationIds: [orgId] });
});
afterAll(() => database.close());

const comparable = async (id: number) => {
  const [row] = await database.db.select().from(event).where(eq(event.id, id));
  if (!row) throw new Error(`no event ${id}`);
  const { id: _i, venueId, externalRef: _r, createdAt: _c, updatedAt: _u, submittedAt, searchVector: _v, ...rest } = row;
  const [place] = venueId ? await database.db.select().from(venue).where(eq(venue.id, venueId)) : [];
  const { id: _vi, ...placeRest } = place ?? { id: 0 };
  const sessions = await database.db
    .select({ startsAt: eventSession.startsAt, endsAt: eventSession.endsAt, allDay: eventSession.allDay })
    .from(eventSession)
    .where(eq(eventSession.eventId, id))
    .orderBy(asc(eventSession.startsAt));
  const history = await database.db
    .select({ action: eventHistory.action, userId: eventHistory.userId, changes: eventHistory.changes })
    .from(eventHistory)
    .where(eq(eventHistory.eventId, id))
    .orderBy(asc(eventHistory.id));
  // Likely duplicates differ by design between the two copies (each is the other's twin, found by whichever came later).
  const codes = (checks: unknown) => (Array.isArray(checks) ? checks.map((c) => c.code).filter((c) => c !== "likelyDuplicate") : checks);
  const changesOf = (changes: { field: string; old: unknown; new: unknown }[]) =>
    changes
      .filter((c) => !["externalRef", "submittedAt"].includes(c.field))
      .map((c) => (c.field === "checks" ? { ...c, old: codes(c.old), new: codes(c.new) } : c));
  return {
    ...rest,
    checks: codes(rest.checks),
    submitted: submittedAt !== null,
    venue: placeRest,
    sessions,
    history: history.map((h) => ({ ...h, changes: changesOf(h.changes) })),
  };
};

describe("confirmImport's batched new events", () => {
  it("equal, column by column, the events the form's verbs create and submit from the same input", async () => {
    const rows: Row[] = [
      validRow("E-1", DAY),
      // A postal code of another Land (a warning check), a second date, an online event without a venue.
      validRow("E-2", DAY, { titleDe: "Netzwerktreffen Robotik", "venue.postalCode": "80331" }),
      validRow("E-3", DAY, {
        titleDe: "Online-Sprechstunde",
        mode: "Online",
        "venue.name": null,
        "venue.street": null,
        "venue.postalCode": null,
        "venue.city": null,
        "venue.stateCode": null,
      }),
    ];
    const preview = await planImport({
      ctx: { db: database.db, actor: owner },
      input: { organisationId: orgId, year: YEAR, file: await xlsxOf(basicKeys, rows), fileName: "b.xlsx", importAs: "submitted" },
    });
    expect(preview.body.counts).toMatchObject({ new: 3, faulty: 0 });
    // The form's way first: each imported event then has its form copy as a likely duplicate.
    const viaForm: number[] = [];
    for (const entry of preview.body.entries) {
      const created = await createEventDraft({
        ctx: { db: database.db, actor: owner },
        input: { organisationId: orgId, editionId: preview.editionId, event: entry.input },
      });
      await submitEvent({ ctx: { db: database.db, actor: owner }, input: { id: created.id, version: created.version } });
      viaForm.push(created.id);
    }
    await confirmImport({ ctx: { db: database.db, actor: owner }, input: { planId: preview.id } });
    const imported = await database.db
      .select({ id: event.id, ref: event.externalRef })
      .from(event)
      .where(and(eq(event.organisationId, orgId), inArray(event.externalRef, ["E-1", "E-2", "E-3"])))
      .orderBy(asc(event.externalRef));
    expect(imported.map((e) => e.ref)).toEqual(["E-1", "E-2", "E-3"]);
    for (const [i, formId] of viaForm.entries()) {
      const [stored] = await database.db
        .select({ checks: event.checks })
        .from(event)
        .where(eq(event.id, imported[i]?.id ?? 0));
      expect(stored?.checks).toContainEqual(
        expect.objectContaining({ code: "likelyDuplicate", params: expect.objectContaining({ id: String(formId) }) }),
      );
      expect(await comparable(imported[i]?.id ?? 0)).toEqual(await comparable(formId));
    }
    const e2 = await comparable(imported[1]?.id ?? 0);
    expect(e2).toMatchObject({ status: "submitted", version: 2, submitted: true });
    expect(e2.checks).toContain("postalCodeState");
    expect(e2.history.map((h) => h.action)).toEqual(["create", "submit"]);
    expect((await comparable(imported[2]?.id ?? 0)).venue).toEqual({});
  });
});
