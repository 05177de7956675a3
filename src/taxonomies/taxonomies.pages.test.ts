import { and, asc, eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { createPersonas, type PersonaName, type Personas } from "../../test/personas.ts";
import { queryRows } from "../db/client.ts";
import { auditLog, event, topic } from "../db/schema/index.ts";
import { createEventDraft } from "../event-form/create-event-draft.ts";
import { duplicateEvent } from "../event-form/duplicate-event.ts";
import { openEdition, sampleEvent } from "../event-form/event-form.fixtures.ts";
import { updateEvent } from "../event-form/update-event.ts";
import { eventPath } from "../events/event-path.ts";
import { actorOf } from "../organiser/organiser-test-kit.ts";
import { browserOf, textOf } from "../organiser/page-test-kit.ts";
import { loadTaxonomies } from "./taxonomy-queries.ts";

const path = "/mein-bereich/taxonomien/technologiefelder";
const groupsPath = "/mein-bereich/taxonomien/zielgruppen";
let t: TestApp;
let p: Personas;
beforeAll(async () => {
  t = await createTestApp();
  await openEdition(t.database.db);
  p = await createPersonas(t);
});
afterAll(() => t.close());

const as = (name: PersonaName) => browserOf(t.app, p[name].session);
const topicRows = () => t.database.db.select().from(topic).orderBy(asc(topic.sort), asc(topic.code));
const auditOf = (code: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.objectType, "taxonomy_term"), like(auditLog.objectId, `%:${code}`)))
    .orderBy(asc(auditLog.id));
/** The values of the checkboxes named `name` in a page, and which of them are ticked. */
const boxes = (html: string, name: string) => {
  const inputs = [...parseHtml(html).querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)];
  return {
    all: inputs.map((i) => i.getAttribute("value")),
    ticked: inputs.filter((i) => i.hasAttribute("checked")).map((i) => i.getAttribute("value")),
  };
};
const organiserCtx = async () => ({
  db: t.database.db,
  actor: await actorOf(t.database.db, p.organiserA.user?.id ?? 0),
  baseUrl: "http://localhost:3000",
});

describe("taxonomies back office", () => {
  it("sends anonymous visitors to the login and answers 404 to organisers and coordinators for every route, writing nothing", async () => {
    const before = await topicRows();
    const anonymous = await as("anonymous").get(path);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(`/anmelden?next=${encodeURIComponent(path)}`);
    for (const name of ["organiserA", "organiserB", "coordinator", "coordinatorOther"] as const) {
      for (const url of ["/mein-bereich/taxonomien", path, groupsPath, `${path}/energy`])
        expect((await as(name).get(url)).statusCode, `${name} ${url}`).toBe(404);
      expect((await as(name).post(path, { nameDe: "Quanten", nameEn: "Quantum" })).statusCode, name).toBe(404);
      expect((await as(name).post(`${path}/energy`, { nameDe: "Energie", nameEn: "Energy" })).statusCode, name).toBe(404);
      for (const verb of ["hoch", "runter", "ausmustern", "reaktivieren", "loeschen"])
        expect((await as(name).post(`${path}/energy/${verb}`)).statusCode, `${name} ${verb}`).toBe(404);
    }
    expect(await topicRows()).toEqual(before);
    expect(await auditOf("energy")).toEqual([]);
    const nav = await as("editor").get("/mein-bereich");
    expect(parseHtml(nav.body).querySelector(`.area-nav a[href="${path}"]`)).not.toBeNull();
    const organiserNav = await as("organiserA").get("/mein-bereich");
    expect(parseHtml(organiserNav.body).querySelector(`.area-nav a[href="${path}"]`)).toBeNull();
  });

  it("lets an editor and an admin see both lists with their use; unknown kinds are 404", async () => {
    const page = await as("editor").get(path);
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toBe("private, no-store");
    const rows = [...parseHtml(page.body).querySelectorAll("tr.term")].map((r) => r.getAttribute("data-code"));
    expect(rows).toEqual((await topicRows()).map((r) => r.code));
    const [used] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from event where topics @> array['energy']`);
    expect(textOf(page.body)).toContain(`${used?.n} Veranstaltungen`);
    const groups = await as("admin").get(`${groupsPath}?lang=en`);
    expect(groups.statusCode).toBe(200);
    expect(parseHtml(groups.body).querySelector("h1")?.textContent).toBe("Target groups");
    expect((await as("editor").get("/mein-bereich/taxonomien")).headers.location).toBe(path);
    expect((await as("editor").get("/mein-bereich/taxonomien/formate")).statusCode).toBe(404);
    expect((await as("editor").post("/mein-bereich/taxonomien/formate", { nameDe: "x", nameEn: "y" })).statusCode).toBe(404);
  });

  it("adds a technology field in German and English, last in order, offered by the event form and the filters; script stays text", async () => {
    const added = await as("editor").post(path, { nameDe: "Quanten <script>alert(1)</script> & Co", nameEn: "Quantum & co" });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe(`${path}?notice=termAdded`);
    const rows = await topicRows();
    const last = rows.at(-1);
    expect(last).toMatchObject({
      code: "quanten-script-alert-1-script-co",
      nameDe: "Quanten <script>alert(1)</script> & Co",
      nameEn: "Quantum & co",
      active: true,
    });
    const page = await as("editor").get(added.headers.location as string);
    expect(page.body).not.toContain("<script>alert(1)</script>");
    expect(textOf(page.body)).toContain("Der Eintrag ist hinzugefügt.");
    const [audit] = await auditOf(last?.code ?? "");
    expect(audit).toMatchObject({ action: "taxonomy.add", actorName: "Editor", stateCode: null });

    // The same label again gets its own code.
    await as("admin").post(path, { nameDe: "Quanten <script>alert(1)</script> & Co", nameEn: "Quantum again" });
    expect((await topicRows()).at(-1)?.code).toBe("quanten-script-alert-1-script-co-2");

    const form = await as("organiserA").get("/mein-bereich/veranstaltungen/neu");
    expect(boxes(form.body, "topics").all).toContain(last?.code);
    const programme = await t.app.inject({ method: "GET", url: "/programm?lang=en" });
    expect(programme.body).toContain("Quantum &amp; co");

    const group = await as("editor").post(groupsPath, { nameDe: "Gründerinnen", nameEn: "Women founders" });
    expect(group.statusCode).toBe(303);
    expect((await loadTaxonomies(t.database.db)).targetGroups.at(-1)).toMatchObject({ code: "gruenderinnen", nameEn: "Women founders" });
  });

  it("refuses empty, oversized and wrongly typed labels and a missing CSRF token, writing nothing", async () => {
    const before = await topicRows();
    const missing = await as("editor").post(path, { nameDe: "  ", nameEn: "Fine" });
    expect(missing.statusCode).toBe(422);
    const doc = parseHtml(missing.body);
    expect(doc.querySelector(".error-summary")?.textContent).toContain("Bezeichnung (Deutsch)");
    expect(doc.querySelector("#field-nameDe")?.getAttribute("aria-invalid")).toBe("true");
    expect(doc.querySelector<HTMLInputElement>("#field-nameEn")?.getAttribute("value")).toBe("Fine");
    expect((await as("editor").post(path, { nameDe: "x".repeat(81), nameEn: "Fine" })).statusCode).toBe(422);
    expect((await as("editor").post(path, { nameDe: ["a", "b"], nameEn: "Fine" })).statusCode).toBe(422);
    expect((await as("editor").post(path, { nameDe: "Gut" })).statusCode).toBe(422);
    const noCsrf = await browserOf(t.app, p.editor.session, { csrf: false }).post(path, { nameDe: "Gut", nameEn: "Good" });
    expect(noCsrf.statusCode).toBe(403);
    for (const code of ["nope", "ENERGY", "..%2F", "a".repeat(41)])
      expect((await as("editor").post(`${path}/${code}/ausmustern`)).statusCode, code).toBe(404);
    expect(await topicRows()).toEqual(before);
  });

  it("reorders: a term moves one place, forms follow the order, the ends do nothing", async () => {
    const [first, second] = (await topicRows()).map((r) => r.code);
    const moved = await as("editor").post(`${path}/${second}/hoch`);
    expect(moved.statusCode).toBe(303);
    expect(moved.headers.location).toBe(`${path}?notice=termMoved`);
    expect((await topicRows()).slice(0, 2).map((r) => r.code)).toEqual([second, first]);
    const form = await as("organiserA").get("/mein-bereich/veranstaltungen/neu");
    expect(boxes(form.body, "topics").all.slice(0, 2)).toEqual([second, first]);
    expect((await auditOf(second ?? "")).map((a) => a.summary)).toEqual([expect.stringContaining("von Platz 2 auf Platz 1")]);
    await as("editor").post(`${path}/${second}/hoch`);
    expect((await topicRows())[0]?.code).toBe(second);
    expect(await auditOf(second ?? "")).toHaveLength(1);
    await as("editor").post(`${path}/${second}/runter`);
    expect((await topicRows()).slice(0, 2).map((r) => r.code)).toEqual([first, second]);
  });

  it("retires a field: gone from new choices, kept and shown on an existing event, never deleted while used", async () => {
    const ctx = await organiserCtx();
    const draft = await createEventDraft({
      ctx,
      input: { organisationId: p.orgA.id, event: sampleEvent({ topics: ["photonics", "energy"], targetGroups: ["smes"] }) },
    });
    const retired = await as("editor").post(`${path}/photonics/ausmustern`);
    expect(retired.statusCode).toBe(303);
    expect(retired.headers.location).toBe(`${path}?notice=termRetired`);
    expect((await as("editor").post(`${path}/photonics/ausmustern`)).statusCode).toBe(404);
    const list = parseHtml((await as("editor").get(path)).body);
    expect(list.querySelector('tr[data-code="photonics"]')?.textContent).toContain("ausgemustert");

    // New events: not offered, and refused if sent anyway.
    const fresh = await as("organiserA").get("/mein-bereich/veranstaltungen/neu");
    expect(boxes(fresh.body, "topics").all).not.toContain("photonics");
    await expect(
      createEventDraft({ ctx, input: { organisationId: p.orgA.id, event: sampleEvent({ topics: ["photonics"] }) } }),
    ).rejects.toMatchObject({ code: "validation", fields: { topics: "choice" } });

    // The existing event: still ticked and marked, kept when saved; another retired one cannot be added to it.
    const edit = await as("organiserA").get(`/mein-bereich/veranstaltungen/${draft.id}`);
    expect(boxes(edit.body, "topics").ticked).toEqual(expect.arrayContaining(["photonics", "energy"]));
    expect(textOf(edit.body)).toContain("Optik & Photonik (ausgemustert)");
    await as("editor").post(`${path}/logistics/ausmustern`);
    await expect(
      updateEvent({ ctx, input: { id: draft.id, version: 1, event: sampleEvent({ topics: ["photonics", "logistics"] }) } }),
    ).rejects.toMatchObject({ code: "validation", fields: { topics: "choice" } });
    await updateEvent({
      ctx,
      input: { id: draft.id, version: 1, event: sampleEvent({ titleDe: "Neu", topics: ["photonics", "energy"] }) },
    });
    const [saved] = await t.database.db.select().from(event).where(eq(event.id, draft.id));
    expect(saved?.topics).toEqual(["photonics", "energy"]);

    // Public pages still name it; filters no longer offer it and drop it from a URL.
    const [published] = await queryRows<{ id: number; slug: string }>(
      t.database.db,
      sql`select id, slug from event where status = 'published' and topics @> array['photonics'] order by id limit 1`,
    );
    if (!published) throw new Error("the demo data has no published photonics event");
    const eventPage = await t.app.inject({ method: "GET", url: eventPath({ id: Number(published.id), slug: published.slug }) });
    expect(eventPage.statusCode).toBe(200);
    expect(textOf(eventPage.body)).toContain("Optik & Photonik");
    const programme = await t.app.inject({ method: "GET", url: "/programm?topic=photonics" });
    expect(parseHtml(programme.body).querySelector('input[name="topic"][value="photonics"]')).toBeNull();
    expect(parseHtml(programme.body).querySelector('input[name="topic"][value="energy"]')).not.toBeNull();

    // In use: no delete button, and a delete is refused with 409.
    expect(list.querySelector('tr[data-code="photonics"] form[action$="/loeschen"]')).toBeNull();
    const refused = await as("editor").post(`${path}/photonics/loeschen`);
    expect(refused.statusCode).toBe(409);
    expect(textOf(refused.body)).toContain("kann nicht gelöscht werden");
    expect((await topicRows()).some((r) => r.code === "photonics")).toBe(true);

    // A copy is a new event: the duplicate of the published event leaves the retired field behind.
    const editor = { db: t.database.db, actor: await actorOf(t.database.db, p.editor.user?.id ?? 0) };
    const copy = await duplicateEvent({ ctx: editor, input: { id: Number(published.id) } });
    const [copied] = await t.database.db.select().from(event).where(eq(event.id, copy.id));
    const [source] = await t.database.db
      .select()
      .from(event)
      .where(eq(event.id, Number(published.id)));
    expect(source?.topics).toContain("photonics");
    expect(copied?.topics).toEqual(source?.topics.filter((c) => c !== "photonics" && c !== "logistics"));

    // Offered again after reactivation.
    expect((await as("admin").post(`${path}/photonics/reaktivieren`)).statusCode).toBe(303);
    expect(boxes((await as("organiserA").get("/mein-bereich/veranstaltungen/neu")).body, "topics").all).toContain("photonics");
    expect((await auditOf("photonics")).map((a) => a.action)).toEqual(["taxonomy.retire", "taxonomy.reactivate"]);
  });

  it("changes a term's labels (the code stays) and every page shows the new one; others 404, bad input 422", async () => {
    const editPath = `${groupsPath}/smes`;
    for (const name of ["organiserA", "coordinator"] as const) {
      expect((await as(name).get(editPath)).statusCode, name).toBe(404);
      expect((await as(name).post(editPath, { nameDe: "X", nameEn: "Y" })).statusCode, name).toBe(404);
    }
    const form = await as("editor").get(editPath);
    expect(form.statusCode).toBe(200);
    expect(parseHtml(form.body).querySelector<HTMLInputElement>("#field-nameDe")?.getAttribute("value")).toBe("KMU");
    const refused = await as("editor").post(editPath, { nameDe: "", nameEn: "SMEs" });
    expect(refused.statusCode).toBe(422);
    expect(parseHtml(refused.body).querySelector("#field-nameDe")?.getAttribute("aria-invalid")).toBe("true");
    expect((await as("editor").get(`${groupsPath}/unbekannt`)).statusCode).toBe(404);

    const renamed = await as("editor").post(editPath, {
      nameDe: "Kleine und mittlere Unternehmen",
      nameEn: "Small and medium-sized enterprises",
    });
    expect(renamed.statusCode).toBe(303);
    expect(renamed.headers.location).toBe(`${groupsPath}?notice=termRenamed`);
    const groups = (await loadTaxonomies(t.database.db)).targetGroups;
    expect(groups.find((g) => g.code === "smes")).toMatchObject({ nameDe: "Kleine und mittlere Unternehmen" });
    const programme = await t.app.inject({ method: "GET", url: "/programm?lang=en" });
    expect(textOf(programme.body)).toContain("Small and medium-sized enterprises");
    const [audit] = await auditOf("smes");
    expect(audit).toMatchObject({ action: "taxonomy.rename", summary: "Zielgruppe umbenannt: KMU → Kleine und mittlere Unternehmen" });
  });

  it("deletes a term nothing uses, with its audit row", async () => {
    await as("editor").post(path, { nameDe: "Versehen", nameEn: "Mistake" });
    const page = parseHtml((await as("editor").get(path)).body);
    expect(page.querySelector('tr[data-code="versehen"] form[action$="/loeschen"]')).not.toBeNull();
    const deleted = await as("editor").post(`${path}/versehen/loeschen`);
    expect(deleted.statusCode).toBe(303);
    expect((await topicRows()).some((r) => r.code === "versehen")).toBe(false);
    expect((await auditOf("versehen")).map((a) => a.action)).toEqual(["taxonomy.add", "taxonomy.delete"]);
    expect((await as("editor").post(`${path}/versehen/loeschen`)).statusCode).toBe(404);
  });
});
