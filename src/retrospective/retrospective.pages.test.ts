import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { queryRows } from "../db/client.ts";

let t: TestApp;
let editions: { id: number; year: number }[];
beforeAll(async () => {
  // Cached like the other public pages: this file only reads, so the cache stays on.
  t = await createTestApp({ PUBLIC_CACHE: "on" });
  editions = (await queryRows<{ id: number; year: number }>(t.database.db, sql`select id, year from edition order by year`)).map((r) => ({
    id: Number(r.id),
    year: Number(r.year),
  }));
});
afterAll(async () => {
  await t.close();
});

const get = (url: string) => t.app.inject({ method: "GET", url });
const figureOf = (doc: Document, name: string) =>
  Number(doc.querySelector(`[data-figure="${name}"] strong`)?.textContent?.replace(/\D/g, ""));

describe("retrospective page", () => {
  it("exists for every edition, archived ones included, in German and English, publicly cacheable", async () => {
    for (const { year } of editions) {
      for (const lang of ["", "?lang=en"]) {
        const response = await get(`/archiv/${year}/rueckblick${lang}`);
        expect(response.statusCode, `${year}${lang}`).toBe(200);
        expect(response.headers["cache-control"]).toBe("public, max-age=0, must-revalidate");
        expect(response.headers.etag).toBeTruthy();
        expect((await get(`/archiv/${year}/rueckblick${lang}`)).headers["x-cache"]).toBe("hit");
        const h1 = parseHtml(response.body).querySelector("h1")?.textContent;
        expect(h1).toBe(lang ? `Review of ${year}` : `Rückblick ${year}`);
      }
    }
  });

  it("answers 404 for an unknown year or anything that is no year", async () => {
    for (const year of ["1999", "20199", "abc", "%3Cscript%3E"])
      expect((await get(`/archiv/${year}/rueckblick`)).statusCode, year).toBe(404);
  });

  it("computes the key figures from the data, checked against SQL written here", async () => {
    for (const { id, year } of editions) {
      const doc = parseHtml((await get(`/archiv/${year}/rueckblick`)).body);
      const [want] = await queryRows<{ days: number; states: number; events: number; booths: number; partners: number }>(
        t.database.db,
        sql`select (select ends_on - starts_on + 1 from edition where id = ${id})::int as days,
                   (select count(distinct e.state_code) from event e where e.edition_id = ${id} and e.status in ('published', 'cancelled')
                      and e.state_code not in ('online', 'international'))::int as states,
                   (select count(*) from event e where e.edition_id = ${id} and e.status in ('published', 'cancelled'))::int as events,
                   (select count(*) from event e where e.edition_id = ${id} and e.status in ('published', 'cancelled')
                      and e.format_code = 'trade_fair_booth')::int as booths,
                   (select count(distinct c) from event e, unnest(e.partner_countries) c
                      where e.edition_id = ${id} and e.status in ('published', 'cancelled'))::int as partners`,
      );
      expect(figureOf(doc, "days"), `${year} days`).toBe(Number(want?.days));
      expect(figureOf(doc, "states"), `${year} states`).toBe(Number(want?.states));
      expect(figureOf(doc, "events"), `${year} events`).toBe(Number(want?.events));
      expect(figureOf(doc, "booths"), `${year} booths`).toBe(Number(want?.booths));
      expect(figureOf(doc, "partnerCountries"), `${year} partners`).toBe(Number(want?.partners));
    }
  });

  it("charts state, day, format, technology field and attendance mode with the numbers in a table beside each", async () => {
    const { id, year } = editions[editions.length - 1] ?? { id: 0, year: 0 };
    const doc = parseHtml((await get(`/archiv/${year}/rueckblick`)).body);
    const byState = await queryRows<{ k: string; n: number }>(
      t.database.db,
      sql`select state_code as k, count(*)::int as n from event where edition_id = ${id} and status in ('published', 'cancelled') group by 1`,
    );
    for (const r of byState) {
      expect(doc.querySelector(`table[data-chart="retro-state"] tr[data-key="${r.k}"] td`)?.textContent, r.k).toBe(String(r.n));
    }
    for (const chart of ["state", "day", "format", "topic", "mode"]) {
      const section = doc.querySelector(`#retro-${chart}`);
      expect(section?.querySelector("svg.cw-chart[role='img'] title")?.textContent, chart).toBeTruthy();
      expect(section?.querySelectorAll("table tbody tr").length, chart).toBeGreaterThan(0);
    }
  });

  it("is linked from the archive", async () => {
    const doc = parseHtml((await get("/archiv")).body);
    const links = [...doc.querySelectorAll("a")].map((a) => a.getAttribute("href"));
    expect(links.some((href) => /^\/archiv\/\d{4}\/rueckblick$/.test(href ?? ""))).toBe(true);
  });
});
