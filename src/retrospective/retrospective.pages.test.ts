import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, within } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { queryRows } from "../db/client.ts";
import { report, reportPhoto } from "../db/schema/index.ts";

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

describe("retrospective: what the reports add", () => {
  /** The newest edition and one of its counted events, with a report written here. */
  async function reportedEvent() {
    const { id, year } = editions[editions.length - 1] ?? { id: 0, year: 0 };
    const [ev] = await queryRows<{ id: number }>(
      t.database.db,
      sql`select e.id from event e where e.edition_id = ${id} and e.status = 'published'
            and not exists (select 1 from report r where r.event_id = e.id) order by e.id limit 1`,
    );
    return { editionId: id, year, eventId: Number(ev?.id) };
  }
  const participantsSql = async (editionId: number) =>
    Number(
      (
        await queryRows<{ n: number }>(
          t.database.db,
          sql`select coalesce(sum(r.participant_count), 0)::int as n from report r, event e
              where e.id = r.event_id and r.status = 'published' and e.edition_id = ${editionId} and e.status in ('published', 'cancelled')`,
        )
      )[0]?.n,
    );
  const participantsShown = async (year: number) => figureOf(parseHtml((await get(`/archiv/${year}/rueckblick`)).body), "participants");

  it("moves the participant figure when a published report's count changes, and drops it when the report is withdrawn", async () => {
    const { editionId, year, eventId } = await reportedEvent();
    const before = await participantsSql(editionId);
    expect(await participantsShown(year)).toBe(before);
    const [row] = await t.database.db.insert(report).values({ eventId, status: "published", participantCount: 40 }).returning();
    if (!row) throw new Error("no report");
    const url = `/archiv/${year}/rueckblick`;
    const shows = (n: number) => (body: string) => figureOf(parseHtml(body), "participants") === n;
    await within(5000, t.app, url, shows(before + 40));
    await t.database.db.update(report).set({ participantCount: 140 }).where(eq(report.id, row.id));
    await within(5000, t.app, url, shows(before + 140));
    expect(await participantsSql(editionId)).toBe(before + 140);
    await t.database.db.update(report).set({ status: "withdrawn" }).where(eq(report.id, row.id));
    await within(5000, t.app, url, shows(before));
    await t.database.db.delete(report).where(eq(report.id, row.id));
  });

  it("shows published reports' photos with credit and licence, and their press releases; never those of unpublished reports", async () => {
    const { year, eventId } = await reportedEvent();
    const [published] = await t.database.db
      .insert(report)
      .values({
        eventId,
        status: "published",
        participantCount: 12,
        pressReleasePath: "/uploads/presse-test.pdf",
        pressReleasePages: 2,
        pressReleaseBytes: 250_000,
      })
      .returning();
    const [other] = await queryRows<{ id: number }>(
      t.database.db,
      sql`select e.id from event e where e.edition_id = (select edition_id from event where id = ${eventId}) and e.status = 'published'
            and e.id <> ${eventId} and not exists (select 1 from report r where r.event_id = e.id) order by e.id limit 1`,
    );
    const [hidden] = await t.database.db
      .insert(report)
      .values({ eventId: Number(other?.id), status: "submitted", pressReleasePath: "/uploads/geheim.pdf" })
      .returning();
    if (!published || !hidden) throw new Error("no report");
    const photo = { width: 800, height: 600, licence: "cc-by-4.0" as const, consentConfirmedAt: new Date() };
    await t.database.db.insert(reportPhoto).values([
      {
        ...photo,
        reportId: published.id,
        path: "/uploads/foto-test.webp",
        altDe: "Publikum im Saal",
        altEn: "Audience",
        credit: "<script>alert(1)</script> Fotostudio",
      },
      { ...photo, reportId: hidden.id, path: "/uploads/foto-geheim.webp", altDe: "Geheim", credit: "Niemand" },
    ]);
    const url = `/archiv/${year}/rueckblick`;
    await within(5000, t.app, url, (body) => body.includes("foto-test.webp"));
    const response = await get(url);
    const doc = parseHtml(response.body);
    const img = doc.querySelector('.gallery img[src="/uploads/foto-test.webp"]');
    expect(img?.getAttribute("alt")).toBe("Publikum im Saal");
    const caption = img?.closest("figure")?.querySelector("figcaption")?.textContent ?? "";
    // The credit as entered (the form asks for "Foto: …"), then the licence's one label (reports.licences).
    expect(caption).toContain("<script>alert(1)</script> Fotostudio, Lizenz: CC BY 4.0");
    expect(caption).not.toContain("Foto: ");
    expect(response.body).not.toContain("<script>alert(1)");
    expect(doc.querySelector('.press-releases a[href="/uploads/presse-test.pdf"]')).not.toBeNull();
    expect(response.body).not.toContain("foto-geheim.webp");
    expect(response.body).not.toContain("geheim.pdf");
    const english = parseHtml((await get(`${url}?lang=en`)).body);
    expect(english.querySelector('.gallery img[src="/uploads/foto-test.webp"]')?.getAttribute("alt")).toBe("Audience");
    await t.database.db.delete(report).where(eq(report.id, published.id));
    await t.database.db.delete(report).where(eq(report.id, hidden.id));
  });
});
