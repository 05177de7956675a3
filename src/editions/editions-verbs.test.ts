import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/database.ts";
import type { Database } from "../db/client.ts";
import { auditLog, edition, event, eventSession, mailJob, membership, user } from "../db/schema/index.ts";
import { cancelEvent } from "../event-form/cancel-event.ts";
import { createEventDraft } from "../event-form/create-event-draft.ts";
import { makeActor, openEdition, orgIn, sampleEvent } from "../event-form/event-form.fixtures.ts";
import { submitEvent } from "../event-form/submit-event.ts";
import { updateEvent } from "../event-form/update-event.ts";
import { berlinDay } from "../events/event-dates.ts";
import type { Actor } from "../lib/actor.ts";
import { AppError } from "../lib/errors.ts";
import { decideEvent } from "../moderation/decide-event.ts";
import { LocalFileStore } from "../storage/local-file-store.ts";
import { createEdition } from "./create-edition.ts";
import { submissionWindowState } from "./edition-rules.ts";
import { planRollover } from "./rollover/plan-rollover.ts";
import { rollOverEdition } from "./rollover/roll-over-edition.ts";
import { setEditionStatus } from "./set-edition-status.ts";
import { updateEdition } from "./update-edition.ts";

let database: Database;
let editor: Actor;
let coordinator: Actor;
let owner: Actor;
let org: { id: number };
// A folder of this run's own: the PGlite and PostgreSQL runs of this file may be at work at once.
const store = new LocalFileStore(fs.mkdtempSync(path.join(os.tmpdir(), "cw-editions-verbs-")));
const ctx = (actor: Actor | null) => ({ db: database.db, actor, baseUrl: "https://cw.example" });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (error) => {
      if (error instanceof AppError) return `${error.code}:${Object.values(error.fields).join(",")}`;
      throw error;
    },
  );

/** A complete edition form as the page posts it. */
const form = (overrides: Record<string, unknown> = {}) => ({
  titleDe: "Clusterwoche 2040",
  titleEn: "Cluster Week 2040",
  mottoDe: "Zukunft",
  mottoEn: "Future",
  hashtag: "#CW2040",
  startsOn: "2040-04-03",
  endsOn: "2040-04-12",
  submissionOpensOn: "2039-12-01",
  submissionClosesOn: "2040-03-15",
  moderation: "one_tier",
  reviewTargetDays: "5",
  greetingDe: "Willkommen",
  greetingEn: "Welcome",
  "contacts.0.name": "Erika Beispiel",
  "contacts.0.organisation": "Geschäftsstelle",
  "contacts.0.email": "erika@example.org",
  "contacts.1.name": "",
  "contacts.1.email": "",
  "patrons.0.name": "Dr. Maria Muster",
  "patrons.0.roleDe": "Bundesministerin",
  "patrons.0.roleEn": "Federal Minister",
  ...overrides,
});

beforeAll(async () => {
  database = await openTestDatabase();
  editor = await makeActor(database.db, "editor");
  coordinator = await makeActor(database.db, "coordinator", { stateCodes: ["BW"] });
  org = await orgIn(database.db, "BW");
  owner = await makeActor(database.db, "organiser", { organisationIds: [org.id] });
  await database.db.insert(membership).values({ userId: owner.userId, organisationId: org.id }).onConflictDoNothing();
});
afterAll(async () => {
  await database.close();
  fs.rmSync(store.root, { recursive: true, force: true });
});

describe("createEdition / updateEdition / setEditionStatus", () => {
  it("creates an edition in planning with rows and audit; coordinators and organisers find nothing", async () => {
    expect(await failure(createEdition({ ctx: ctx(coordinator), input: { form: { ...form(), year: "2040" }, store } }))).toBe("not_found:");
    expect(await failure(createEdition({ ctx: ctx(owner), input: { form: { ...form(), year: "2040" }, store } }))).toBe("not_found:");
    expect(await failure(createEdition({ ctx: ctx(null), input: { form: { ...form(), year: "2040" }, store } }))).toBe("unauthenticated:");
    const row = await createEdition({ ctx: ctx(editor), input: { form: { ...form(), year: "2040" }, store } });
    expect(row).toMatchObject({ year: 2040, status: "planning", hashtag: "CW2040", version: 1 });
    expect(row.contacts).toEqual([{ name: "Erika Beispiel", organisation: "Geschäftsstelle", email: "erika@example.org" }]);
    expect(row.patrons).toEqual([{ name: "Dr. Maria Muster", roleDe: "Bundesministerin", roleEn: "Federal Minister" }]);
    expect(berlinDay(row.submissionOpensAt ?? new Date(0))).toBe("2039-12-01");
    expect(await failure(createEdition({ ctx: ctx(editor), input: { form: { ...form(), year: "2040" }, store } }))).toBe(
      "validation:yearTaken",
    );
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "edition.create"), eq(auditLog.objectId, "2040")));
    expect(audit).toHaveLength(1);
  });

  it("refuses bad input naming each field, and writes nothing", async () => {
    const bad = form({
      titleDe: "",
      endsOn: "2040-04-01",
      hashtag: "#a b<script>",
      reviewTargetDays: "x",
      "contacts.0.email": "nope",
      "patrons.1.roleDe": "only a role",
    });
    const error = await updateEdition({ ctx: ctx(editor), input: { year: 2040, version: 1, form: bad, store } }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.fields).toMatchObject({
      titleDe: "required",
      hashtag: "hashtag",
      reviewTargetDays: "number",
      "contacts.0.email": "email",
      "patrons.1.name": "required",
    });
    const dates = await updateEdition({
      ctx: ctx(editor),
      input: { year: 2040, version: 1, form: form({ endsOn: "2040-04-01" }), store },
    }).catch((e) => e);
    expect(dates.fields).toEqual({ endsOn: "dateOrder" });
    const [row] = await database.db.select().from(edition).where(eq(edition.year, 2040));
    expect(row?.version).toBe(1);
  });

  it("updates every field with an audit row; a stale version is 409", async () => {
    const row = await updateEdition({
      ctx: ctx(editor),
      input: { year: 2040, version: 1, form: form({ mottoDe: "Neu", greetingDe: "<script>alert(1)</script> **Hallo**" }), store },
    });
    expect(row).toMatchObject({ version: 2, mottoDe: "Neu" });
    expect(await failure(updateEdition({ ctx: ctx(editor), input: { year: 2040, version: 1, form: form(), store } }))).toBe(
      "conflict:stale",
    );
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, "edition.update"));
    expect(audit?.summary).toContain("mottoDe");
    expect(audit?.after).toMatchObject({ mottoDe: "Neu" });
    expect(await failure(updateEdition({ ctx: ctx(coordinator), input: { year: 2040, version: 2, form: form(), store } }))).toBe(
      "not_found:",
    );
    expect(await failure(updateEdition({ ctx: ctx(editor), input: { year: 1999, version: 1, form: form(), store } }))).toBe("not_found:");
  });

  it("moves the status only along the allowed transitions", async () => {
    expect(await failure(setEditionStatus({ ctx: ctx(editor), input: { year: 2040, status: "archived", version: 2 } }))).toBe(
      "conflict:transition",
    );
    expect(await failure(setEditionStatus({ ctx: ctx(editor), input: { year: 2040, status: "bogus", version: 2 } }))).toBe(
      "validation:choose",
    );
    expect(await failure(setEditionStatus({ ctx: ctx(coordinator), input: { year: 2040, status: "open", version: 2 } }))).toBe(
      "not_found:",
    );
    const open = await setEditionStatus({ ctx: ctx(editor), input: { year: 2040, status: "open", version: 2 } });
    expect(open).toMatchObject({ status: "open", version: 3 });
    expect(await failure(setEditionStatus({ ctx: ctx(editor), input: { year: 2040, status: "running", version: 2 } }))).toBe(
      "conflict:stale",
    );
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, "edition.status"));
    expect(audit.map((a) => a.summary)).toEqual(["Ausgabe 2040: Status planning → open"]);
  });
});

describe("submissionWindowState", () => {
  const at = (day: string) => new Date(`${day}T12:00:00Z`);
  const e = { submissionOpensAt: at("2040-01-01"), submissionClosesAt: at("2040-03-01") };
  it("only accepts submissions for an open edition inside its window", () => {
    expect(submissionWindowState({ ...e, status: "open" }, at("2040-02-01"))).toBe("open");
    expect(submissionWindowState({ ...e, status: "open" }, at("2039-12-01"))).toBe("notYetOpen");
    expect(submissionWindowState({ ...e, status: "open" }, at("2040-03-02"))).toBe("closed");
    expect(submissionWindowState({ ...e, status: "planning" }, at("2040-02-01"))).toBe("notYetOpen");
    expect(submissionWindowState({ ...e, status: "running" }, at("2040-02-01"))).toBe("closed");
    expect(submissionWindowState({ ...e, status: "archived" }, at("2040-02-01"))).toBe("closed");
    expect(submissionWindowState({ status: "open", submissionOpensAt: null, submissionClosesAt: null })).toBe("open");
  });
});

describe("archived editions and the window in the verbs", () => {
  it("refuses submissions when the edition is not open, and every change once archived", async () => {
    const ed = await openEdition(database.db, { year: 2050, startsOn: "2050-04-05", endsOn: "2050-04-14" });
    const { id } = await createEventDraft({ ctx: ctx(owner), input: { organisationId: org.id, event: sampleEvent() } });
    const [row] = await database.db.select().from(event).where(eq(event.id, id));
    expect(row?.editionId).toBe(ed.id);
    await database.db.update(edition).set({ status: "planning" }).where(eq(edition.id, ed.id));
    expect(await failure(submitEvent({ ctx: ctx(owner), input: { id, version: 1 } }))).toBe("conflict:windowNotYetOpen");
    await database.db.update(edition).set({ status: "running" }).where(eq(edition.id, ed.id));
    expect(await failure(submitEvent({ ctx: ctx(owner), input: { id, version: 1 } }))).toBe("conflict:windowClosed");
    await database.db.update(edition).set({ status: "open" }).where(eq(edition.id, ed.id));
    const { version } = await submitEvent({ ctx: ctx(owner), input: { id, version: 1 } });
    await database.db.update(edition).set({ status: "archived" }).where(eq(edition.id, ed.id));
    const decision = { id, version, action: "publish", message: "" };
    expect(await failure(decideEvent({ ctx: ctx(editor), input: decision }))).toBe("conflict:archived");
    expect(await failure(updateEvent({ ctx: ctx(owner), input: { id, version, event: sampleEvent() } }))).toBe("conflict:archived");
    expect(await failure(submitEvent({ ctx: ctx(owner), input: { id, version } }))).toBe("conflict:archived");
    await database.db.update(event).set({ status: "published" }).where(eq(event.id, id));
    expect(await failure(cancelEvent({ ctx: ctx(owner), input: { id, reason: "Krank" } }))).toBe("conflict:archived");
    await database.db.update(edition).set({ status: "open" }).where(eq(edition.id, ed.id));
    const published = await decideEvent({ ctx: ctx(editor), input: { ...decision } }).catch((e) => e);
    expect(published).toBeInstanceOf(AppError); // published already: not a decision any more, but no longer "archived"
    expect(published.fields.edition).toBeUndefined();
    await database.db.delete(event).where(eq(event.editionId, ed.id));
    await database.db.delete(edition).where(eq(edition.id, ed.id));
  });
});

describe("rollover", () => {
  it("previews and then creates next year's edition with drafts and invitations, once", async () => {
    // The newest edition here: 2040 (created above), with two published events of the organisation and one draft.
    const [ed2040] = await database.db.select().from(edition).where(eq(edition.year, 2040));
    if (!ed2040) throw new Error("no 2040");
    const ids: number[] = [];
    for (const titleDe of ["Wasserstoff-Tag", "Robotik-Forum", "Nur ein Entwurf"]) {
      const { id } = await createEventDraft({ ctx: ctx(owner), input: { organisationId: org.id, event: sampleEvent({ titleDe }) } });
      ids.push(id);
    }
    await database.db
      .update(event)
      .set({ editionId: ed2040.id })
      .where(sql`${event.id} in (${sql.join(ids, sql`, `)})`);
    await database.db.update(event).set({ status: "published", publishedAt: new Date() }).where(sql`${event.id} in (${ids[0]}, ${ids[1]})`);
    // A deactivated member of the organisation is neither counted nor invited (#10 tests, point 5).
    const gone = await makeActor(database.db, "organiser", { organisationIds: [org.id] });
    await database.db.insert(membership).values({ userId: gone.userId, organisationId: org.id });
    await database.db.update(user).set({ deactivatedAt: new Date() }).where(eq(user.id, gone.userId));
    const plan = await planRollover({ ctx: ctx(editor) });
    expect(plan.organisations.find((o) => o.id === org.id)?.members).toBe(1);
    expect(plan.from.year).toBe(2040);
    expect(plan.next).toMatchObject({
      year: 2041,
      titleDe: "Clusterwoche 2041",
      hashtag: "CW2041",
      startsOn: "2041-04-02",
      status: "planning",
    });
    expect(plan.next.endsOn).toBe("2041-04-11");
    expect(plan.organisations.map((o) => [o.id, o.events])).toEqual([[org.id, 2]]);
    expect(plan.drafts).toBe(2);
    expect(plan.steps.map((s) => s.key)).toContain("taxonomies");
    expect(await failure(planRollover({ ctx: ctx(coordinator) }))).toBe("not_found:");

    const mailsBefore = (await database.db.select().from(mailJob)).length;
    const result = await rollOverEdition({ ctx: ctx(editor), input: { fromYear: 2040 } });
    expect(result).toMatchObject({ drafts: 2, mails: plan.recipients });
    expect(result.edition).toMatchObject({ year: 2041, status: "planning", openingEventId: null });
    const drafts = await database.db.select().from(event).where(eq(event.editionId, result.edition.id));
    expect(drafts.map((d) => [d.titleDe, d.status, d.submittedAt]).sort()).toEqual([
      ["Robotik-Forum", "draft", null],
      ["Wasserstoff-Tag", "draft", null],
    ]);
    // The sample's dates (Wed 7 and Fri 9 April 2027) move by the editions' 364 days: the same weekdays.
    const [draft] = drafts;
    const sessions = await database.db
      .select()
      .from(eventSession)
      .where(eq(eventSession.eventId, draft?.id ?? 0));
    expect(sessions.map((s) => berlinDay(s.startsAt)).sort()).toEqual(["2028-04-05", "2028-04-07"]);
    const mails = await database.db.select().from(mailJob);
    const invitations = mails.slice(mailsBefore);
    expect(invitations).toHaveLength(plan.recipients);
    expect(invitations.find((m) => m.recipient === owner.email)?.subject).toBe("Einladung zur Clusterwoche 2041");
    expect(invitations.map((m) => m.recipient)).not.toContain(gone.email);

    expect(await failure(rollOverEdition({ ctx: ctx(editor), input: { fromYear: 2040 } }))).toBe("conflict:alreadyCreated");
    expect(await failure(rollOverEdition({ ctx: ctx(coordinator), input: { fromYear: 2041 } }))).toBe("not_found:");
    expect((await database.db.select().from(event).where(eq(event.editionId, result.edition.id))).length).toBe(2);
    expect((await database.db.select().from(mailJob)).length).toBe(mailsBefore + plan.recipients);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, "edition.rollover"));
    expect(audit).toHaveLength(1);
  });
});
