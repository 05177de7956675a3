import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { createPersonas, type PersonaName, type Personas } from "../../test/personas.ts";
import { auditLog, page, pageRevision } from "../db/schema/index.ts";
import { browserOf, textOf } from "../organiser/page-test-kit.ts";
import { findPage } from "./page-queries.ts";

const admin = "/mein-bereich/seiten";
let t: TestApp;
let p: Personas;
beforeAll(async () => {
  t = await createTestApp();
  p = await createPersonas(t);
});
afterAll(() => t.close());

const as = (name: PersonaName) => browserOf(t.app, p[name].session);
const pageRow = async (slug: string) => {
  const row = await findPage(t.database.db, slug);
  if (!row) throw new Error(`no page ${slug}`);
  return row;
};
const auditOf = (slug: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.objectType, "page"), eq(auditLog.objectId, slug)));
const revisionsOf = (id: number) => t.database.db.select().from(pageRevision).where(eq(pageRevision.pageId, id));
const form = (over: Record<string, unknown> = {}) => ({
  titleDe: "Impressum",
  titleEn: "Imprint",
  bodyDe: "Geschäftsstelle, Musterstraße 1",
  bodyEn: "National office, Musterstraße 1",
  action: "save",
  ...over,
});

describe("legal pages from the first start", () => {
  it("exist with demo text that says so, in German and English, including the about page", async () => {
    for (const path of ["/impressum", "/datenschutz", "/barrierefreiheit", "/ueber-uns"]) {
      const de = await t.app.inject(path);
      expect(de.statusCode, path).toBe(200);
      expect(textOf(de.body), path).toContain("Demo-Text: Diese Seite enthält noch den mitgelieferten Beispieltext");
      const en = await t.app.inject(`${path}?lang=en`);
      expect(textOf(en.body), path).toContain("Demo text: this page still holds the sample text");
    }
    expect(parseHtml((await t.app.inject("/ueber-uns?lang=en")).body).querySelector("h1")?.textContent).toBe("About the Clusterwoche");
  });
});

describe("pages back office: who may use it", () => {
  it("sends anonymous visitors to the login and answers 404 to organisers and coordinators on every route", async () => {
    const imprint = await pageRow("impressum");
    const routes = [admin, `${admin}/neu`, `${admin}/${imprint.id}`, `${admin}/${imprint.id}/versionen`];
    for (const path of routes) {
      const anonymous = await as("anonymous").get(path);
      expect(anonymous.statusCode, path).toBe(303);
      expect(anonymous.headers.location).toBe(`/anmelden?next=${encodeURIComponent(path)}`);
    }
    for (const name of ["organiserA", "organiserB", "coordinator", "coordinatorOther"] as const) {
      for (const path of routes) expect((await as(name).get(path)).statusCode, `${name} ${path}`).toBe(404);
      expect((await as(name).post(`${admin}/${imprint.id}`, form({ version: imprint.version }))).statusCode, name).toBe(404);
      expect((await as(name).post(`${admin}/neu`, form({ slug: "x-page", published: "on" }))).statusCode, name).toBe(404);
      expect((await as(name).post(`${admin}/${imprint.id}/versionen`, { revision: 1, version: 1 })).statusCode, name).toBe(404);
    }
    expect((await pageRow("impressum")).version).toBe(imprint.version);
    expect(await findPage(t.database.db, "x-page")).toBeUndefined();
  });

  it("lists every page for editors and admins, in German and English, and the navigation leads there", async () => {
    const list = await as("editor").get(admin);
    expect(list.statusCode).toBe(200);
    expect(list.headers["cache-control"]).toBe("private, no-store");
    const doc = parseHtml(list.body);
    const rows = [...doc.querySelectorAll(".page-row")].map((r) => r.textContent ?? "");
    expect(rows.some((r) => r.includes("/impressum") && r.includes("Demo-Text"))).toBe(true);
    expect(doc.querySelector(`.area-nav a[href="${admin}"]`)?.getAttribute("aria-current")).toBe("page");
    const english = await as("admin").get(`${admin}?lang=en`);
    expect(parseHtml(english.body).querySelector("h1")?.textContent).toBe("Pages");
    expect(parseHtml((await as("coordinator").get("/mein-bereich")).body).querySelector(`.area-nav a[href="${admin}"]`)).toBeNull();
  });

  it("answers 404 for a page that does not exist", async () => {
    expect((await as("editor").get(`${admin}/999999`)).statusCode).toBe(404);
    expect((await as("editor").get(`${admin}/abc`)).statusCode).toBe(404);
    expect((await as("editor").post(`${admin}/999999`, form({ version: 1 }))).statusCode).toBe(404);
  });
});

describe("editing a page", () => {
  it("previews without saving, then saves a new version with its revision and audit row; script comes out sanitised", async () => {
    const before = await pageRow("impressum");
    const hostile = "Kontakt <script>alert(1)</script> [klick](javascript:alert(2)) **fett**";
    const preview = await as("editor").post(`${admin}/${before.id}`, form({ version: before.version, bodyDe: hostile, action: "preview" }));
    expect(preview.statusCode).toBe(200);
    const previewDoc = parseHtml(preview.body);
    expect(previewDoc.querySelector(".page-preview strong")?.textContent).toBe("fett");
    expect(previewDoc.querySelector(".page-preview script")).toBeNull();
    expect(previewDoc.querySelector(".page-preview a")).toBeNull();
    expect((await pageRow("impressum")).version).toBe(before.version);

    const saved = await as("editor").post(`${admin}/${before.id}`, form({ version: before.version, bodyDe: hostile }));
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${admin}/${before.id}?notice=pageSaved`);
    const after = await pageRow("impressum");
    expect(after).toMatchObject({ version: before.version + 1, demo: false, bodyDe: hostile, published: true });
    const [revision] = await revisionsOf(before.id);
    expect(revision).toMatchObject({ version: after.version, bodyDe: hostile, savedById: p.editor.user?.id, savedByName: "Editor" });
    const [audit] = await auditOf("impressum");
    expect(audit).toMatchObject({ action: "page.update", actorName: "Editor", stateCode: null });
    expect(audit?.before).toMatchObject({ bodyDe: before.bodyDe });

    const publicPage = await t.app.inject("/impressum");
    expect(publicPage.body).not.toContain("<script>alert(1)");
    expect(parseHtml(publicPage.body).querySelector(".prose a")).toBeNull();
    expect(textOf(publicPage.body)).not.toContain("Demo-Text");
    expect(parseHtml(publicPage.body).querySelector(".prose strong")?.textContent).toBe("fett");
    expect(textOf((await t.app.inject("/impressum?lang=en")).body)).toContain("National office, Musterstraße 1");
  });

  it("answers 409 with the typed input when someone else saved in between, and overwrites nothing", async () => {
    const before = await pageRow("datenschutz");
    expect((await as("admin").post(`${admin}/${before.id}`, form({ version: before.version, titleDe: "Datenschutz A" }))).statusCode).toBe(
      303,
    );
    const stale = await as("editor").post(`${admin}/${before.id}`, form({ version: before.version, titleDe: "Datenschutz B" }));
    expect(stale.statusCode).toBe(409);
    const doc = parseHtml(stale.body);
    expect(doc.querySelector('[role="alert"]')?.textContent).toContain(`Version ${before.version + 1}`);
    expect(doc.querySelector<HTMLInputElement>("#field-titleDe")?.value).toBe("Datenschutz B");
    expect((await pageRow("datenschutz")).titleDe).toBe("Datenschutz A");
    expect((await as("editor").post(`${admin}/${before.id}`, form({ version: "x" }))).statusCode).toBe(409);
  });

  it("refuses an empty title, an oversized body and wrongly typed fields with 422 at the field, writing nothing", async () => {
    const before = await pageRow("barrierefreiheit");
    const empty = await as("editor").post(`${admin}/${before.id}`, form({ version: before.version, titleEn: "  " }));
    expect(empty.statusCode).toBe(422);
    const doc = parseHtml(empty.body);
    expect(doc.querySelector(".error-summary")?.textContent).toContain("Titel (Englisch)");
    expect(doc.querySelector("#field-titleEn")?.getAttribute("aria-invalid")).toBe("true");
    const big = await as("editor").post(`${admin}/${before.id}`, form({ version: before.version, bodyDe: "x".repeat(50_001) }));
    expect(big.statusCode).toBe(422);
    expect(parseHtml(big.body).querySelector(".error-summary")?.textContent).toContain("zu lang");
    const typed = await as("editor").post(`${admin}/${before.id}`, {
      version: before.version,
      titleDe: ["a", "b"],
      titleEn: "x",
      action: "save",
    });
    expect(typed.statusCode).toBe(422);
    expect(await pageRow("barrierefreiheit")).toMatchObject({ version: before.version, titleDe: before.titleDe });
    expect(await revisionsOf(before.id)).toEqual([]);
  });

  it("lists versions and restores an earlier one as a new version, audited", async () => {
    const row = await pageRow("ueber-uns");
    const save = (version: number, bodyDe: string) =>
      as("editor").post(`${admin}/${row.id}`, form({ version, titleDe: "Über uns", titleEn: "About", bodyDe }));
    expect((await save(row.version, "Erste Fassung")).statusCode).toBe(303);
    expect((await save(row.version + 1, "Zweite Fassung")).statusCode).toBe(303);
    const history = await as("editor").get(`${admin}/${row.id}/versionen`);
    expect(history.statusCode).toBe(200);
    const entries = [...parseHtml(history.body).querySelectorAll(".revision")];
    expect(entries).toHaveLength(2);
    expect(entries[0]?.textContent).toContain("aktuell");

    const stale = await as("editor").post(`${admin}/${row.id}/versionen`, { revision: row.version + 1, version: row.version + 1 });
    expect(stale.statusCode).toBe(409);
    expect((await as("editor").post(`${admin}/${row.id}/versionen`, { revision: 77, version: row.version + 2 })).statusCode).toBe(404);
    const restored = await as("editor").post(`${admin}/${row.id}/versionen`, { revision: row.version + 1, version: row.version + 2 });
    expect(restored.statusCode).toBe(303);
    expect(await pageRow("ueber-uns")).toMatchObject({ version: row.version + 3, bodyDe: "Erste Fassung" });
    const audits = await auditOf("ueber-uns");
    expect(audits.map((a) => a.action).sort()).toEqual(["page.restore", "page.update", "page.update"]);
    const restoredRow = (await revisionsOf(row.id)).find((r) => r.version === row.version + 3);
    expect(restoredRow?.restoredFrom).toBe(row.version + 1);
  });
});

describe("free pages", () => {
  it("creates a draft that is not public, then publishes it at /seiten/:slug", async () => {
    const created = await as("editor").post(`${admin}/neu`, form({ slug: "Grusswort-Messe", edition: "", titleDe: "Messe-Grußwort" }));
    expect(created.statusCode).toBe(303);
    const row = await pageRow("grusswort-messe");
    expect(row).toMatchObject({ published: false, version: 1, editionId: null });
    expect(created.headers.location).toBe(`${admin}/${row.id}?notice=pageCreated`);
    expect((await t.app.inject("/seiten/grusswort-messe")).statusCode).toBe(404);
    const [audit] = await auditOf("grusswort-messe");
    expect(audit?.action).toBe("page.create");

    expect(
      (await as("editor").post(`${admin}/${row.id}`, form({ version: 1, titleDe: "Messe-Grußwort", published: "on" }))).statusCode,
    ).toBe(303);
    const live = await t.app.inject("/seiten/grusswort-messe");
    expect(live.statusCode).toBe(200);
    expect(parseHtml(live.body).querySelector("h1")?.textContent).toBe("Messe-Grußwort");
    expect((await t.app.inject("/seiten/impressum")).headers.location).toBe("/impressum");
    expect((await t.app.inject("/seiten/gibt-es-nicht")).statusCode).toBe(404);
  });

  it("ties a page to an edition, and refuses bad, fixed and taken addresses and unknown editions", async () => {
    const [edition] = await t.database.db.query.edition.findMany({ limit: 1 });
    const year = edition?.year ?? 0;
    const created = await as("admin").post(
      `${admin}/neu`,
      form({ slug: "programmheft", edition: year, published: "on", titleDe: "Programmheft" }),
    );
    expect(created.statusCode).toBe(303);
    expect((await pageRow("programmheft")).editionId).toBe(edition?.id);
    expect(textOf((await t.app.inject("/seiten/programmheft")).body)).toContain(`Clusterwoche ${year}`);

    const count = async () => (await t.database.db.select({ id: page.id }).from(page)).length;
    const before = await count();
    for (const [slug, editionYear, field, message] of [
      ["programmheft", "", "slug", "schon vergeben"],
      ["impressum", "", "slug", "schon vergeben"],
      ["mit leerzeichen", "", "slug", "Kleinbuchstaben"],
      ["<script>", "", "slug", "Kleinbuchstaben"],
      ["neue-seite", "1999", "edition", "Eintrag aus der Liste"],
      ["neue-seite", "2099", "edition", "Eintrag aus der Liste"],
    ] as const) {
      const refused = await as("editor").post(`${admin}/neu`, form({ slug, edition: editionYear }));
      expect(refused.statusCode, slug).toBe(422);
      const doc = parseHtml(refused.body);
      expect(doc.querySelector(`#field-${field}`)?.getAttribute("aria-invalid"), slug).toBe("true");
      expect(doc.querySelector(".error-summary")?.textContent, slug).toContain(message);
    }
    expect(await count()).toBe(before);
  });
});
