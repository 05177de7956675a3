import { and, eq, ne } from "drizzle-orm";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { createPersonas, type PersonaName, type Personas } from "../../test/personas.ts";
import { ApiError } from "../api/api.schemas.ts";
import { NewsBody, NewsList } from "../api/news.schemas.ts";
import { auditLog, edition, newsItem, pressContact } from "../db/schema/index.ts";
import { currentEdition } from "../organiser/current-edition.ts";
import { browserOf, textOf } from "../organiser/page-test-kit.ts";

const admin = "/mein-bereich/aktuelles";
const contacts = `${admin}/pressekontakte`;
const now = new Date("2026-12-07T12:00:00Z");
let t: TestApp;
let p: Personas;
let year = 0;
beforeAll(async () => {
  t = await createTestApp({}, undefined, { clock: () => now });
  p = await createPersonas(t);
  year = (await currentEdition(t.database.db))?.year ?? 0;
});
afterAll(() => t.close());

const as = (name: PersonaName) => browserOf(t.app, p[name].session);
const fields = (over: Record<string, string> = {}): Record<string, string> => ({
  edition: String(year),
  titleDe: "Programm steht",
  titleEn: "Programme is out",
  summaryDe: "Über 200 Veranstaltungen.",
  bodyDe: "Text",
  publishDay: "2026-12-07",
  publishTime: "10:00",
  ...over,
});
/** A multipart form as a browser sends it, with an optional file in `pdf`. */
function multipart(
  session: Personas[PersonaName]["session"],
  values: Record<string, string>,
  file?: { data: Buffer; name: string; type: string },
) {
  const data = new FormData();
  data.append("_csrf", session.csrf);
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  if (file) data.append("pdf", new Blob([new Uint8Array(file.data)], { type: file.type }), file.name);
  return data;
}
const post = (who: PersonaName, url: string, values: Record<string, string>, file?: { data: Buffer; name: string; type: string }) =>
  t.app.inject({ method: "POST", url, headers: { cookie: p[who].session.cookie }, payload: multipart(p[who].session, values, file) });
const rowOf = async (slug: string) => (await t.database.db.select().from(newsItem).where(eq(newsItem.slug, slug)))[0];
const auditOf = (slug: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.objectType, "news_item"), eq(auditLog.objectId, slug)));

async function samplePdf(): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  document.addPage([595, 842]).drawText("Pressemitteilung", { x: 60, y: 760, size: 24, font });
  return Buffer.from(await document.save());
}

describe("news back office: who may use it", () => {
  it("sends anonymous visitors to the login and answers 404 to organisers and coordinators on every route", async () => {
    const routes = [admin, `${admin}/neu`, `${admin}/1`, contacts];
    for (const path of routes) {
      const anonymous = await as("anonymous").get(path);
      expect(anonymous.statusCode, path).toBe(303);
      expect(anonymous.headers.location).toBe(`/anmelden?next=${encodeURIComponent(path)}`);
    }
    for (const name of ["organiserA", "organiserB", "coordinator", "coordinatorOther"] as const) {
      for (const path of routes) expect((await as(name).get(path)).statusCode, `${name} ${path}`).toBe(404);
      expect((await post(name, `${admin}/neu`, fields({ slug: "fremd" }))).statusCode, name).toBe(404);
      expect((await as(name).post(contacts, { edition: year, name: "X" })).statusCode, name).toBe(404);
      expect((await as(name).post(`${contacts}/1/entfernen`)).statusCode, name).toBe(404);
    }
    expect(await rowOf("fremd")).toBeUndefined();
    expect(await t.database.db.select().from(pressContact)).toEqual([]);
  });

  it("shows editors and admins the list and form in German and English, linked from the navigation", async () => {
    const list = await as("editor").get(admin);
    expect(list.statusCode).toBe(200);
    expect(parseHtml(list.body).querySelector(`.area-nav a[href="${admin}"]`)?.getAttribute("aria-current")).toBe("page");
    const form = await as("admin").get(`${admin}/neu?lang=en`);
    expect(form.statusCode).toBe(200);
    const doc = parseHtml(form.body);
    expect(doc.querySelector("h1")?.textContent).toBe("New item");
    expect(doc.querySelector<HTMLInputElement>("#field-publishDay")?.value).toBe("2026-12-07");
    expect(doc.querySelector<HTMLInputElement>("#field-publishTime")?.value).toBe("13:00");
    expect((await as("editor").get(`${admin}/999999`)).statusCode).toBe(404);
  });
});

describe("writing news", () => {
  it("creates an item with a press release PDF; script in the text comes out sanitised; audited", async () => {
    const pdf = await samplePdf();
    const created = await post(
      "editor",
      `${admin}/neu`,
      fields({ slug: "programm-steht", press: "on", bodyDe: "Siehe <script>alert(1)</script> <img src=x onerror=alert(2)> **Programm**" }),
      { data: pdf, name: "pm.pdf", type: "application/pdf" },
    );
    expect(created.statusCode, created.body.slice(0, 500)).toBe(303);
    const row = await rowOf("programm-steht");
    expect(row).toMatchObject({ press: true, pdfBytes: pdf.length, pdfPages: 1, version: 1 });
    expect(row?.releasedAt).toEqual(now);
    expect(row?.pdfPath).toMatch(/^\/uploads\/.+\.pdf$/);
    const [audit] = await auditOf("programm-steht");
    expect(audit).toMatchObject({ action: "news.create", actorName: "Editor", stateCode: null });

    const page = await t.app.inject("/aktuelles/programm-steht");
    expect(page.statusCode).toBe(200);
    const doc = parseHtml(page.body);
    expect(doc.querySelector(".prose script, .prose img")).toBeNull();
    expect(doc.querySelector(".prose strong")?.textContent).toBe("Programm");
    expect(doc.querySelector(`a[href="${row?.pdfPath}"]`)?.textContent).toContain("PDF");
    expect((await t.app.inject(row?.pdfPath ?? "")).headers["content-type"]).toContain("application/pdf");
  });

  it("refuses an executable named .pdf and an oversized file, writing nothing", async () => {
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(2000, 1)]);
    const exe = await post("editor", `${admin}/neu`, fields({ slug: "exe" }), { data: elf, name: "pm.pdf", type: "application/pdf" });
    expect(exe.statusCode).toBe(422);
    expect(parseHtml(exe.body).querySelector(".error-summary")?.textContent).toContain("kein");
    const fake = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.from("MZ this is no pdf")]);
    expect(
      (await post("editor", `${admin}/neu`, fields({ slug: "exe" }), { data: fake, name: "pm.pdf", type: "application/pdf" })).statusCode,
    ).toBe(422);
    const big = Buffer.concat([await samplePdf(), Buffer.alloc(10 * 1024 * 1024 + 1)]);
    const oversized = await post("editor", `${admin}/neu`, fields({ slug: "exe" }), { data: big, name: "pm.pdf", type: "application/pdf" });
    expect([413, 422]).toContain(oversized.statusCode);
    expect(await rowOf("exe")).toBeUndefined();
  });

  it("refuses missing titles, bad times, unknown editions, bad and taken addresses with 422 at the field", async () => {
    for (const [over, field] of [
      [{ slug: "ok-1", titleDe: " " }, "titleDe"],
      [{ slug: "ok-1", publishTime: "25:00" }, "publishTime"],
      [{ slug: "ok-1", publishDay: "morgen" }, "publishDay"],
      [{ slug: "ok-1", edition: "1999" }, "edition"],
      [{ slug: "Mit Leerzeichen" }, "slug"],
      [{ slug: "programm-steht" }, "slug"],
      [{ slug: "ok-1", titleDe: "x".repeat(201) }, "titleDe"],
    ] as const) {
      const refused = await post("editor", `${admin}/neu`, fields(over));
      expect(refused.statusCode, JSON.stringify(over)).toBe(422);
      expect(parseHtml(refused.body).querySelector(".error-summary a")?.getAttribute("href"), JSON.stringify(over)).toBe(`#field-${field}`);
    }
    expect(await rowOf("ok-1")).toBeUndefined();
  });

  it("saves with a version check (409 when stale), moves an item back under embargo, removes its PDF", async () => {
    const row = await rowOf("programm-steht");
    if (!row) throw new Error("no item");
    const later = fields({ publishDay: "2026-12-24", publishTime: "09:00", press: "on", removePdf: "on", version: String(row.version) });
    const saved = await post("admin", `${admin}/${row.id}`, later);
    expect(saved.statusCode).toBe(303);
    expect(await rowOf("programm-steht")).toMatchObject({
      version: 2,
      releasedAt: null,
      pdfPath: null,
      publishAt: new Date("2026-12-24T08:00:00Z"),
    });
    expect((await t.app.inject("/aktuelles/programm-steht")).statusCode).toBe(404);
    expect(textOf((await as("editor").get(admin)).body)).toContain("Sperrfrist bis");

    const stale = await post("editor", `${admin}/${row.id}`, fields({ titleDe: "Zu spät", version: String(row.version) }));
    expect(stale.statusCode).toBe(409);
    expect(parseHtml(stale.body).querySelector<HTMLInputElement>("#field-titleDe")?.value).toBe("Zu spät");
    expect((await rowOf("programm-steht"))?.titleDe).toBe("Programm steht");
    expect((await auditOf("programm-steht")).map((a) => a.action).sort()).toEqual(["news.create", "news.update"]);
  });
});

describe("press contacts", () => {
  it("are added and removed by editors, shown on /presse, audited; bad input is 422", async () => {
    const refused = await as("editor").post(contacts, { edition: year, name: "", email: "kein-mail" });
    expect(refused.statusCode).toBe(422);
    const added = await as("editor").post(contacts, {
      edition: year,
      name: "Erika Muster",
      roleDe: "Pressesprecherin",
      email: "presse@clusterwoche.example",
    });
    expect(added.statusCode).toBe(303);
    const press = await t.app.inject("/presse");
    expect(textOf(press.body)).toContain("Erika Muster, Pressesprecherin");
    const [row] = await t.database.db.select().from(pressContact);
    expect((await as("editor").post(`${contacts}/999999/entfernen`)).statusCode).toBe(404);
    expect((await as("admin").post(`${contacts}/${row?.id}/entfernen`)).statusCode).toBe(303);
    expect(textOf((await t.app.inject("/presse")).body)).not.toContain("Erika Muster");
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.objectType, "press_contact"));
    expect(audits.map((a) => a.action).sort()).toEqual(["press_contact.add", "press_contact.remove"]);
  });
});

describe("news API", () => {
  it("honours its filters: edition gives only that edition's items, press=true only press releases", async () => {
    const db = t.database.db;
    const [other] = await db.select({ id: edition.id, year: edition.year }).from(edition).where(ne(edition.year, year)).limit(1);
    const current = (await currentEdition(db))?.id ?? 0;
    await db.insert(newsItem).values([
      { editionId: current, slug: "filter-presse", titleDe: "Filter Presse", press: true, publishAt: now },
      { editionId: current, slug: "filter-aktuell", titleDe: "Filter aktuell", publishAt: now },
      { editionId: other?.id ?? 0, slug: "filter-andere-ausgabe", titleDe: "Filter andere Ausgabe", publishAt: now },
    ]);
    const slugs = async (query: string) => NewsList.parse((await t.app.inject(`/api/v1/news?${query}`)).json()).data.map((n) => n.slug);
    const ofYear = await slugs(`edition=${year}`);
    expect(ofYear).toEqual(expect.arrayContaining(["filter-presse", "filter-aktuell"]));
    expect(ofYear).not.toContain("filter-andere-ausgabe");
    expect(await slugs(`edition=${other?.year}`)).toContain("filter-andere-ausgabe");
    const press = NewsList.parse((await t.app.inject(`/api/v1/news?press=true&edition=${year}`)).json()).data;
    expect(press.map((n) => n.slug)).toContain("filter-presse");
    expect(press.every((n) => n.press)).toBe(true);
    expect(await slugs(`press=false&edition=${year}`)).toEqual(expect.arrayContaining(["filter-presse", "filter-aktuell"]));
  });

  it("answers items in the documented shape, 404 for unknown or embargoed ones and 400 for malformed filters", async () => {
    await t.database.db
      .insert(newsItem)
      .values({ editionId: (await currentEdition(t.database.db))?.id ?? 0, slug: "api-frei", titleDe: "API frei", publishAt: now });
    const list = NewsList.parse((await t.app.inject(`/api/v1/news?edition=${year}`)).json());
    expect(list.data.map((n) => n.slug)).toContain("api-frei");
    expect(list.data.map((n) => n.slug)).not.toContain("programm-steht"); // under embargo since the test above
    const one = NewsBody.parse((await t.app.inject("/api/v1/news/api-frei?lang=en")).json());
    expect(one).toMatchObject({ title: "API frei", language: "de", url: "http://localhost:3000/aktuelles/api-frei?lang=en", pdf: null });
    expect((await t.app.inject("/api/v1/news/programm-steht")).statusCode).toBe(404);
    expect((await t.app.inject("/api/v1/news/gibt-es-nicht")).statusCode).toBe(404);
    for (const query of ["edition=abc", "press=vielleicht", "lang=fr"]) {
      const bad = await t.app.inject(`/api/v1/news?${query}`);
      expect(bad.statusCode, query).toBe(400);
      expect(ApiError.parse(bad.json()).error.code).toBe("invalid_parameter");
    }
  });
});
