import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { allowedAs, expectMatrix, type MatrixRow } from "../../test/authz-matrix.ts";
import { parseHtml } from "../../test/html.ts";
import { createPersonas, type Personas } from "../../test/personas.ts";
import { event, rejectReason } from "../db/schema/index.ts";
import { createEventDraft } from "../event-form/create-event-draft.ts";
import { makeActor, openEdition, orgIn, sampleEvent } from "../event-form/event-form.fixtures.ts";
import { submitEvent } from "../event-form/submit-event.ts";
import type { Actor } from "../lib/actor.ts";
import { browserOf } from "../organiser/page-test-kit.ts";
import { addRejectReason } from "./reject-reasons.ts";

/**
 * The authorization matrix of the review, reasons, audit and coordination area (issue #14): every route, GET
 * and POST, × the seven personas of test/personas.ts. "coordinator" coordinates BW (where organisations A and
 * B are), "coordinatorOther" BY. Foreign events, Länder and codes that are no Land answer 404 (PRODUCT §2);
 * anonymous visitors are sent to the login (303). Each POST cell gets fresh objects, as a decision uses them up.
 */
let t: TestApp;
let p: Personas;
let ownerA: Actor;
let ownerBY: Actor;
let orgBYId = 0;

beforeAll(async () => {
  t = await createTestApp();
  p = await createPersonas(t);
  await openEdition(t.database.db);
  ownerA = await makeActor(t.database.db, "organiser", { organisationIds: [p.orgA.id] });
  const orgBY = await orgIn(t.database.db, "BY");
  orgBYId = orgBY.id;
  ownerBY = await makeActor(t.database.db, "organiser", { organisationIds: [orgBY.id] });
}, 60_000);
afterAll(() => t.close());

const ctx = (actor: Actor) => ({ db: t.database.db, actor, baseUrl: "http://localhost:3000" });
const munich = {
  ...sampleEvent().venue,
  name: "Messe München",
  street: "Am Messesee 2",
  postalCode: "81829",
  city: "München",
  stateCode: "BY",
};

/** A fresh submission of organisation A (BW) or of a BY organisation: its id and version. */
async function submission(land: "BW" | "BY", title = `Matrix ${land} ${Math.random().toString(36).slice(2, 8)}`) {
  const [owner, organisationId, overrides] = land === "BW" ? [ownerA, p.orgA.id, {}] : [ownerBY, orgBYId, { venue: munich }];
  const { id } = await createEventDraft({
    ctx: ctx(owner),
    input: { organisationId, event: sampleEvent({ titleDe: title, ...overrides }) },
  });
  const { version } = await submitEvent({ ctx: ctx(owner), input: { id, version: 1 } });
  return { id, version, title };
}

async function freshReason(): Promise<number> {
  const editor = await makeActor(t.database.db, "editor");
  const { id } = await addRejectReason({
    ctx: { db: t.database.db, actor: editor },
    input: { textDe: `Grund ${Math.random()}`, textEn: "Reason" },
  });
  return id;
}

type Row = MatrixRow;

// Who reaches what: anonymous → login (303); organisers never (404); coordinators their Länder; national all.
const reviewers = { anonymous: 303, organiserA: 404, organiserB: 404, coordinatorOther: 200, coordinator: 200, editor: 200, admin: 200 };
const bwOnly = { ...reviewers, coordinatorOther: 404 };
const byOnly = { ...reviewers, coordinator: 404 };
const nationalOnly = { ...reviewers, coordinatorOther: 404, coordinator: 404 };
const nobody = { ...reviewers, coordinatorOther: 404, coordinator: 404, editor: 404, admin: 404 };
const as = allowedAs;

const decision = (land: "BW" | "BY", form: (s: { version: number }) => Record<string, unknown>) => async () => {
  const s = await submission(land);
  return { url: `/mein-bereich/pruefung/${s.id}/entscheidung`, form: form(s) };
};

const rows = (): Row[] => [
  // Review queue, review page, preview
  { route: "queue", method: "GET", cell: () => ({ url: "/mein-bereich/pruefung" }), ...reviewers },
  { route: "queue, English", method: "GET", cell: () => ({ url: "/mein-bereich/pruefung?lang=en" }), ...reviewers },
  { route: "queue, bad filter", method: "GET", cell: () => ({ url: "/mein-bereich/pruefung?age=abc" }), ...as(400, reviewers) },
  {
    route: "review of a BW event",
    method: "GET",
    cell: async () => ({ url: `/mein-bereich/pruefung/${(await submission("BW")).id}` }),
    ...bwOnly,
  },
  {
    route: "preview of a BW event",
    method: "GET",
    cell: async () => ({ url: `/mein-bereich/pruefung/${(await submission("BW")).id}/vorschau` }),
    ...bwOnly,
  },
  {
    route: "review of a BY event",
    method: "GET",
    cell: async () => ({ url: `/mein-bereich/pruefung/${(await submission("BY")).id}` }),
    ...byOnly,
  },
  { route: "review of no event", method: "GET", cell: () => ({ url: "/mein-bereich/pruefung/999999999" }), ...nobody },
  { route: "review of a malformed id", method: "GET", cell: () => ({ url: "/mein-bereich/pruefung/abc" }), ...nobody },
  // Decisions
  {
    route: "publish a BW event",
    method: "POST",
    cell: decision("BW", (s) => ({ action: "publish", version: s.version })),
    ...as(303, bwOnly),
  },
  {
    route: "publish a BY event",
    method: "POST",
    cell: decision("BY", (s) => ({ action: "publish", version: s.version })),
    ...as(303, byOnly),
  },
  {
    route: "request changes on a BW event",
    method: "POST",
    cell: decision("BW", (s) => ({ action: "request_changes", version: s.version, message: "Bitte Ort prüfen.", fields: ["venue.city"] })),
    ...as(303, bwOnly),
  },
  {
    route: "request changes without a message",
    method: "POST",
    cell: decision("BW", (s) => ({ action: "request_changes", version: s.version, message: "" })),
    ...as(422, bwOnly),
  },
  {
    route: "reject a BW event",
    method: "POST",
    cell: decision("BW", (s) => ({ action: "reject", version: s.version, message: "Kein Clusterbezug." })),
    ...as(303, bwOnly),
  },
  {
    route: "decide on a stale version",
    method: "POST",
    cell: decision("BW", (s) => ({ action: "publish", version: s.version - 1 })),
    ...as(409, bwOnly),
  },
  {
    route: "unknown decision",
    method: "POST",
    cell: decision("BW", (s) => ({ action: "delete", version: s.version })),
    ...as(422, bwOnly),
  },
  {
    route: "decide on no event",
    method: "POST",
    cell: () => ({ url: "/mein-bereich/pruefung/999999999/entscheidung", form: { action: "publish", version: 1 } }),
    ...nobody,
  },
  {
    route: "bulk publish two BW events",
    method: "POST",
    cell: async () => {
      const [a, b] = [await submission("BW"), await submission("BW")];
      return { url: "/mein-bereich/pruefung/veroeffentlichen", form: { items: [`${a.id}:${a.version}`, `${b.id}:${b.version}`] } };
    },
    ...as(303, bwOnly),
  },
  {
    route: "bulk publish with a BY event mixed in",
    method: "POST",
    cell: async () => {
      const [a, b] = [await submission("BW"), await submission("BY")];
      return { url: "/mein-bereich/pruefung/veroeffentlichen", form: { items: [`${a.id}:${a.version}`, `${b.id}:${b.version}`] } };
    },
    ...as(303, nationalOnly),
    coordinator: 404,
    coordinatorOther: 404,
  },
  {
    route: "bulk publish nothing",
    method: "POST",
    cell: () => ({ url: "/mein-bereich/pruefung/veroeffentlichen", form: {} }),
    ...as(303, reviewers),
  },
  // Standard reasons (national office)
  { route: "reasons", method: "GET", cell: () => ({ url: "/mein-bereich/pruefung/gruende" }), ...nationalOnly },
  {
    route: "add a reason",
    method: "POST",
    cell: () => ({ url: "/mein-bereich/pruefung/gruende", form: { textDe: `Matrix ${Math.random()}`, textEn: "Matrix" } }),
    ...as(303, nationalOnly),
  },
  {
    route: "add a reason without text",
    method: "POST",
    cell: () => ({ url: "/mein-bereich/pruefung/gruende", form: { textDe: "", textEn: "x" } }),
    ...as(422, nationalOnly),
  },
  {
    route: "retire a reason",
    method: "POST",
    cell: async () => ({ url: `/mein-bereich/pruefung/gruende/${await freshReason()}/ausmustern` }),
    ...as(303, nationalOnly),
  },
  { route: "retire no reason", method: "POST", cell: () => ({ url: "/mein-bereich/pruefung/gruende/999999999/ausmustern" }), ...nobody },
  // Audit log
  { route: "audit log", method: "GET", cell: () => ({ url: "/mein-bereich/protokoll" }), ...reviewers },
  { route: "audit log of BY", method: "GET", cell: () => ({ url: "/mein-bereich/protokoll?state=BY" }), ...reviewers },
  { route: "audit log, bad filter", method: "GET", cell: () => ({ url: "/mein-bereich/protokoll?from=gestern" }), ...as(400, reviewers) },
  // Coordination: Länder, overview, invitations, reminders, state page, featured events
  { route: "Länder", method: "GET", cell: () => ({ url: "/mein-bereich/laender" }), ...reviewers },
  { route: "overview of BW", method: "GET", cell: () => ({ url: "/mein-bereich/land/BW" }), ...bwOnly },
  { route: "overview of BW, lower case", method: "GET", cell: () => ({ url: "/mein-bereich/land/bw" }), ...bwOnly },
  { route: "overview of BY", method: "GET", cell: () => ({ url: "/mein-bereich/land/BY" }), ...byOnly },
  { route: "overview of a code that is no Land", method: "GET", cell: () => ({ url: "/mein-bereich/land/XX" }), ...nobody },
  { route: "overview of 'online'", method: "GET", cell: () => ({ url: "/mein-bereich/land/online" }), ...nobody },
  { route: "invitation form of BW", method: "GET", cell: () => ({ url: "/mein-bereich/land/BW/einladen" }), ...bwOnly },
  {
    route: "invite to BW",
    method: "POST",
    cell: () => ({
      url: "/mein-bereich/land/BW/einladen",
      form: { name: "Neuer Cluster", email: `matrix-${Math.random().toString(36).slice(2)}@example.test` },
    }),
    ...as(303, bwOnly),
  },
  {
    route: "invite to BW, bad address",
    method: "POST",
    cell: () => ({ url: "/mein-bereich/land/BW/einladen", form: { name: "X", email: "kein-mail" } }),
    ...as(422, bwOnly),
  },
  {
    route: "invite to BY",
    method: "POST",
    cell: () => ({
      url: "/mein-bereich/land/BY/einladen",
      form: { name: "X", email: `by-${Math.random().toString(36).slice(2)}@example.test` },
    }),
    ...as(303, byOnly),
  },
  {
    // Organisation A has submitted, so it is not among those to remind: 404, like a foreign one.
    route: "remind an organisation that is not on the list",
    method: "POST",
    cell: () => ({ url: "/mein-bereich/land/BW/erinnerung", form: { organisationId: p.orgA.id } }),
    ...nobody,
  },
  {
    route: "remind, malformed id",
    method: "POST",
    cell: () => ({ url: "/mein-bereich/land/BW/erinnerung", form: { organisationId: "abc" } }),
    ...as(422, bwOnly),
  },
  { route: "state page intro of BW", method: "GET", cell: () => ({ url: "/mein-bereich/land/BW/seite" }), ...bwOnly },
  {
    route: "save BW's intro",
    method: "POST",
    cell: () => ({ url: "/mein-bereich/land/BW/seite", form: { introDe: "Willkommen im **Ländle**.", introEn: "" } }),
    ...as(303, bwOnly),
  },
  {
    route: "preview BY's intro",
    method: "POST",
    cell: () => ({ url: "/mein-bereich/land/BY/seite", form: { action: "preview", introDe: "Servus", introEn: "" } }),
    ...byOnly,
  },
  {
    route: "save an oversized intro",
    method: "POST",
    cell: () => ({ url: "/mein-bereich/land/BW/seite", form: { introDe: "x".repeat(20_001), introEn: "" } }),
    ...as(422, bwOnly),
  },
  { route: "featured events of BW", method: "GET", cell: () => ({ url: "/mein-bereich/land/BW/hervorgehoben" }), ...bwOnly },
  {
    route: "save BW's featured events",
    method: "POST",
    cell: () => ({ url: "/mein-bereich/land/BW/hervorgehoben", form: {} }),
    ...as(303, bwOnly),
  },
  {
    route: "feature a BY submission on BW",
    method: "POST",
    cell: async () => ({ url: "/mein-bereich/land/BW/hervorgehoben", form: { eventIds: [(await submission("BY")).id] } }),
    ...as(422, bwOnly),
  },
  {
    route: "save BY's featured events",
    method: "POST",
    cell: () => ({ url: "/mein-bereich/land/BY/hervorgehoben", form: {} }),
    ...as(303, byOnly),
  },
  { route: "home featured events", method: "GET", cell: () => ({ url: "/mein-bereich/startseite/hervorgehoben" }), ...nationalOnly },
  {
    route: "save home featured events",
    method: "POST",
    cell: () => ({ url: "/mein-bereich/startseite/hervorgehoben", form: {} }),
    ...as(303, nationalOnly),
  },
];

describe("authorization matrix of review, reasons, audit log and coordination", () => {
  it("answers every route with the expected status for each of the seven personas", async () => {
    await expectMatrix(t, p, rows());
  }, 180_000);

  it("publishes nothing of a batch with a foreign event mixed in, and a refused decision changes nothing", async () => {
    const [a, b] = [await submission("BW"), await submission("BY")];
    const coordinator = browserOf(t.app, p.coordinator.session);
    const bulk = await coordinator.post("/mein-bereich/pruefung/veroeffentlichen", {
      items: [`${a.id}:${a.version}`, `${b.id}:${b.version}`],
    });
    expect(bulk.statusCode).toBe(404);
    const statuses = await t.database.db
      .select({ status: event.status })
      .from(event)
      .where(inArray(event.id, [a.id, b.id]));
    expect(statuses.map((s) => s.status)).toEqual(["submitted", "submitted"]);
    // Organisers and other Länder see nothing of the event in the 404 page.
    for (const who of ["organiserA", "coordinatorOther"] as const) {
      const page = await browserOf(t.app, p[who].session).get(`/mein-bereich/pruefung/${a.id}`);
      expect(page.statusCode).toBe(404);
      expect(page.body).not.toContain(a.title);
    }
    // A BW coordinator's audit log never lists BY rows, even when asked for them.
    const audit = await coordinator.get("/mein-bereich/protokoll?state=BY");
    expect(parseHtml(audit.body).querySelectorAll(".audit-entry")).toHaveLength(0);
    // Without the CSRF token every POST of the area is refused (403) for everyone, and nothing is written.
    const noCsrf = browserOf(t.app, p.editor.session, { csrf: false });
    const before = await t.database.db.select({ id: rejectReason.id }).from(rejectReason);
    for (const [url, form] of [
      [`/mein-bereich/pruefung/${a.id}/entscheidung`, { action: "publish", version: a.version }],
      ["/mein-bereich/pruefung/veroeffentlichen", { items: [`${a.id}:${a.version}`] }],
      ["/mein-bereich/pruefung/gruende", { textDe: "Ohne Token" }],
      [`/mein-bereich/pruefung/gruende/${await freshReason()}/ausmustern`, {}],
      ["/mein-bereich/land/BW/einladen", { name: "X", email: "no-token@example.test" }],
      ["/mein-bereich/land/BW/erinnerung", { organisationId: p.orgB.id }],
      ["/mein-bereich/land/BW/seite", { introDe: "Ohne Token" }],
      ["/mein-bereich/land/BW/hervorgehoben", {}],
      ["/mein-bereich/startseite/hervorgehoben", {}],
    ] as const) {
      expect((await noCsrf.post(url, form)).statusCode, url).toBe(403);
    }
    const [row] = await t.database.db.select({ status: event.status }).from(event).where(eq(event.id, a.id));
    expect(row?.status).toBe("submitted");
    expect((await t.database.db.select({ id: rejectReason.id }).from(rejectReason)).length).toBe(before.length + 1);
  });
});
