import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { cspDirectives, effectiveSources } from "../../test/csp.ts";
import { parseHtml } from "../../test/html.ts";
import { EventList } from "../api/events.schemas.ts";
import { queryRows } from "../db/client.ts";
import { formatSpan } from "../lib/format-date.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const get = (url: string) => t.app.inject({ method: "GET", url });

async function apiEvents(query: string) {
  const res = await get(`/api/v1/events?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return EventList.parse(res.json());
}

describe("GET /embed/events", () => {
  it("lists the first ten events of a state, as the API does, linking to our event pages in the whole window", async () => {
    const res = await get("/embed/events?state=BW");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    const api = await apiEvents("state=BW&pageSize=10");
    const doc = parseHtml(res.body);
    expect(doc.documentElement.getAttribute("lang")).toBe("de");
    const items = [...doc.querySelectorAll(".embed-item")];
    expect(items).toHaveLength(10);
    expect(items.map((li) => li.querySelector(".embed-item-title")?.textContent?.trim())).toEqual(api.data.map((e) => e.title));
    const links = items.map((li) => li.querySelector(".embed-item-title a"));
    expect(links.map((a) => a?.getAttribute("href"))).toEqual(api.data.map((e) => e.links.page));
    for (const a of links) expect(a?.getAttribute("target")).toBe("_top");
    expect(items.map((li) => li.querySelector("time")?.getAttribute("datetime"))).toEqual(
      api.data.map((e) => new Date(e.startsAt).toISOString()),
    );
    // Dates in Berlin time, as on the event pages.
    expect(items.map((li) => li.querySelector("time")?.textContent)).toEqual(
      api.data.map((e) => formatSpan("de", new Date(e.startsAt), new Date(e.endsAt), e.allDay)),
    );
    const more = doc.querySelector(".embed-more a");
    expect(more?.getAttribute("href")).toBe("http://localhost:3000/programm?state=BW");
    expect(more?.getAttribute("target")).toBe("_top");
    expect(more?.textContent).toContain(`Alle ${api.meta.total} Veranstaltungen`);
    expect(doc.querySelectorAll("script")).toHaveLength(0);
  });

  it("shows format names and places in the reader's language and keeps lang=en in links", async () => {
    const res = await get("/embed/events?state=BW&format=workshop&limit=3&lang=en");
    expect(res.statusCode).toBe(200);
    const doc = parseHtml(res.body);
    expect(doc.documentElement.getAttribute("lang")).toBe("en");
    const items = [...doc.querySelectorAll(".embed-item")];
    const api = await apiEvents("state=BW&format=workshop&pageSize=3&lang=en");
    expect(items).toHaveLength(api.data.length);
    for (const li of items) {
      expect(li.querySelector("a")?.getAttribute("href")).toMatch(/^http:\/\/localhost:3000\/veranstaltungen\/\d+-[a-z0-9-]+\?lang=en$/);
      expect(li.textContent).toContain("Workshop");
      expect(li.textContent).not.toContain("Uhr");
    }
    expect(doc.querySelector(".embed-more a")?.getAttribute("href")).toBe(
      "http://localhost:3000/programm?state=BW&format=workshop&lang=en",
    );
  });

  it("caps limit at 100", async () => {
    const doc = parseHtml((await get("/embed/events?limit=500")).body);
    expect(doc.querySelectorAll(".embed-item")).toHaveLength(100);
  });

  it("may be framed by any site and sets no cookie", async () => {
    const res = await get("/embed/events?state=BW");
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toMatch(/(^|;)\s*frame-ancestors \*\s*(;|$)/);
    expect(csp).not.toContain("frame-ancestors 'self'");
    // The rest of the site's policy still applies: no inline script.
    expect(effectiveSources(csp, "script-src")).toBe("'self'");
    expect(effectiveSources(csp, "default-src")).toBe("'self'");
    expect(cspDirectives(csp).get("object-src")).toBe("'none'");
    expect(res.headers["x-frame-options"]).toBeUndefined();
    expect(res.headers["set-cookie"]).toBeUndefined();
  });

  it("keeps refusing framing on the rest of the site", async () => {
    const res = await get("/programm?state=BW");
    expect(String(res.headers["content-security-policy"])).toContain("frame-ancestors 'self'");
  });

  it("answers unknown filter values with a readable message instead of a programme", async () => {
    const res = await get("/embed/events?state=XX");
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(String(res.headers["content-security-policy"])).toContain("frame-ancestors *");
    const doc = parseHtml(res.body);
    expect(doc.querySelector(".embed-message[role=alert]")?.textContent).toBe("Unbekannter Wert für state: XX");
    expect(doc.querySelectorAll(".embed-item")).toHaveLength(0);
    expect(doc.querySelector(".embed-more a")?.textContent).toBe("Programm auf localhost:3000 ansehen");
  });

  it.each([
    ["format=tanzkurs&lang=en", ["Unknown value for format: tanzkurs"]],
    ["limit=zehn", ["Unbekannter Wert für limit: zehn"]],
    ["limit=0", ["Unbekannter Wert für limit: 0"]],
    ["lang=fr", ["Unbekannter Wert für lang: fr"]],
    ["mode=zoom&day=2019-13-01", ["Unbekannter Wert für mode: zoom", "Unbekannter Wert für day: 2019-13-01"]],
    ["edition=1999", ["Unbekannter Wert für edition: 1999"]],
    ["org=gibt-es-nicht", ["Unbekannter Wert für org: gibt-es-nicht"]],
    ["free=vielleicht", ["Unbekannter Wert für free: vielleicht"]],
  ])("explains %s", async (query, messages) => {
    const res = await get(`/embed/events?${query}`);
    expect(res.statusCode).toBe(400);
    const doc = parseHtml(res.body);
    expect([...doc.querySelectorAll(".embed-message p")].map((p) => p.textContent)).toEqual(messages);
  });

  it.each([
    ["bytes that are no UTF-8", "q=%00%ff"],
    ["a 5000-character search", `q=${"x".repeat(5000)}`],
    ["markup as a state", "state=<script>alert(1)</script>"],
    ["repeated values", "state=BW&state=BY&state=BW"],
    ["a huge limit", "limit=99999999999"],
    ["two days", "day=2019-04-02&day=2019-04-03"],
    ["a negative page", "page=-1"],
  ])("never answers 5xx (%s)", async (_name, query) => {
    const res = await get(`/embed/events?${query}`);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.body).not.toContain("<script>alert");
  });

  it("marks a cancelled event as cancelled", async () => {
    const [row] = await queryRows<{ id: number; slug: string; year: number }>(
      t.database.db,
      sql`select e.id, o.slug, ed.year from event e join organisation o on o.id = e.organisation_id
        join edition ed on ed.id = e.edition_id where e.status = 'cancelled' order by ed.year desc, e.id limit 1`,
    );
    if (!row) throw new Error("the demo data has no cancelled event");
    const doc = parseHtml((await get(`/embed/events?org=${row.slug}&edition=${row.year}&limit=100`)).body);
    const item = [...doc.querySelectorAll(".embed-item")].find((li) =>
      li.querySelector("a")?.getAttribute("href")?.includes(`/${row.id}-`),
    );
    expect(item?.classList.contains("is-cancelled")).toBe(true);
    expect(item?.querySelector(".embed-badge")?.textContent).toBe("Abgesagt");
  });

  it("says so when nothing matches", async () => {
    const res = await get("/embed/events?q=Quantenkochkurs+Zebrafinken+Xylophon");
    expect(res.statusCode).toBe(200);
    const doc = parseHtml(res.body);
    expect(doc.querySelector(".embed-message")?.textContent).toBe("Keine Veranstaltungen gefunden.");
  });
});

describe("/embed/events and /widget.js behind the public response cache", () => {
  let cached: TestApp;
  beforeAll(async () => {
    cached = await createTestApp({ PUBLIC_CACHE: "on" });
  });
  afterAll(async () => cached?.close());

  it("replays the framing policy on a cache hit", async () => {
    const first = await cached.app.inject("/embed/events?state=BW&limit=3");
    const second = await cached.app.inject("/embed/events?state=BW&limit=3");
    expect(second.headers["x-cache"]).toBe("hit");
    expect(second.body).toBe(first.body);
    for (const res of [first, second]) {
      expect(String(res.headers["content-security-policy"])).toMatch(/(^|;)\s*frame-ancestors \*\s*(;|$)/);
      expect(res.headers["x-frame-options"]).toBeUndefined();
      expect(res.headers["set-cookie"]).toBeUndefined();
    }
  });

  it("keeps the script's own hour-long browser cache", async () => {
    const res = await cached.app.inject("/widget.js");
    expect(res.headers["cache-control"]).toMatch(/^public, max-age=3600\b/);
  });
});
