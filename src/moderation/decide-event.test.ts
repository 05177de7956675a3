import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/database.ts";
import type { Database } from "../db/client.ts";
import { auditLog, edition, event, eventHistory, mailJob, membership, reviewDecision } from "../db/schema/index.ts";
import { createEventDraft } from "../event-form/create-event-draft.ts";
import { makeActor, openEdition, orgIn, sampleEvent } from "../event-form/event-form.fixtures.ts";
import { submitEvent } from "../event-form/submit-event.ts";
import { updateEvent } from "../event-form/update-event.ts";
import { getPublicEvent } from "../events/get-public-event.ts";
import type { Actor } from "../lib/actor.ts";
import { AppError } from "../lib/errors.ts";
import { decideEvent } from "./decide-event.ts";
import { publishEvents } from "./publish-events.ts";

let database: Database;
let orgA: { id: number };
let orgBY: { id: number };
let ownerA: Actor;
let ownerBY: Actor;
let coordinatorBW: Actor;
let coordinatorBY: Actor;
let editor: Actor;
let editionId: number;

const ctx = (actor: Actor | null) => ({ db: database.db, actor, baseUrl: "https://cw.example" });
const rowOf = async (id: number) => (await database.db.select().from(event).where(eq(event.id, id)))[0];
const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (error) => {
      if (error instanceof AppError) return error.code;
      throw error;
    },
  );

/** A submitted event of an organisation; returns its id and the version a reviewer sees. */
async function submitted(owner: Actor, organisationId: number, overrides = {}) {
  const { id } = await createEventDraft({ ctx: ctx(owner), input: { organisationId, event: sampleEvent(overrides) } });
  const { version } = await submitEvent({ ctx: ctx(owner), input: { id, version: 1 } });
  return { id, version };
}

beforeAll(async () => {
  database = await openTestDatabase();
  editionId = (await openEdition(database.db)).id;
  orgA = await orgIn(database.db, "BW");
  orgBY = await orgIn(database.db, "BY");
  ownerA = await makeActor(database.db, "organiser", { organisationIds: [orgA.id] });
  ownerBY = await makeActor(database.db, "organiser", { organisationIds: [orgBY.id] });
  await database.db.insert(membership).values({ userId: ownerA.userId, organisationId: orgA.id }).onConflictDoNothing();
  coordinatorBW = await makeActor(database.db, "coordinator", { stateCodes: ["BW"] });
  coordinatorBY = await makeActor(database.db, "coordinator", { stateCodes: ["BY"] });
  editor = await makeActor(database.db, "editor");
});
afterAll(() => database.close());

describe("decideEvent", () => {
  it("publishes a submitted event in one transaction: status, history, decision, audit row and mails", async () => {
    const { id, version } = await submitted(ownerA, orgA.id, { titleDe: "Wasserstoff-Frühstück" });
    const mailsBefore = (await database.db.select().from(mailJob)).length;
    const result = await decideEvent({ ctx: ctx(coordinatorBW), input: { id, version, action: "publish" } });
    expect(result).toMatchObject({ status: "published" });
    const row = await rowOf(id);
    expect(row?.status).toBe("published");
    expect(row?.publishedAt).toBeInstanceOf(Date);
    expect(await getPublicEvent(database.db, id)).toBeDefined();
    const history = await database.db
      .select()
      .from(eventHistory)
      .where(and(eq(eventHistory.eventId, id), eq(eventHistory.action, "review.publish")));
    expect(history[0]?.changes[0]).toEqual({ field: "status", old: "submitted", new: "published" });
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.objectId, String(id)));
    expect(audit).toMatchObject({ action: "event.publish", stateCode: "BW", actorId: coordinatorBW.userId });
    const mails = await database.db.select().from(mailJob);
    expect(mails.length).toBeGreaterThan(mailsBefore);
    const mine = mails.filter((m) => m.recipient === ownerA.email);
    expect(mine.at(-1)?.subject).toBe("Veröffentlicht: Wasserstoff-Frühstück");
    expect(mine.at(-1)?.html).toContain("Wasserstoff-Frühstück");
  });

  it("answers 404 to a coordinator of another state and to organisers, and changes nothing", async () => {
    const { id, version } = await submitted(ownerA, orgA.id);
    expect(await codeOf(decideEvent({ ctx: ctx(coordinatorBY), input: { id, version, action: "publish" } }))).toBe("not_found");
    expect(await codeOf(decideEvent({ ctx: ctx(ownerA), input: { id, version, action: "publish" } }))).toBe("not_found");
    expect(await codeOf(decideEvent({ ctx: ctx(null), input: { id, version, action: "publish" } }))).toBe("unauthenticated");
    expect((await rowOf(id))?.status).toBe("submitted");
  });

  it("requires a message to request changes and a reason to reject", async () => {
    const { id, version } = await submitted(ownerA, orgA.id);
    expect(await codeOf(decideEvent({ ctx: ctx(coordinatorBW), input: { id, version, action: "request_changes" } }))).toBe("validation");
    expect(await codeOf(decideEvent({ ctx: ctx(coordinatorBW), input: { id, version, action: "reject", message: "  " } }))).toBe(
      "validation",
    );
    expect((await rowOf(id))?.status).toBe("submitted");
  });

  it("gives the second of two decisions on the same version 409, and the first stands", async () => {
    const { id, version } = await submitted(ownerA, orgA.id);
    await decideEvent({ ctx: ctx(coordinatorBW), input: { id, version, action: "request_changes", message: "Bitte Ort ergänzen" } });
    const second = decideEvent({ ctx: ctx(editor), input: { id, version, action: "publish" } });
    expect(await codeOf(second)).toBe("conflict");
    expect((await rowOf(id))?.status).toBe("changes_requested");
    const decisions = await database.db.select().from(reviewDecision).where(eq(reviewDecision.eventId, id));
    expect(decisions.map((d) => [d.action, d.message])).toEqual([["request_changes", "Bitte Ort ergänzen"]]);
  });

  it("keeps the published version public while a change is reviewed; rejecting the change leaves it as it was", async () => {
    const { id, version } = await submitted(ownerA, orgA.id, { titleDe: "Alter Titel" });
    await decideEvent({ ctx: ctx(coordinatorBW), input: { id, version, action: "publish" } });
    const live = await rowOf(id);
    const edit = await updateEvent({
      ctx: ctx(ownerA),
      input: { id, version: live?.version ?? 0, event: sampleEvent({ titleDe: "Neuer Titel" }) },
    });
    expect(edit.underReview).toBe(true);
    expect((await getPublicEvent(database.db, id))?.event.titleDe).toBe("Alter Titel");
    const [revision] = await database.db.select().from(event).where(eq(event.revisionOf, id));
    await decideEvent({ ctx: ctx(coordinatorBW), input: { id, version: revision?.version ?? 0, action: "reject", message: "Nein" } });
    expect((await getPublicEvent(database.db, id))?.event.titleDe).toBe("Alter Titel");
    expect(await database.db.select().from(event).where(eq(event.revisionOf, id))).toEqual([]);
    expect((await rowOf(id))?.status).toBe("published");
  });

  it("publishes a change into the event: new content, SEQUENCE raised, revision gone", async () => {
    const { id, version } = await submitted(ownerA, orgA.id, { titleDe: "Vorher" });
    await decideEvent({ ctx: ctx(editor), input: { id, version, action: "publish" } });
    const before = await rowOf(id);
    await updateEvent({ ctx: ctx(ownerA), input: { id, version: before?.version ?? 0, event: sampleEvent({ titleDe: "Nachher" }) } });
    const [revision] = await database.db.select().from(event).where(eq(event.revisionOf, id));
    await decideEvent({ ctx: ctx(coordinatorBW), input: { id, version: revision?.version ?? 0, action: "publish" } });
    const after = await rowOf(id);
    expect(after?.titleDe).toBe("Nachher");
    expect(after?.status).toBe("published");
    expect(after?.sequence).toBeGreaterThan(before?.sequence ?? 0);
    expect((await getPublicEvent(database.db, id))?.event.titleDe).toBe("Nachher");
    expect(await database.db.select().from(event).where(eq(event.revisionOf, id))).toEqual([]);
  });

  it("unpublishes with a reason: gone from the public, back with the organiser", async () => {
    const { id, version } = await submitted(ownerA, orgA.id);
    await decideEvent({ ctx: ctx(coordinatorBW), input: { id, version, action: "publish" } });
    const live = await rowOf(id);
    expect(await codeOf(decideEvent({ ctx: ctx(coordinatorBW), input: { id, version: live?.version ?? 0, action: "unpublish" } }))).toBe(
      "validation",
    );
    await decideEvent({
      ctx: ctx(coordinatorBW),
      input: { id, version: live?.version ?? 0, action: "unpublish", message: "Falsches Datum" },
    });
    expect((await rowOf(id))?.status).toBe("changes_requested");
    expect(await getPublicEvent(database.db, id)).toBeUndefined();
  });

  it("in a two-tier edition lets the coordinator approve and only the national office publish", async () => {
    await database.db.update(edition).set({ moderation: "two_tier" }).where(eq(edition.id, editionId));
    try {
      const { id, version } = await submitted(ownerA, orgA.id);
      expect(await codeOf(decideEvent({ ctx: ctx(coordinatorBW), input: { id, version, action: "publish" } }))).toBe("conflict");
      await decideEvent({ ctx: ctx(coordinatorBW), input: { id, version, action: "approve" } });
      expect((await rowOf(id))?.status).toBe("approved");
      await decideEvent({ ctx: ctx(editor), input: { id, version: (await rowOf(id))?.version ?? 0, action: "publish" } });
      expect((await rowOf(id))?.status).toBe("published");
    } finally {
      await database.db.update(edition).set({ moderation: "one_tier" }).where(eq(edition.id, editionId));
    }
  });
});

describe("publishEvents", () => {
  it("publishes all of a batch, or — with a foreign event mixed in — none of it", async () => {
    const a = await submitted(ownerA, orgA.id);
    const b = await submitted(ownerA, orgA.id);
    const munich = {
      name: "Haus der Bayerischen Wirtschaft",
      street: "Max-Joseph-Str. 5",
      postalCode: "80333",
      city: "München",
      stateCode: "BY",
      country: "DE",
      latitude: null,
      longitude: null,
    };
    const foreign = await submitted(ownerBY, orgBY.id, { venue: munich });
    expect(await codeOf(publishEvents({ ctx: ctx(coordinatorBW), input: { items: [a, foreign, b] } }))).toBe("not_found");
    expect((await rowOf(a.id))?.status).toBe("submitted");
    expect((await rowOf(b.id))?.status).toBe("submitted");
    const done = await publishEvents({ ctx: ctx(coordinatorBW), input: { items: [a, b] } });
    expect(done).toHaveLength(2);
    expect((await rowOf(a.id))?.status).toBe("published");
    expect((await rowOf(b.id))?.status).toBe("published");
  });
});
