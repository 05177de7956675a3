import { sql } from "drizzle-orm";
import { XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { queryRows } from "../db/client.ts";
import { newsItem, page } from "../db/schema/index.ts";
import { currentEdition } from "../organiser/current-edition.ts";

const now = new Date("2026-12-07T12:00:00Z");
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, undefined, { clock: () => now });
  const edition = await currentEdition(t.database.db);
  if (!edition) throw new Error("no edition");
  await t.database.db.insert(page).values([
    { slug: "oeffentlich", titleDe: "Ö", titleEn: "P", bodyDe: "", bodyEn: "", published: true },
    { slug: "entwurf", titleDe: "E", titleEn: "D", bodyDe: "", bodyEn: "", published: false },
  ]);
  await t.database.db.insert(newsItem).values([
    { editionId: edition.id, slug: "frei", titleDe: "Frei", publishAt: new Date(now.getTime() - 1000) },
    { editionId: edition.id, slug: "gesperrt", titleDe: "Gesperrt", publishAt: new Date(now.getTime() + 60_000) },
  ]);
});
afterAll(() => t.close());

const base = "http://localhost:3000";

describe("sitemap.xml", () => {
  it("lists public pages, events, organisations, Länder and released news in both languages with hreflang alternates", async () => {
    const response = await t.app.inject("/sitemap.xml");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/xml; charset=utf-8");
    const xml = response.body;
    expect(XMLValidator.validate(xml)).toBe(true);
    for (const path of [
      "/",
      "/programm",
      "/impressum",
      "/ueber-uns",
      "/seiten/oeffentlich",
      "/laender/BW",
      "/aktuelles/frei",
      "/presse",
      "/presse/medienpaket",
    ]) {
      expect(xml, path).toContain(`<loc>${base}${path}</loc>`);
      expect(xml, path).toContain(`<loc>${base}${path}?lang=en</loc>`);
    }
    expect(xml).toContain(`<xhtml:link rel="alternate" hreflang="en" href="${base}/impressum?lang=en"/>`);
    expect(xml).toContain(`<xhtml:link rel="alternate" hreflang="x-default" href="${base}/impressum"/>`);

    const [published] = await queryRows<{ id: number; slug: string }>(
      t.database.db,
      sql`select id, slug from event where status = 'published' limit 1`,
    );
    expect(xml).toContain(`/veranstaltungen/${published?.id}-${published?.slug}</loc>`);
    const hidden = await queryRows<{ id: number }>(t.database.db, sql`select id from event where status not in ('published', 'cancelled')`);
    expect(hidden.length).toBeGreaterThan(0);
    for (const e of hidden) expect(xml).not.toMatch(new RegExp(`/veranstaltungen/${e.id}-`));
    const [org] = await queryRows<{ slug: string }>(
      t.database.db,
      sql`select o.slug from organisation o where exists (select 1 from event e where e.organisation_id = o.id and e.status = 'published') limit 1`,
    );
    expect(xml).toContain(`/organisationen/${org?.slug}</loc>`);
  });

  it("leaves out drafts and news under embargo, and never the signed-in area", async () => {
    const xml = (await t.app.inject("/sitemap.xml")).body;
    expect(xml).not.toContain("/seiten/entwurf");
    expect(xml).not.toContain("/aktuelles/gesperrt");
    expect(xml).not.toContain("/mein-bereich");
  });
});

describe("robots.txt", () => {
  it("allows the public site, keeps crawlers out of the signed-in area and names the sitemap", async () => {
    const response = await t.app.inject("/robots.txt");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(response.body).toContain("User-agent: *\n");
    expect(response.body).toContain("Disallow: /mein-bereich\n");
    expect(response.body).not.toMatch(/^Disallow: \/$/m);
    expect(response.body).toContain(`Sitemap: ${base}/sitemap.xml\n`);
  });
});
