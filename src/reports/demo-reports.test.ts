import { sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { queryRows } from "../db/client.ts";
import { seedDemoReports } from "./demo-reports.ts";

let t: TestApp;
let seeded: { reports: number; photos: number };
let took = 0;

beforeAll(async () => {
  t = await createTestApp();
  const start = performance.now();
  seeded = await seedDemoReports(t.database.db, t.app.storage);
  took = performance.now() - start;
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: "GET", url });

describe("demo reports (seed step)", () => {
  it("publishes a few reports with generated pictures on 2019 and 2017 events, fast, and only once", async () => {
    expect(seeded).toEqual({ reports: 5, photos: 10 });
    console.info(`demo reports: ${seeded.reports} reports, ${seeded.photos} pictures, 1 PDF in ${Math.round(took)} ms`);
    // Measured 1.7 s for the files alone on an idle process; 6–9 s inside vitest on this shared, loaded machine.
    expect(took).toBeLessThan(30_000);
    expect(await seedDemoReports(t.database.db, t.app.storage)).toEqual({ reports: 0, photos: 0 });
    const [count] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from report where status = 'published'`);
    expect(Number(count?.n)).toBe(5);
  });

  it("shows them in the retrospective of 2019: participants from SQL, gallery with credit and licence, the press release", async () => {
    const doc = parseHtml((await get("/archiv/2019/rueckblick")).body);
    const [want] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select coalesce(sum(r.participant_count), 0)::int as n from report r join event e on e.id = r.event_id
          join edition ed on ed.id = e.edition_id where ed.year = 2019 and r.status = 'published'`,
    );
    expect(Number(want?.n)).toBeGreaterThan(0);
    const figure = doc.querySelector('[data-figure="participants"] strong')?.textContent ?? "";
    expect(Number(figure.replace(/\D/g, ""))).toBe(Number(want?.n));
    const photos = [...doc.querySelectorAll(".gallery figure")];
    expect(photos).toHaveLength(6);
    for (const figureEl of photos) {
      expect(figureEl.querySelector("img")?.getAttribute("alt")).toMatch(/^Generiertes Demobild: /);
      expect(figureEl.querySelector("figcaption")?.textContent).toContain("Grafik: Clusterwoche-Demodaten (generiert), Lizenz: CC0 1.0");
    }
    const press = doc.querySelectorAll(".press-releases li");
    expect(press).toHaveLength(1);
    const pdf = press[0]?.querySelector('a[type="application/pdf"]')?.getAttribute("href") ?? "";
    const preview = press[0]?.querySelector("img")?.getAttribute("src") ?? "";
    // The files are really in the store: a WebP per picture, the PDF and its first-page preview.
    const served = await get(pdf);
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    for (const src of [preview, ...photos.map((f) => f.querySelector("img")?.getAttribute("src") ?? "")]) {
      const image = await get(src);
      expect(image.statusCode, src).toBe(200);
      expect((await sharp(image.rawPayload).metadata()).format, src).toBe("webp");
    }
    const older = parseHtml((await get("/archiv/2017/rueckblick")).body);
    expect(older.querySelectorAll(".gallery figure")).toHaveLength(4);
    expect(older.querySelectorAll(".press-releases li")).toHaveLength(0);
  });

  it("shows each report on its event page", async () => {
    const rows = await queryRows<{ id: number }>(t.database.db, sql`select event_id as id from report where status = 'published'`);
    for (const { id } of rows) {
      let response = await get(`/veranstaltungen/${id}`);
      if (response.statusCode === 301) response = await get(String(response.headers.location));
      const section = parseHtml(response.body).querySelector("section.report");
      expect(section?.querySelectorAll("figure"), String(id)).toHaveLength(2);
      expect(section?.querySelector(".report-participants")?.textContent).toMatch(/Teilnehmende: \d+/);
    }
  });
});
