import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/database.ts";
import type { Database } from "../db/client.ts";
import { event } from "../db/schema/index.ts";
import type { Actor } from "../lib/actor.ts";
import { createEventDraft } from "./create-event-draft.ts";
import { makeActor, openEdition, orgIn, sampleEvent } from "./event-form.fixtures.ts";
import type { EventInput } from "./event-form.schemas.ts";
import { runPlausibilityChecks } from "./plausibility-checks.ts";
import { postalCodeFitsState } from "./postal-code-states.ts";
import { submitEvent } from "./submit-event.ts";

let database: Database;
let owner: Actor;
let orgId: number;

beforeAll(async () => {
  database = await openTestDatabase();
  await openEdition(database.db);
  orgId = (await orgIn(database.db, "NW")).id;
  owner = await makeActor(database.db, "organiser", { organisationIds: [orgId] });
});
afterAll(() => database.close());

const checksOf = async (overrides: Partial<EventInput>) => {
  const { id } = await createEventDraft({
    ctx: { db: database.db, actor: owner },
    input: { organisationId: orgId, event: sampleEvent(overrides) },
  });
  return runPlausibilityChecks(database.db, id);
};
const codes = (checks: { code: string }[]) => checks.map((c) => c.code).sort();
const titles = [
  "Quantensensorik",
  "Bienenzucht digital",
  "Holzbau morgen",
  "Lasermesstechnik",
  "Wasserstoffbusse",
  "Pflegeroboter",
  "Biokunststoffe",
  "Kreislaufwirtschaft",
];
/** Titles unlike each other, so the duplicate check stays quiet unless a test wants it. */
const uniqueTitle = () => titles.shift() ?? "Sonderfall";

describe("plausibility checks on submit", () => {
  it("finds nothing wrong with a plausible event", async () => {
    expect(await checksOf({ titleDe: uniqueTitle() })).toEqual([]);
  });

  it("warns about a date outside the edition's week", async () => {
    const checks = await checksOf({
      titleDe: uniqueTitle(),
      sessions: [{ startDate: "2027-05-02", startTime: "10:00", endTime: "11:00" }],
    });
    expect(checks).toEqual([
      { code: "outsideEdition", severity: "warning", params: { day: "2027-05-02", from: "2027-04-06", to: "2027-04-15" } },
    ]);
  });

  it("warns about an online or hybrid event without a URL", async () => {
    expect(codes(await checksOf({ titleDe: uniqueTitle(), mode: "online", venue: undefined, onlineUrl: "" }))).toEqual([
      "onlineWithoutUrl",
    ]);
    expect(await checksOf({ titleDe: uniqueTitle(), mode: "online", venue: undefined, onlineUrl: "https://meet.example.org/x" })).toEqual(
      [],
    );
  });

  it("warns about a postal code of another state, and one that does not exist", async () => {
    const venue = sampleEvent().venue;
    const munich = await checksOf({ titleDe: uniqueTitle(), venue: { ...venue, postalCode: "80331", city: "München", stateCode: "BW" } });
    expect(munich).toEqual([{ code: "postalCodeState", severity: "warning", params: { postalCode: "80331", state: "BW" } }]);
    expect(codes(await checksOf({ titleDe: uniqueTitle(), venue: { ...venue, postalCode: "7017" } }))).toEqual(["postalCodeInvalid"]);
    expect(
      await checksOf({ titleDe: uniqueTitle(), venue: { ...venue, postalCode: "6020", city: "Innsbruck", stateCode: "", country: "AT" } }),
    ).toEqual([]);
  });

  it("warns about a likely duplicate: same organisation, similar title, same day", async () => {
    await checksOf({
      titleDe: "Kunststoffrecycling in der Praxis",
      sessions: [{ startDate: "2027-04-13", startTime: "09:00", endTime: "12:00" }],
    });
    const twin = await checksOf({
      titleDe: "Kunststoff-Recycling in der Praxis 2027",
      sessions: [{ startDate: "2027-04-13", startTime: "14:00", endTime: "16:00" }],
    });
    expect(twin).toEqual([
      { code: "likelyDuplicate", severity: "warning", params: { id: expect.any(String), title: "Kunststoffrecycling in der Praxis" } },
    ]);
    const otherDay = await checksOf({
      titleDe: "Kunststoff-Recycling in der Praxis II",
      sessions: [{ startDate: "2027-04-14", startTime: "14:00", endTime: "16:00" }],
    });
    expect(otherDay).toEqual([]);
    const otherTitle = await checksOf({
      titleDe: "Batteriespeicher für Quartiere",
      sessions: [{ startDate: "2027-04-13", startTime: "14:00", endTime: "16:00" }],
    });
    expect(otherTitle).toEqual([]);
  });

  it("stores warnings on submit without blocking it", async () => {
    const { id } = await createEventDraft({
      ctx: { db: database.db, actor: owner },
      input: {
        organisationId: orgId,
        event: sampleEvent({
          titleDe: uniqueTitle(),
          mode: "hybrid",
          sessions: [{ startDate: "2027-06-01", startTime: "10:00", endTime: "11:00" }],
        }),
      },
    });
    const result = await submitEvent({ ctx: { db: database.db, actor: owner }, input: { id, version: 1 } });
    expect(result.blocked).toBe(false);
    const [row] = await database.db.select().from(event).where(eq(event.id, id));
    expect(row?.status).toBe("submitted");
    expect(codes(row?.checks ?? [])).toEqual(["onlineWithoutUrl", "outsideEdition"]);
  });
});

describe("postalCodeFitsState", () => {
  it("knows the leading digits of each state, with border regions allowing both sides", () => {
    expect(postalCodeFitsState("10115", "BE")).toBe("ok");
    expect(postalCodeFitsState("80331", "BY")).toBe("ok");
    expect(postalCodeFitsState("70173", "BW")).toBe("ok");
    expect(postalCodeFitsState("89231", "BY")).toBe("ok"); // Neu-Ulm
    expect(postalCodeFitsState("89073", "BW")).toBe("ok"); // Ulm
    expect(postalCodeFitsState("20095", "BY")).toBe("mismatch");
    expect(postalCodeFitsState("00000", "BE")).toBe("invalid");
    expect(postalCodeFitsState("1011", "BE")).toBe("invalid");
  });
});
