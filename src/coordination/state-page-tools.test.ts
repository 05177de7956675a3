import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, within } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { createPersonas, type PersonaName, type Personas, personaNames } from "../../test/personas.ts";
import { currentYear } from "../../test/template.ts";
import { queryRows } from "../db/client.ts";
import { auditLog, featuredEvent, stateIntro } from "../db/schema/index.ts";
import { browserOf, textOf } from "../organiser/page-test-kit.ts";

let t: TestApp;
let p: Personas;
beforeAll(async () => {
  // The public cache on, as in production: saving must invalidate the state and home pages.
  t = await createTestApp({ PUBLIC_CACHE: "on" });
  p = await createPersonas(t);
});
afterAll(() => t.close());

const as = (name: PersonaName) => browserOf(t.app, p[name].session);
const auditRows = (action: string) => t.database.db.select().from(auditLog).where(eq(auditLog.action, action));
const editionId = async () =>
  (await queryRows<{ id: number }>(t.database.db, sql`select id from edition where year = ${currentYear}`))[0]?.id ?? 0;
const intro = async () =>
  (
    await t.database.db
      .select()
      .from(stateIntro)
      .where(and(eq(stateIntro.editionId, await editionId()), eq(stateIntro.stateCode, "BW")))
  )[0];
const publicGet = (url: string) => t.app.inject({ method: "GET", url });

/** Published events of the current edition that belong to a Land by the review rule. */
const publishedIn = (stateCode: string) =>
  queryRows<{ id: number; title_de: string }>(
    t.database.db,
    sql`select e.id, e.title_de from event e join organisation o on o.id = e.organisation_id join edition ed on ed.id = e.edition_id
        where ed.year = ${currentYear} and e.status = 'published' and e.revision_of is null
          and (case when e.state_code in ('online', 'international') then o.state_code else e.state_code end) = ${stateCode}
        order by e.starts_at, e.id`,
  );

const expectedBw: Record<PersonaName, number> = {
  anonymous: 303,
  organiserA: 404,
  organiserB: 404,
  coordinatorOther: 404,
  coordinator: 200,
  editor: 200,
  admin: 200,
};

describe("who may edit a Land page's intro and featured events", () => {
  it.each(["/mein-bereich/land/BW/seite", "/mein-bereich/land/BW/hervorgehoben"])("answers %s per persona", async (url) => {
    for (const name of personaNames) {
      expect((await as(name).get(url)).statusCode, `${name} GET ${url}`).toBe(expectedBw[name]);
    }
  });

  it("lets only editors and admins choose the home page's featured events", async () => {
    const expected: Record<PersonaName, number> = { ...expectedBw, coordinator: 404 };
    for (const name of personaNames) {
      expect((await as(name).get("/mein-bereich/startseite/hervorgehoben")).statusCode, name).toBe(expected[name]);
    }
    const [first] = await publishedIn("BW");
    const refused = await as("coordinator").post("/mein-bereich/startseite/hervorgehoben", { eventIds: [first?.id] });
    expect(refused.statusCode).toBe(404);
    expect(await t.database.db.select().from(featuredEvent).where(eq(featuredEvent.scope, "home"))).toEqual([]);
  });

  it("refuses another Land's coordinator on every action, and nothing changes", async () => {
    const before = await intro();
    expect(
      (await as("coordinatorOther").post("/mein-bereich/land/BW/seite", { introDe: "X", introEn: "", action: "save" })).statusCode,
    ).toBe(404);
    expect(
      (await as("coordinatorOther").post("/mein-bereich/land/BW/seite", { introDe: "X", introEn: "", action: "preview" })).statusCode,
    ).toBe(404);
    const [first] = await publishedIn("BW");
    expect((await as("coordinatorOther").post("/mein-bereich/land/BW/hervorgehoben", { eventIds: [first?.id] })).statusCode).toBe(404);
    expect(await intro()).toEqual(before);
    expect(await t.database.db.select().from(featuredEvent).where(eq(featuredEvent.scope, "BW"))).toEqual([]);
  });
});

describe("the intro of a Land page", () => {
  it("previews sanitised Markdown without saving, then saves German and English and the public page shows it at once", async () => {
    const before = await intro();
    // Fill the public cache first.
    await publicGet("/laender/bw");
    expect((await publicGet("/laender/bw")).headers["x-cache"]).toBe("hit");

    const typed = { introDe: 'Willkommen in **Baden-Württemberg** <script>alert("x")</script>', introEn: "Welcome to *Baden-Württemberg*" };
    const preview = await as("coordinator").post("/mein-bereich/land/BW/seite", { ...typed, action: "preview" });
    expect(preview.statusCode).toBe(200);
    const section = parseHtml(preview.body).querySelector(".intro-preview");
    expect(section?.querySelector("strong")?.textContent).toBe("Baden-Württemberg");
    expect(section?.querySelector("em")?.textContent).toBe("Baden-Württemberg");
    expect(section?.innerHTML).not.toContain("<script");
    expect(parseHtml(preview.body).querySelector("textarea[name=introDe]")?.textContent).toBe(typed.introDe);
    expect(await intro()).toEqual(before);
    expect(await auditRows("state_intro.update")).toEqual([]);

    const saved = await as("coordinator").post("/mein-bereich/land/BW/seite", { ...typed, action: "save" });
    expect(saved.statusCode).toBe(303);
    expect(textOf((await as("coordinator").get(saved.headers.location as string)).body)).toContain("Die Einleitung wurde gespeichert.");
    expect(await intro()).toMatchObject(typed);
    const ms = await within(2000, t.app, "/laender/bw", (body) => body.includes("Willkommen in <strong>Baden-Württemberg</strong>"));
    expect(ms).toBeLessThan(2000);
    const page = (await publicGet("/laender/bw")).body;
    expect(page).not.toContain('alert("x")');
    expect((await publicGet("/laender/bw?lang=en")).body).toContain("Welcome to <em>Baden-Württemberg</em>");
    const [audit] = await auditRows("state_intro.update");
    expect(audit).toMatchObject({
      actorId: p.coordinator.user?.id,
      stateCode: "BW",
      objectType: "state_intro",
      objectId: `${currentYear}:BW`,
    });
    expect(audit?.after).toEqual(typed);
  });

  it("refuses an oversized or malformed intro with a message at the field and keeps the stored one", async () => {
    const before = await intro();
    for (const form of [
      { introDe: "x".repeat(20_001), introEn: "", action: "save" },
      { introDe: "x".repeat(20_001), introEn: "", action: "preview" },
      { introDe: ["a", "b"], introEn: "", action: "save" },
    ]) {
      const response = await as("editor").post("/mein-bereich/land/BW/seite", form);
      expect(response.statusCode).toBe(422);
      expect(parseHtml(response.body).querySelector('.error-summary a[href="#field-introDe"]')).not.toBeNull();
    }
    expect(await intro()).toEqual(before);
  });
});

describe("featured events", () => {
  it("lets a coordinator feature published events of the Land; the state page shows them at once", async () => {
    const bw = await publishedIn("BW");
    const [a, b] = bw.slice(-2);
    if (!a || !b) throw new Error("too few BW events");
    await publicGet("/laender/bw");
    const form = parseHtml((await as("coordinator").get("/mein-bereich/land/BW/hervorgehoben")).body);
    expect(form.querySelectorAll("input[name=eventIds]")).toHaveLength(bw.length);

    const response = await as("coordinator").post("/mein-bereich/land/BW/hervorgehoben", { eventIds: [b.id, a.id] });
    expect(response.statusCode).toBe(303);
    await within(2000, t.app, "/laender/bw", (body) => body.includes('id="featured-title"'));
    const featured = parseHtml((await publicGet("/laender/bw")).body).querySelector(".featured-events");
    expect(featured?.querySelectorAll("li")).toHaveLength(2);
    expect(featured?.textContent).toContain(a.title_de);
    expect(featured?.textContent).toContain(b.title_de);
    const checked = parseHtml((await as("coordinator").get("/mein-bereich/land/BW/hervorgehoben")).body).querySelectorAll(
      "input[name=eventIds][checked]",
    );
    expect([...checked].map((c) => Number(c.getAttribute("value"))).sort()).toEqual([a.id, b.id].sort());
    const [audit] = await auditRows("featured.update");
    expect(audit).toMatchObject({ stateCode: "BW", objectType: "featured", objectId: `${currentYear}:BW`, after: [b.id, a.id] });

    // Unticking all removes them.
    expect((await as("coordinator").post("/mein-bereich/land/BW/hervorgehoben", {})).statusCode).toBe(303);
    await within(2000, t.app, "/laender/bw", (body) => !body.includes('id="featured-title"'));
  });

  it("refuses events of another Land, unpublished ones, too many and malformed ids; nothing of the choice is saved", async () => {
    const [bwEvent, ...more] = await publishedIn("BW");
    const [byEvent] = await publishedIn("BY");
    const [draft] = await queryRows<{ id: number }>(
      t.database.db,
      sql`select e.id from event e join edition ed on ed.id = e.edition_id where ed.year = ${currentYear} and e.status = 'draft' and e.state_code = 'BW' limit 1`,
    );
    if (!bwEvent || !byEvent) throw new Error("no events");
    const cases: [unknown[], string][] = [
      [[bwEvent.id, byEvent.id], "Nur veröffentlichte Veranstaltungen dieses Bereichs können hervorgehoben werden."],
      [[bwEvent.id, draft?.id ?? 999_999], "Nur veröffentlichte Veranstaltungen dieses Bereichs können hervorgehoben werden."],
      [[bwEvent.id, ...more.slice(0, 6).map((e) => e.id)], "Bitte höchstens 6 Veranstaltungen wählen."],
      [["1 or 1=1"], "Dieser Wert ist ungültig."],
    ];
    for (const [eventIds, message] of cases) {
      const response = await as("coordinator").post("/mein-bereich/land/BW/hervorgehoben", { eventIds });
      expect(response.statusCode).toBe(422);
      expect(parseHtml(response.body).querySelector(".error-summary")?.textContent).toContain(message);
    }
    expect(await t.database.db.select().from(featuredEvent).where(eq(featuredEvent.scope, "BW"))).toEqual([]);
  });

  it("lets an editor feature any published events on the home page, which shows them at once", async () => {
    const [bw] = await publishedIn("BW");
    const [by] = await publishedIn("BY");
    if (!bw || !by) throw new Error("no events");
    await publicGet("/");
    expect((await as("editor").post("/mein-bereich/startseite/hervorgehoben", { eventIds: [bw.id, by.id] })).statusCode).toBe(303);
    await within(2000, t.app, "/", (body) => body.includes('id="featured-title"'));
    const featured = parseHtml((await publicGet("/?lang=en")).body).querySelector(".featured-events");
    expect(featured?.querySelector("h2")?.textContent).toBe("Featured");
    expect(featured?.querySelectorAll("li")).toHaveLength(2);
    const [audit] = await auditRows("featured.update").then((rows) => rows.filter((r) => r.objectId === `${currentYear}:home`));
    expect(audit).toMatchObject({ stateCode: null, actorId: p.editor.user?.id });
  });
});
