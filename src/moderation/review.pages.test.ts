import { desc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { createPersonas, type PersonaName, type Personas, personaNames } from "../../test/personas.ts";
import { event, mailJob } from "../db/schema/index.ts";
import { createEventDraft } from "../event-form/create-event-draft.ts";
import { makeActor, openEdition, orgIn, sampleEvent } from "../event-form/event-form.fixtures.ts";
import { submitEvent } from "../event-form/submit-event.ts";
import { updateEvent } from "../event-form/update-event.ts";
import type { Actor } from "../lib/actor.ts";
import { decideEvent } from "./decide-event.ts";

let t: TestApp;
let p: Personas;
let ownerA: Actor;
let ownerBY: Actor;
let orgBY: { id: number; slug: string };
const queue = "/mein-bereich/pruefung";
const ctx = (actor: Actor) => ({ db: t.database.db, actor, baseUrl: "http://localhost:3000" });
const as = (who: PersonaName) => ({ cookie: p[who].session.cookie });
const get = (who: PersonaName, url: string) => t.app.inject({ method: "GET", url, headers: as(who) });
const post = (who: PersonaName, url: string, payload: Record<string, string | string[]>) =>
  t.app.inject({ method: "POST", url, headers: as(who), payload: { _csrf: p[who].session.csrf, ...payload } });
const rowOf = async (id: number) => (await t.database.db.select().from(event).where(eq(event.id, id)))[0];
const titlesIn = (html: string) =>
  [...parseHtml(html).querySelectorAll('table.queue tbody a[href^="/mein-bereich/pruefung/"]')].map((a) => a.textContent);

const munich = {
  ...sampleEvent().venue,
  name: "Messe München",
  street: "Am Messesee 2",
  postalCode: "81829",
  city: "München",
  stateCode: "BY",
};

async function submitted(owner: Actor, organisationId: number, titleDe: string, overrides = {}) {
  const { id } = await createEventDraft({ ctx: ctx(owner), input: { organisationId, event: sampleEvent({ titleDe, ...overrides }) } });
  const { version } = await submitEvent({ ctx: ctx(owner), input: { id, version: 1 } });
  return { id, version };
}

beforeAll(async () => {
  t = await createTestApp();
  p = await createPersonas(t);
  await openEdition(t.database.db);
  ownerA = await makeActor(t.database.db, "organiser", { organisationIds: [p.orgA.id] });
  orgBY = await orgIn(t.database.db, "BY");
  ownerBY = await makeActor(t.database.db, "organiser", { organisationIds: [orgBY.id] });
}, 60_000);
afterAll(() => t.close());

describe("the review queue", () => {
  it("shows coordinators their Länder's submissions, editors every Land, oldest first; organisers get 404", async () => {
    const first = await submitted(ownerA, p.orgA.id, "Queue Erstes BW");
    await submitted(ownerBY, orgBY.id, "Queue Bayern", { venue: munich });
    const second = await submitted(ownerA, p.orgA.id, "Queue Zweites BW");
    const bw = await get("coordinator", queue);
    expect(bw.statusCode).toBe(200);
    expect(bw.headers["cache-control"]).toContain("no-store");
    const bwTitles = titlesIn(bw.body);
    expect(bwTitles).toContain("Queue Erstes BW");
    expect(bwTitles).not.toContain("Queue Bayern");
    expect(bwTitles.indexOf("Queue Erstes BW")).toBeLessThan(bwTitles.indexOf("Queue Zweites BW"));
    const editorPage = await get("editor", queue);
    const editorTitles = titlesIn(editorPage.body);
    expect(parseHtml(editorPage.body).querySelector(`a[href="${queue}/gruende"]`)?.textContent).toBe("Standardgründe verwalten");
    expect(parseHtml(bw.body).querySelector(`a[href="${queue}/gruende"]`)).toBeNull();
    expect(editorTitles).toEqual(expect.arrayContaining(["Queue Erstes BW", "Queue Zweites BW", "Queue Bayern"]));
    expect(titlesIn((await get("coordinatorOther", queue)).body)).not.toContain("Queue Erstes BW");
    // Every row offers its id and the version a decision must name.
    const values = [...parseHtml(bw.body).querySelectorAll<HTMLInputElement>('input[name="items"]')].map((i) => i.value);
    expect(values).toEqual(expect.arrayContaining([`${first.id}:${first.version}`, `${second.id}:${second.version}`]));
    for (const who of ["organiserA", "organiserB"] as const) expect((await get(who, queue)).statusCode, who).toBe(404);
    const anonymous = await get("anonymous", queue);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain("/anmelden");
  });

  it("filters by status, Land, format, organisation, warnings and age, with counts per status; bad filters are 400", async () => {
    // A Munich postal code in Baden-Württemberg: a stored plausibility warning.
    const { id } = await submitted(ownerA, p.orgA.id, "Filter Vortrag", {
      formatCode: "seminar",
      venue: { ...sampleEvent().venue, postalCode: "80331" },
    });
    const byFormat = titlesIn((await get("editor", `${queue}?format=seminar`)).body);
    expect(byFormat).toContain("Filter Vortrag");
    expect(byFormat).not.toContain("Queue Bayern");
    expect(titlesIn((await get("editor", `${queue}?state=BY`)).body)).not.toContain("Filter Vortrag");
    expect(titlesIn((await get("editor", `${queue}?org=${orgBY.slug}`)).body)).not.toContain("Filter Vortrag");
    expect(titlesIn((await get("editor", `${queue}?age=3`)).body)).not.toContain("Filter Vortrag");
    const warned = titlesIn((await get("editor", `${queue}?warnings=1`)).body);
    expect(warned).toContain("Filter Vortrag");
    expect(warned).not.toContain("Queue Bayern");
    await t.database.db
      .update(event)
      .set({ submittedAt: new Date(Date.now() - 10 * 86_400_000) })
      .where(eq(event.id, id));
    const old = await get("editor", `${queue}?age=3`);
    expect(titlesIn(old.body)).toContain("Filter Vortrag");
    expect(parseHtml(old.body).body.textContent).toContain("wartet länger als 5 Tage");
    const counts = parseHtml((await get("coordinator", queue)).body).querySelector(".status-tabs")?.textContent ?? "";
    expect(counts).toMatch(/Eingereicht \(\d+\)/);
    expect(counts).toMatch(/Veröffentlicht \(\d+\)/);
    for (const bad of ["status=nope", "age=-1", "state=<script>", "page=0"])
      expect((await get("editor", `${queue}?${bad}`)).statusCode, bad).toBe(400);
  });

  it("flags Länder without a coordinator for the national office", async () => {
    const orgHB = await orgIn(t.database.db, "HB");
    const ownerHB = await makeActor(t.database.db, "organiser", { organisationIds: [orgHB.id] });
    await submitted(ownerHB, orgHB.id, "Bremen ohne Koordination", {
      venue: { ...sampleEvent().venue, city: "Bremen", postalCode: "28195", stateCode: "HB" },
    });
    const page = await get("editor", `${queue}?unattended=1`);
    const titles = titlesIn(page.body);
    expect(titles).toContain("Bremen ohne Koordination");
    expect(titles).not.toContain("Queue Erstes BW");
    expect(parseHtml(page.body).body.textContent).toContain("Land ohne aktive Koordination");
  });

  it("paginates 50 rows a page", async () => {
    const first = await get("editor", `${queue}?status=published`);
    const doc = parseHtml(first.body);
    expect(doc.querySelectorAll("table.queue tbody tr").length).toBe(50);
    const next = doc.querySelector<HTMLAnchorElement>('.pagination a[rel="next"]')?.getAttribute("href");
    expect(next).toContain("page=2");
    const second = await get("editor", next ?? "");
    expect(second.statusCode).toBe(200);
    expect(titlesIn(second.body)[0]).not.toBe(titlesIn(first.body)[0]);
  });
});

describe("the review page and decisions", () => {
  it("shows a new event as new, with its findings, history and decision forms", async () => {
    const { id } = await submitted(ownerA, p.orgA.id, "Neu zur Prüfung");
    const page = await get("coordinator", `${queue}/${id}`);
    expect(page.statusCode).toBe(200);
    const doc = parseHtml(page.body);
    expect(doc.body.textContent).toContain("Neue Veranstaltung: noch nie veröffentlicht.");
    expect(doc.body.textContent).toContain("Plausibilitätsprüfung");
    expect([...doc.querySelectorAll("form.decision input[name=action]")].map((i) => i.getAttribute("value"))).toEqual([
      "publish",
      "request_changes",
      "reject",
    ]);
    expect(doc.querySelector("iframe.review-preview")?.getAttribute("title")).toBeTruthy();
    const preview = await get("coordinator", `${queue}/${id}/vorschau`);
    expect(preview.statusCode).toBe(200);
    expect(parseHtml(preview.body).querySelector("h1")?.textContent).toContain("Neu zur Prüfung");
  });

  it("links a suspected duplicate", async () => {
    await submitted(ownerA, p.orgA.id, "Dublettentest Wasserstoff");
    const { id } = await submitted(ownerA, p.orgA.id, "Dublettentest Wasserstoff!");
    const doc = parseHtml((await get("coordinator", `${queue}/${id}`)).body);
    const link = [...doc.querySelectorAll("a")].find((a) => a.textContent === "mögliche Dublette ansehen");
    expect(link?.getAttribute("href")).toMatch(new RegExp(`^${queue}/\\d+$`));
  });

  it("diffs changes to a published event field by field, and publishing them makes them public", async () => {
    const { id, version } = await submitted(ownerA, p.orgA.id, "Diff Original");
    await decideEvent({ ctx: ctx(await makeActor(t.database.db, "editor")), input: { id, version, action: "publish" } });
    const live = await rowOf(id);
    await updateEvent({
      ctx: ctx(ownerA),
      input: {
        id,
        version: live?.version ?? 0,
        event: sampleEvent({
          titleDe: "Diff Geändert",
          venue: { ...sampleEvent().venue, city: "Heilbronn", postalCode: "74072" },
          sessions: [{ startDate: "2027-04-08", startTime: "10:00", endDate: "", endTime: "12:00", allDay: false }],
        }),
      },
    });
    const page = await get("coordinator", `${queue}/${id}`);
    const doc = parseHtml(page.body);
    const rows = Object.fromEntries(
      [...doc.querySelectorAll("table.diff tbody tr")].map((r) => [
        r.getAttribute("data-field"),
        [r.querySelector(".diff-old")?.textContent, r.querySelector(".diff-new")?.textContent],
      ]),
    );
    expect(rows.titleDe).toEqual(["Diff Original", "Diff Geändert"]);
    expect(rows.venue?.[0]).toContain("Stuttgart");
    expect(rows.venue?.[1]).toContain("Heilbronn");
    expect(rows.sessions?.[1]).toContain("8. April 2027");
    expect(rows.status).toBeUndefined();
    expect(doc.body.textContent).toContain("Die Öffentlichkeit sieht bis zur Veröffentlichung die bisherige Fassung.");
    // The public page still shows the published title until the change is published from the form.
    expect((await t.app.inject({ method: "GET", url: `/veranstaltungen/${id}-${live?.slug}` })).body).toContain("Diff Original");
    const form = doc.querySelector("form.decision-publish");
    const versionValue = form?.querySelector<HTMLInputElement>("input[name=version]")?.getAttribute("value") ?? "";
    const done = await post("coordinator", `${queue}/${id}/entscheidung`, { action: "publish", version: versionValue });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toContain("entschieden=publish");
    const after = await rowOf(id);
    expect(after?.titleDe).toBe("Diff Geändert");
    expect(after?.status).toBe("published");
    const notice = await get("coordinator", done.headers.location ?? "");
    expect(parseHtml(notice.body).querySelector('[role="status"]')?.textContent).toContain("Veröffentlicht.");
  });

  it("asks for a message when requesting changes, keeps what was typed, and records the fields concerned", async () => {
    const { id, version } = await submitted(ownerA, p.orgA.id, "Bitte überarbeiten");
    const refused = await post("coordinator", `${queue}/${id}/entscheidung`, {
      action: "request_changes",
      version: String(version),
      message: "",
      fields: ["titleDe", "venue.city"],
    });
    expect(refused.statusCode).toBe(422);
    const doc = parseHtml(refused.body);
    expect(doc.querySelector(".error-summary a")?.getAttribute("href")).toBe("#request_changes-message");
    expect(doc.querySelector<HTMLInputElement>('form.decision-request_changes input[value="venue.city"]')?.hasAttribute("checked")).toBe(
      true,
    );
    expect((await rowOf(id))?.status).toBe("submitted");
    const hostile = '<script>alert("x")</script> Bitte den Titel kürzen';
    const done = await post("coordinator", `${queue}/${id}/entscheidung`, {
      action: "request_changes",
      version: String(version),
      message: hostile,
      fields: ["titleDe"],
    });
    expect(done.statusCode).toBe(303);
    expect((await rowOf(id))?.status).toBe("changes_requested");
    // The organiser's mail names the fields by their labels, in text and HTML, the script only as text.
    const [mail] = await t.database.db
      .select()
      .from(mailJob)
      .where(eq(mailJob.recipient, p.organiserA.user?.email ?? ""))
      .orderBy(desc(mailJob.id))
      .limit(1);
    expect(mail?.subject).toBe("Bitte überarbeiten: Bitte überarbeiten");
    expect(mail?.text).toContain("Betroffene Angaben: Titel (Deutsch)");
    expect(mail?.html).toContain("Titel (Deutsch)");
    expect(mail?.html).not.toContain("<script>");
    const page = await get("coordinator", `${queue}/${id}`);
    expect(page.body).not.toContain("<script>alert");
    expect(parseHtml(page.body).querySelector(".history .message")?.textContent).toBe(hostile);
  });

  it("answers a decision on a stale version with 409 and a clear message, changing nothing", async () => {
    const { id, version } = await submitted(ownerA, p.orgA.id, "Zwei Prüfende");
    const first = await post("coordinator", `${queue}/${id}/entscheidung`, { action: "publish", version: String(version) });
    expect(first.statusCode).toBe(303);
    const second = await post("editor", `${queue}/${id}/entscheidung`, {
      action: "reject",
      version: String(version),
      message: "zu spät",
    });
    expect(second.statusCode).toBe(409);
    expect(parseHtml(second.body).querySelector("#decision-problem")?.textContent).toContain("Es wurde nichts überschrieben");
    expect((await rowOf(id))?.status).toBe("published");
  });

  it("gives a coordinator of another Land 404 on every review route, and bulk publishing with a foreign id publishes nothing", async () => {
    const mine = await submitted(ownerBY, orgBY.id, "Bulk Bayern", { venue: munich });
    const foreign = await submitted(ownerA, p.orgA.id, "Bulk BW");
    for (const url of [`${queue}/${foreign.id}`, `${queue}/${foreign.id}/vorschau`])
      expect((await get("coordinatorOther", url)).statusCode, url).toBe(404);
    const decide = await post("coordinatorOther", `${queue}/${foreign.id}/entscheidung`, {
      action: "publish",
      version: String(foreign.version),
    });
    expect(decide.statusCode).toBe(404);
    const bulk = await post("coordinatorOther", `${queue}/veroeffentlichen`, {
      items: [`${mine.id}:${mine.version}`, `${foreign.id}:${foreign.version}`],
    });
    expect(bulk.statusCode).toBe(404);
    const rows = await t.database.db
      .select()
      .from(event)
      .where(inArray(event.id, [mine.id, foreign.id]));
    expect(rows.map((r) => r.status)).toEqual(["submitted", "submitted"]);
  });

  it("publishes the selected events in bulk", async () => {
    const a = await submitted(ownerA, p.orgA.id, "Bulk Eins");
    const b = await submitted(ownerA, p.orgA.id, "Bulk Zwei");
    const none = await post("coordinator", `${queue}/veroeffentlichen`, {});
    expect(none.statusCode).toBe(303);
    expect(parseHtml((await get("coordinator", none.headers.location ?? "")).body).querySelector('[role="alert"]')?.textContent).toContain(
      "mindestens eine",
    );
    const done = await post("coordinator", `${queue}/veroeffentlichen`, { items: [`${a.id}:${a.version}`, `${b.id}:${b.version}`] });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toContain("veroeffentlicht=2");
    expect((await rowOf(a.id))?.status).toBe("published");
    expect((await rowOf(b.id))?.status).toBe("published");
    expect(parseHtml((await get("coordinator", done.headers.location ?? "")).body).body.textContent).toContain(
      "2 Veranstaltungen veröffentlicht.",
    );
  });

  it("lets every persona reach exactly what its role allows", async () => {
    const { id, version } = await submitted(ownerA, p.orgA.id, "Matrix BW");
    const expected: Record<PersonaName, number> = {
      anonymous: 303,
      organiserA: 404,
      organiserB: 404,
      coordinatorOther: 404,
      coordinator: 200,
      editor: 200,
      admin: 200,
    };
    for (const who of personaNames) {
      for (const url of [`${queue}/${id}`, `${queue}/${id}/vorschau`])
        expect((await get(who, url)).statusCode, `${who} ${url}`).toBe(expected[who]);
      const queueStatus = (await get(who, queue)).statusCode;
      expect(queueStatus, `${who} queue`).toBe(who === "coordinatorOther" ? 200 : expected[who]);
    }
    // A decision without the CSRF token is refused for everyone.
    const noCsrf = await t.app.inject({
      method: "POST",
      url: `${queue}/${id}/entscheidung`,
      headers: as("editor"),
      payload: { action: "publish", version: String(version) },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect((await rowOf(id))?.status).toBe("submitted");
    // English interface.
    const en = await get("editor", `${queue}/${id}?lang=en`);
    expect(parseHtml(en.body).querySelector("h1")?.textContent).toBe("Review: Matrix BW");
  });
});
