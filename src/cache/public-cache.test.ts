import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, within } from "../../test/app.ts";
import { queryRows } from "../db/client.ts";

// The whole app with the cache on, as in production (test apps have it off by default).
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_CACHE: "on" });
});
afterAll(async () => t?.close());

const get = (url: string, headers: Record<string, string> = {}, app = t.app) => app.inject({ method: "GET", url, headers });

async function publishedEvent(offset: number) {
  const [row] = await queryRows<{ id: number; slug: string; title_de: string }>(
    t.database.db,
    sql`select id, slug, title_de from event where status = 'published'
        and edition_id = (select id from edition order by year desc limit 1) order by id offset ${offset} limit 1`,
  );
  if (!row) throw new Error("the demo data lacks a published event");
  return row;
}

describe.each([
  ["a page", "/programm?state=BY"],
  ["an API read", "/api/v1/events?pageSize=5"],
  ["a feed", "/feeds/events.rss?state=BY"],
  ["an export", "/export/events.csv?state=HH"],
])("%s", (_name, url) => {
  it("is served from the cache on the second request, with validators and policy", async () => {
    const first = await get(url);
    expect(first.statusCode).toBe(200);
    expect(first.headers["x-cache"]).toBe("miss");
    expect(first.headers.etag).toMatch(/^"[\w-]{27}"$/);
    expect(new Date(String(first.headers["last-modified"])).getTime()).toBeLessThanOrEqual(Date.now());
    expect(first.headers["cache-control"]).toBe("public, max-age=0, must-revalidate");

    const second = await get(url);
    expect(second.statusCode).toBe(200);
    expect(second.headers["x-cache"]).toBe("hit");
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(Number(second.headers["content-length"])).toBe(first.rawPayload.length);
    for (const name of ["content-type", "etag", "last-modified", "cache-control", "content-security-policy", "permissions-policy"]) {
      expect(second.headers[name], name).toEqual(first.headers[name]);
    }
  });

  it("answers 304 to If-None-Match and If-Modified-Since, 200 when changed since", async () => {
    const first = await get(url);
    const etag = String(first.headers.etag);
    const lastModified = String(first.headers["last-modified"]);

    const byTag = await get(url, { "if-none-match": etag });
    expect(byTag.statusCode).toBe(304);
    expect(byTag.body).toBe("");
    expect(byTag.headers.etag).toBe(etag);
    expect(byTag.headers["cache-control"]).toBe("public, max-age=0, must-revalidate");
    expect((await get(url, { "if-none-match": `"other", W/${etag}` })).statusCode).toBe(304);

    expect((await get(url, { "if-modified-since": lastModified })).statusCode).toBe(304);
    const earlier = new Date(new Date(lastModified).getTime() - 1000).toUTCString();
    expect((await get(url, { "if-modified-since": earlier })).statusCode).toBe(200);
    // If-None-Match decides when both are sent.
    expect((await get(url, { "if-none-match": '"other"', "if-modified-since": lastModified })).statusCode).toBe(200);
  });
});

describe("public response cache", () => {
  it("answers HEAD from the cache with the GET's length and no body", async () => {
    const url = "/programm/agenda?state=SN";
    const full = await get(url);
    const head = await t.app.inject({ method: "HEAD", url });
    expect(head.statusCode).toBe(200);
    expect(head.headers["x-cache"]).toBe("hit");
    expect(head.body).toBe("");
    expect(Number(head.headers["content-length"])).toBe(full.rawPayload.length);
  });

  it("keys by path and sorted, non-empty query parameters; lang=en is its own entry", async () => {
    const first = await get("/programm?state=BW&format=workshop&mode=online");
    expect(first.headers["x-cache"]).toBe("miss");
    const reordered = await get("/programm?mode=online&q=&format=workshop&state=BW&day=");
    expect(reordered.headers["x-cache"]).toBe("hit");
    expect(reordered.body).toBe(first.body);
    const english = await get("/programm?mode=online&format=workshop&state=BW&lang=en");
    expect(english.headers["x-cache"]).toBe("miss");
    expect(english.body).not.toBe(first.body);
    expect((await get("/programm?lang=en&state=BW&format=workshop&mode=online")).headers["x-cache"]).toBe("hit");
    expect((await get("/programm?state=BW&format=workshop")).headers["x-cache"]).toBe("miss");
  });

  it("serves requests with cookies from the public cache", async () => {
    await get("/laender/BE");
    const withCookie = await get("/laender/BE", { cookie: "cw_session=whatever; other=1" });
    expect(withCookie.headers["x-cache"]).toBe("hit");
    expect(withCookie.headers["set-cookie"]).toBeUndefined();
  });

  it("never caches routes without the flag, redirects or errors", async () => {
    for (const url of ["/healthz", "/api/openapi.json", "/veranstaltungen/999999999-gibt-es-nicht"]) {
      await get(url);
      const again = await get(url);
      expect(again.headers["x-cache"], url).toBeUndefined();
    }
    const e = await publishedEvent(0);
    for (let i = 0; i < 2; i++) {
      const redirect = await get(`/veranstaltungen/${e.id}-alter-slug`);
      expect(redirect.statusCode).toBe(301);
      expect(redirect.headers["x-cache"]).toBeUndefined();
    }
  });

  it("shows a change made by SQL on the next request within 2 s", async () => {
    const e = await publishedEvent(1);
    const url = `/veranstaltungen/${e.id}-${e.slug}`;
    await get(url);
    expect((await get(url)).headers["x-cache"]).toBe("hit");
    const title = `Geänderter Titel ${Date.now()}`;
    await t.database.db.execute(sql`update event set title_de = ${title} where id = ${e.id}`);
    const took = await within(2000, t.app, url, (body) => body.includes(title));
    expect(took).toBeLessThan(2000);
    // The programme and the API list it as well: everything was invalidated, not one page.
    await within(2000, t.app, `/api/v1/events/${e.id}`, (body) => body.includes(title));
  });

  it("keeps the ETag when a change does not touch the response, and answers 304 from a fresh render", async () => {
    const url = "/organisationen";
    const first = await get(url);
    const e = await publishedEvent(2);
    // A change elsewhere (an event's summary) empties the cache but leaves this page as it was.
    await t.database.db.execute(sql`update event set summary_de = summary_de || ' ' where id = ${e.id}`);
    await within(2000, t.app, url, () => true);
    const deadline = Date.now() + 2000;
    let again = await get(url, { "if-none-match": String(first.headers.etag) });
    while (again.headers["x-cache"] !== "miss" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      again = await get(url, { "if-none-match": String(first.headers.etag) });
    }
    expect(again.statusCode).toBe(304);
    expect(again.headers["x-cache"]).toBe("miss");
    // The data did change, so the date the client had no longer earns a 304.
    expect((await get(url, { "if-modified-since": String(first.headers["last-modified"]) })).statusCode).toBe(200);
  });

  it("answers hits over a real socket before routing: GET, HEAD and 304, with every header", async () => {
    const other = await createTestApp({ PUBLIC_CACHE: "on" }, t.database);
    try {
      const base = await other.app.listen({ port: 0, host: "127.0.0.1" });
      const url = `${base}/programm?state=NI`;
      const first = await fetch(url);
      const body = await first.text();
      expect(first.headers.get("x-cache")).toBe("miss");
      const second = await fetch(url);
      expect(second.headers.get("x-cache")).toBe("hit");
      expect(await second.text()).toBe(body);
      const replayed = ["content-type", "etag", "last-modified", "cache-control", "content-security-policy", "permissions-policy"];
      replayed.push("x-content-type-options", "referrer-policy", "cross-origin-opener-policy", "cross-origin-resource-policy");
      for (const name of replayed) {
        expect(first.headers.get(name), name).not.toBeNull();
        expect(second.headers.get(name), name).toBe(first.headers.get(name));
      }
      const head = await fetch(url, { method: "HEAD", headers: { "accept-encoding": "identity" } });
      expect([head.status, head.headers.get("x-cache"), head.headers.get("content-length")]).toEqual([
        200,
        "hit",
        String(Buffer.byteLength(body)),
      ]);
      const notModified = await fetch(url, { headers: { "if-none-match": String(first.headers.get("etag")) } });
      expect([notModified.status, notModified.headers.get("x-cache")]).toEqual([304, "hit"]);
      // Not found, unflagged and POST requests still reach Fastify.
      expect((await fetch(`${base}/programm-gibt-es-nicht`)).status).toBe(404);
      expect((await fetch(`${base}/healthz`)).headers.get("x-cache")).toBeNull();
      const post = await fetch(url, { method: "POST" });
      expect([post.status === 200, post.headers.get("x-cache")]).toEqual([false, null]);
    } finally {
      await other.close();
    }
  });

  it("lets another instance on the same database serve the fresh version within 2 s", async () => {
    const other = await createTestApp({ PUBLIC_CACHE: "on" }, t.database);
    try {
      const e = await publishedEvent(3);
      const url = `/api/v1/events/${e.id}`;
      for (const app of [t.app, other.app]) {
        await get(url, {}, app);
        expect((await get(url, {}, app)).headers["x-cache"]).toBe("hit");
      }
      const title = `Von Instanz A geändert ${Date.now()}`;
      await t.database.db.execute(sql`update event set title_de = ${title} where id = ${e.id}`);
      expect(await within(2000, other.app, url, (body) => body.includes(title))).toBeLessThan(2000);
      expect(await within(2000, t.app, url, (body) => body.includes(title))).toBeLessThan(2000);
    } finally {
      await other.close();
    }
  });
});
