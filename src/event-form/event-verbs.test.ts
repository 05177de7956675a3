import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/database.ts";
import type { Database } from "../db/client.ts";
import { queryRows } from "../db/client.ts";
import { edition, event, eventHistory, eventSession, organisation } from "../db/schema/index.ts";
import { berlinTime } from "../events/event-dates.ts";
import { getPublicEvent } from "../events/get-public-event.ts";
import type { Actor } from "../lib/actor.ts";
import { AppError } from "../lib/errors.ts";
import { cancelEvent } from "./cancel-event.ts";
import { createEventDraft } from "./create-event-draft.ts";
import { duplicateEvent } from "./duplicate-event.ts";
import { makeActor, openEdition, orgIn, sampleEvent } from "./event-form.fixtures.ts";
import { getManagedEvent } from "./get-managed-event.ts";
import { submitEvent } from "./submit-event.ts";
import { updateEvent } from "./update-event.ts";

let database: Database;
let orgA: { id: number; stateCode: string };
let orgB: { id: number; stateCode: string };
let ownerA: Actor;
let ownerB: Actor;
let coordinatorBW: Actor;
let coordinatorBY: Actor;
let editor: Actor;

const ctx = (actor: Actor | null) => ({ db: database.db, actor });
/** The AppError code a promise rejects with. */
const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return "resolved";
};
const draftOfA = async (overrides = {}) =>
  createEventDraft({ ctx: ctx(ownerA), input: { organisationId: orgA.id, event: sampleEvent(overrides) } });
const rowOf = async (id: number) => (await database.db.select().from(event).where(eq(event.id, id)))[0];

beforeAll(async () => {
  database = await openTestDatabase();
  await openEdition(database.db);
  orgA = await orgIn(database.db, "BW");
  orgB = await orgIn(database.db, "BY");
  ownerA = await makeActor(database.db, "organiser", { organisationIds: [orgA.id] });
  ownerB = await makeActor(database.db, "organiser", { organisationIds: [orgB.id] });
  coordinatorBW = await makeActor(database.db, "coordinator", { stateCodes: ["BW"] });
  coordinatorBY = await makeActor(database.db, "coordinator", { stateCodes: ["BY"] });
  editor = await makeActor(database.db, "editor");
});
afterAll(() => database.close());

describe("createEventDraft", () => {
  it("creates a draft with two dates in the open edition, fills derived columns and writes history", async () => {
    const { id } = await draftOfA();
    const row = await rowOf(id);
    expect(row?.status).toBe("draft");
    expect(row?.stateCode).toBe("BW");
    expect(row?.startsAt).toEqual(berlinTime("2027-04-07", "09:00"));
    expect(row?.endsAt).toEqual(berlinTime("2027-04-10"));
    expect(row?.days).toEqual(["2027-04-07", "2027-04-09"]);
    expect(row?.searchExtra).toContain("Stuttgart");
    const [ed] = await database.db
      .select()
      .from(edition)
      .where(eq(edition.id, row?.editionId ?? 0));
    expect(ed?.year).toBe(2027);
    const sessions = await database.db.select().from(eventSession).where(eq(eventSession.eventId, id));
    expect(sessions).toHaveLength(2);
    const history = await database.db.select().from(eventHistory).where(eq(eventHistory.eventId, id));
    expect(history).toHaveLength(1);
    expect(history[0]?.userId).toBe(ownerA.userId);
    expect(history[0]?.action).toBe("create");
    expect(history[0]?.changes.find((c) => c.field === "titleDe")).toEqual({
      field: "titleDe",
      old: null,
      new: "Wasserstoff im Mittelstand",
    });
  });

  it("refuses anonymous actors and other organisations' members (404, not 403)", async () => {
    expect(await codeOf(createEventDraft({ ctx: ctx(null), input: { organisationId: orgA.id, event: sampleEvent() } }))).toBe(
      "unauthenticated",
    );
    expect(await codeOf(createEventDraft({ ctx: ctx(ownerB), input: { organisationId: orgA.id, event: sampleEvent() } }))).toBe(
      "not_found",
    );
    expect(await codeOf(createEventDraft({ ctx: ctx(coordinatorBY), input: { organisationId: orgA.id, event: sampleEvent() } }))).toBe(
      "not_found",
    );
  });

  it("names every invalid field", async () => {
    const error = await createEventDraft({
      ctx: ctx(ownerA),
      input: {
        organisationId: orgA.id,
        event: sampleEvent({
          titleDe: " ",
          onlineUrl: "javascript:alert(1)",
          imageUrl: "/uploads/0123456789abcdef0123456789abcdef.webp",
          sessions: [{ startDate: "2027-02-30", startTime: "09:00", endTime: "10:00" }],
        }),
      },
    }).catch((e: AppError) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fields).toMatchObject({
      titleDe: "required",
      onlineUrl: "url",
      imageAlt: "altRequired",
      imageCredit: "creditRequired",
      "sessions.0.startDate": "date",
    });
  });

  it("rejects an end before the start", async () => {
    const error = await draftOfA({ sessions: [{ startDate: "2027-04-07", startTime: "14:00", endTime: "09:00" }] }).catch(
      (e: AppError) => e,
    );
    expect((error as AppError).fields).toEqual({ "sessions.0.endTime": "endBeforeStart" });
  });

  it("places the event in the venue's state, abroad in 'international', online in the organiser's state", async () => {
    const stateOf = async (overrides: Parameters<typeof sampleEvent>[0]) => (await rowOf((await draftOfA(overrides)).id))?.stateCode;
    const venue = sampleEvent().venue;
    expect(await stateOf({ venue: { ...venue, postalCode: "80331", city: "München", stateCode: "BY" } })).toBe("BY");
    expect(await stateOf({ venue: { ...venue, postalCode: "1010", city: "Wien", stateCode: "", country: "AT" } })).toBe("international");
    expect(await stateOf({ mode: "online", venue: undefined, onlineUrl: "https://meet.example.org/a" })).toBe(orgA.stateCode);
    expect(
      await stateOf({ mode: "online", venue: { ...venue, name: "Studio", stateCode: "" }, onlineUrl: "https://meet.example.org/b" }),
    ).toBe(orgA.stateCode);
  });

  it("rejects unknown taxonomy codes", async () => {
    const error = await draftOfA({ formatCode: "rave", topics: ["nope"] }).catch((e: AppError) => e);
    expect((error as AppError).fields).toMatchObject({ formatCode: "choice", topics: "choice" });
  });
});

describe("reading and changing other organisations' events", () => {
  it("answers 404 to organisers of other organisations and coordinators of other states, for read and update", async () => {
    const { id } = await draftOfA();
    for (const actor of [ownerB, coordinatorBY]) {
      expect(await codeOf(getManagedEvent({ ctx: ctx(actor), input: { id } }))).toBe("not_found");
      expect(await codeOf(updateEvent({ ctx: ctx(actor), input: { id, version: 1, event: sampleEvent({ titleDe: "Übernommen" }) } }))).toBe(
        "not_found",
      );
      expect(await codeOf(submitEvent({ ctx: ctx(actor), input: { id, version: 1 } }))).toBe("not_found");
      expect(await codeOf(duplicateEvent({ ctx: ctx(actor), input: { id } }))).toBe("not_found");
    }
    expect(await codeOf(getManagedEvent({ ctx: ctx(ownerA), input: { id: 99_999_999 } }))).toBe("not_found");
    expect((await rowOf(id))?.titleDe).toBe("Wasserstoff im Mittelstand");
    expect((await getManagedEvent({ ctx: ctx(coordinatorBW), input: { id } })).event.id).toBe(id);
    expect((await getManagedEvent({ ctx: ctx(editor), input: { id } })).event.id).toBe(id);
  });
});

describe("updateEvent", () => {
  it("saves changes, refills derived columns and records old → new", async () => {
    const { id } = await draftOfA();
    const result = await updateEvent({
      ctx: ctx(ownerA),
      input: {
        id,
        version: 1,
        event: sampleEvent({
          titleDe: "Wasserstoff für KMU",
          sessions: [{ startDate: "2027-04-12", startTime: "10:00", endTime: "12:00" }],
        }),
      },
    });
    expect(result.version).toBe(2);
    const row = await rowOf(id);
    expect(row?.titleDe).toBe("Wasserstoff für KMU");
    expect(row?.slug).toBe("wasserstoff-fuer-kmu");
    expect(row?.days).toEqual(["2027-04-12"]);
    expect(row?.version).toBe(2);
    const [update] = await database.db
      .select()
      .from(eventHistory)
      .where(and(eq(eventHistory.eventId, id), eq(eventHistory.action, "update")));
    expect(update?.changes.map((c) => c.field).sort()).toEqual(["sessions", "slug", "titleDe"]);
    expect(update?.changes.find((c) => c.field === "titleDe")).toMatchObject({
      old: "Wasserstoff im Mittelstand",
      new: "Wasserstoff für KMU",
    });
  });

  it("keeps session ids (calendar UIDs) when dates move, adding and removing rows as needed", async () => {
    const { id } = await draftOfA();
    const idsOf = async () =>
      (await database.db.select().from(eventSession).where(eq(eventSession.eventId, id)).orderBy(asc(eventSession.startsAt))).map(
        (s) => s.id,
      );
    const [first, second] = await idsOf();
    const three = [
      { startDate: "2027-04-08", startTime: "09:00", endTime: "10:00" },
      { startDate: "2027-04-10", startTime: "09:00", endTime: "10:00" },
      { startDate: "2027-04-12", startTime: "09:00", endTime: "10:00" },
    ];
    await updateEvent({ ctx: ctx(ownerA), input: { id, version: 1, event: sampleEvent({ sessions: three }) } });
    const after = await idsOf();
    expect(after.slice(0, 2)).toEqual([first, second]);
    expect(after).toHaveLength(3);
    await updateEvent({ ctx: ctx(ownerA), input: { id, version: 2, event: sampleEvent({ sessions: three.slice(0, 1) }) } });
    expect(await idsOf()).toEqual([first]);
    expect((await rowOf(id))?.days).toEqual(["2027-04-08"]);
  });

  it("answers 409 to a stale version and overwrites nothing", async () => {
    const { id } = await draftOfA();
    await updateEvent({ ctx: ctx(ownerA), input: { id, version: 1, event: sampleEvent({ titleDe: "Erste Änderung" }) } });
    const stale = updateEvent({
      ctx: ctx(coordinatorBW),
      input: { id, version: 1, event: sampleEvent({ titleDe: "Veraltete Änderung" }) },
    });
    await expect(stale).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("Nothing was overwritten") });
    expect((await rowOf(id))?.titleDe).toBe("Erste Änderung");
  });

  it("keeps a submitted event submitted; a published one stays public as it was while its changes are under review", async () => {
    const { id } = await draftOfA();
    await submitEvent({ ctx: ctx(ownerA), input: { id, version: 1 } });
    const edited = await updateEvent({ ctx: ctx(ownerA), input: { id, version: 2, event: sampleEvent({ titleDe: "Nachgebessert" }) } });
    expect(edited.status).toBe("submitted");
    await database.db.update(event).set({ status: "published", publishedAt: new Date() }).where(eq(event.id, id));
    const again = await updateEvent({
      ctx: ctx(ownerA),
      input: { id, version: 3, event: sampleEvent({ titleDe: "Nach Veröffentlichung" }) },
    });
    expect(again).toMatchObject({ status: "submitted", underReview: true });
    expect((await rowOf(id))?.status).toBe("published");
    expect((await rowOf(id))?.titleDe).toBe("Nachgebessert");
    const [revision] = await database.db.select().from(event).where(eq(event.revisionOf, id));
    expect(revision).toMatchObject({ status: "submitted", titleDe: "Nach Veröffentlichung" });
  });
});

describe("submitEvent", () => {
  it("submits a draft, storing its plausibility checks", async () => {
    const { id } = await draftOfA({ titleDe: "Brennstoffzellen-Sprechstunde", mode: "hybrid", onlineUrl: "" });
    const result = await submitEvent({ ctx: ctx(ownerA), input: { id, version: 1 } });
    expect(result).toMatchObject({ status: "submitted", blocked: false });
    const row = await rowOf(id);
    expect(row?.status).toBe("submitted");
    expect(row?.checks).toEqual([{ code: "onlineWithoutUrl", severity: "warning" }]);
    const [history] = await database.db
      .select()
      .from(eventHistory)
      .where(and(eq(eventHistory.eventId, id), eq(eventHistory.action, "submit")));
    expect(history?.changes[0]).toEqual({ field: "status", old: "draft", new: "submitted" });
  });

  it("is refused once the edition's submission window has closed", async () => {
    const { id } = await draftOfA();
    const row = await rowOf(id);
    await database.db
      .update(edition)
      .set({ submissionClosesAt: new Date(Date.now() - 1000) })
      .where(eq(edition.id, row?.editionId ?? 0));
    try {
      await expect(submitEvent({ ctx: ctx(ownerA), input: { id, version: 1 } })).rejects.toMatchObject({
        code: "conflict",
        message: expect.stringContaining("closed"),
      });
      expect((await rowOf(id))?.status).toBe("draft");
    } finally {
      await database.db
        .update(edition)
        .set({ submissionClosesAt: new Date(Date.now() + 86_400_000) })
        .where(eq(edition.id, row?.editionId ?? 0));
    }
  });

  it("is refused before the submission window opens, saying so", async () => {
    const { id } = await draftOfA();
    const row = await rowOf(id);
    const where = eq(edition.id, row?.editionId ?? 0);
    const opensAt = (await database.db.select().from(edition).where(where))[0]?.submissionOpensAt ?? null;
    await database.db
      .update(edition)
      .set({ submissionOpensAt: new Date(Date.now() + 86_400_000) })
      .where(where);
    try {
      await expect(submitEvent({ ctx: ctx(ownerA), input: { id, version: 1 } })).rejects.toMatchObject({
        code: "conflict",
        fields: { edition: "windowNotYetOpen" },
      });
      expect((await rowOf(id))?.status).toBe("draft");
    } finally {
      await database.db.update(edition).set({ submissionOpensAt: opensAt }).where(where);
    }
  });

  it("is refused while the organisation waits for confirmation; the draft stays a draft", async () => {
    const { id } = await draftOfA();
    await database.db.update(organisation).set({ status: "pending" }).where(eq(organisation.id, orgA.id));
    try {
      await expect(submitEvent({ ctx: ctx(ownerA), input: { id, version: 1 } })).rejects.toMatchObject({
        code: "conflict",
        fields: { organisation: "pending" },
      });
      expect((await rowOf(id))?.status).toBe("draft");
    } finally {
      await database.db.update(organisation).set({ status: "active" }).where(eq(organisation.id, orgA.id));
    }
    expect((await submitEvent({ ctx: ctx(ownerA), input: { id, version: 1 } })).status).toBe("submitted");
  });
});

describe("cancelEvent", () => {
  const publishedOfA = async () => {
    const { id } = await draftOfA();
    await database.db
      .update(event)
      .set({ status: "published", publishedAt: new Date(), registrationUrl: "https://anmeldung.example/x" })
      .where(eq(event.id, id));
    return id;
  };

  it("marks a published event cancelled with its reason; it stays public without a way to register", async () => {
    const id = await publishedOfA();
    await cancelEvent({ ctx: ctx(ownerA), input: { id, reason: "  Die Referentin ist erkrankt.  " } });
    const row = await rowOf(id);
    expect(row?.status).toBe("cancelled");
    expect(row?.cancelReason).toBe("Die Referentin ist erkrankt.");
    expect(row?.sequence).toBe(1);
    const shown = (await getPublicEvent(database.db, id))?.event;
    expect(shown?.status).toBe("cancelled");
    expect(shown?.cancelReason).toBe("Die Referentin ist erkrankt.");
    expect(shown?.registrationUrl).toBeNull();
    const [history] = await database.db
      .select()
      .from(eventHistory)
      .where(and(eq(eventHistory.eventId, id), eq(eventHistory.action, "cancel")));
    expect(history).toMatchObject({
      userId: ownerA.userId,
      changes: [
        { field: "status", old: "published", new: "cancelled" },
        { field: "cancelledAt" },
        { field: "cancelReason", old: null, new: "Die Referentin ist erkrankt." },
      ],
    });
  });

  it("requires a reason of at most 500 characters and writes nothing without one", async () => {
    const id = await publishedOfA();
    const fieldsOf = async (reason: unknown) =>
      cancelEvent({ ctx: ctx(ownerA), input: { id, reason } }).then(
        () => ({}),
        (error: { code?: string; fields?: Record<string, string> }) => ({ code: error.code, ...error.fields }),
      );
    for (const reason of [undefined, "", "   \n ", ["a", "b"], { text: "x" }, 42]) {
      expect(await fieldsOf(reason), JSON.stringify(reason)).toEqual({ code: "validation", cancelReason: "required" });
    }
    expect(await fieldsOf("x".repeat(501))).toEqual({ code: "validation", cancelReason: "tooLong" });
    const row = await rowOf(id);
    expect(row?.status).toBe("published");
    expect(row?.cancelReason).toBeNull();
    expect(row?.sequence).toBe(0);
    await cancelEvent({ ctx: ctx(ownerA), input: { id, reason: "x".repeat(500) } });
    expect((await rowOf(id))?.cancelReason).toHaveLength(500);
  });

  it("refuses drafts (a cancelled event is public) and foreign events", async () => {
    const { id } = await draftOfA();
    expect(await codeOf(cancelEvent({ ctx: ctx(ownerA), input: { id, reason: "Grund" } }))).toBe("conflict");
    expect(await codeOf(cancelEvent({ ctx: ctx(ownerB), input: { id, reason: "Grund" } }))).toBe("not_found");
    expect(await getPublicEvent(database.db, id)).toBeUndefined();
  });
});

describe("duplicateEvent", () => {
  it("copies an earlier edition's event as a draft, dates shifted by the editions' start difference", async () => {
    const [source] = await queryRows<{ id: number; organisation_id: number }>(
      database.db,
      sql`select e.id, e.organisation_id from event e join edition ed on ed.id = e.edition_id
          where ed.year = 2019 and e.status = 'published' and (select count(*) from event_session s where s.event_id = e.id) > 1 order by e.id limit 1`,
    );
    if (!source) throw new Error("demo data lacks a multi-date event");
    const member = await makeActor(database.db, "organiser", { organisationIds: [source.organisation_id] });
    const { id, shiftDays } = await duplicateEvent({ ctx: ctx(member), input: { id: source.id } });
    // 2019-04-02 (Tue) → 2027-04-06 (Tue)
    expect(shiftDays).toBe(Math.round((Date.parse("2027-04-06") - Date.parse("2019-04-02")) / 86_400_000));
    const copy = await rowOf(id);
    const original = await rowOf(source.id);
    expect(copy).toMatchObject({ status: "draft", titleDe: original?.titleDe, organisationId: source.organisation_id, version: 1 });
    const sessionsOf = (eventId: number) =>
      database.db.select().from(eventSession).where(eq(eventSession.eventId, eventId)).orderBy(asc(eventSession.startsAt));
    const [before, after] = [await sessionsOf(source.id), await sessionsOf(id)];
    expect(after).toHaveLength(before.length);
    const berlin = (d: Date) => d.toLocaleString("sv-SE", { timeZone: "Europe/Berlin" });
    after.forEach((s, i) => {
      const old = before[i];
      if (!old) throw new Error("missing session");
      expect(berlin(s.startsAt).slice(11)).toBe(berlin(old.startsAt).slice(11));
      const days = Math.round((Date.parse(berlin(s.startsAt).slice(0, 10)) - Date.parse(berlin(old.startsAt).slice(0, 10))) / 86_400_000);
      expect(days).toBe(shiftDays);
    });
    const [history] = await database.db.select().from(eventHistory).where(eq(eventHistory.eventId, id));
    expect(history?.action).toBe("duplicate");
  });

  it("refuses to copy an event of the current edition", async () => {
    const { id } = await draftOfA();
    expect(await codeOf(duplicateEvent({ ctx: ctx(ownerA), input: { id } }))).toBe("conflict");
  });
});
