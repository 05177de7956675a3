import { eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { openPostgres } from "../../src/db/client.ts";
import { prepareDatabase } from "../../src/db/prepare-database.ts";
import { event } from "../../src/db/schema/index.ts";
import { openEdition, sampleEvent } from "../../src/event-form/event-form.fixtures.ts";
import { createTestApp, type TestApp, within } from "../app.ts";
import { parseHtml } from "../html.ts";
import { createPersonas, type Personas } from "../personas.ts";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../throwaway-postgres.ts";

let server: ThrowawayPostgres;
let database: Database;
let t: TestApp;
let p: Personas;
let token: string;

beforeAll(async () => {
  server = await startThrowawayPostgres();
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query("create database cw");
  await admin.end();
  database = openPostgres(server.url.replace(/\/postgres$/, "/cw"), 4);
  await prepareDatabase(database, { seed: "demo" });
  // The cache polls every 100 ms, so "stale" comes within 0.3 s of the outage.
  t = await createTestApp({ PUBLIC_CACHE: "on", PUBLIC_CACHE_POLL_MS: "100" }, database);
  await openEdition(database.db);
  p = await createPersonas(t);
  const s = p.organiserA.session;
  const created = await t.app.inject({
    method: "POST",
    url: "/konto/tokens",
    headers: { cookie: s.cookie },
    payload: { tokenName: "Skript", expiresOn: "", _csrf: s.csrf },
  });
  token = parseHtml(created.body).querySelector("[data-token]")?.textContent ?? "";
  expect(token).not.toBe("");
}, 180_000);
afterAll(async () => {
  await t?.close();
  await database?.close();
  server?.close();
});

const get = (url: string) => t.app.inject({ method: "GET", url });
const createEvent = () =>
  t.app.inject({
    method: "POST",
    url: "/api/v1/events",
    headers: { authorization: `Bearer ${token}` },
    payload: { organisationId: p.orgA.id, event: sampleEvent({ titleDe: "Während des Ausfalls" }) },
  });

async function until(what: string, ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return Date.now() - started;
}

describe("the database stops and comes back", () => {
  it("answers /readyz 503, serves cached public pages, refuses writes with 503 and a message, and recovers by itself", async () => {
    const openapi = (await get("/api/openapi.json")).json() as {
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    };
    const before = await createEvent();
    expect(before.statusCode, before.body.slice(0, 300)).toBe(201);
    const eventsBefore = (await database.db.select({ id: event.id }).from(event)).length;
    await get("/");
    const home = await get("/");
    expect(home.statusCode).toBe(200);
    expect(home.headers["x-cache"]).toBe("hit");
    expect((await get("/readyz")).statusCode).toBe(200);

    server.stop();
    try {
      await until("/readyz 503", 10_000, async () => (await get("/readyz")).statusCode === 503);
      expect((await get("/readyz")).json()).toMatchObject({ status: "unavailable" });
      // Well past the cache's freshness window (3 × 100 ms): it can no longer ask the database.
      await new Promise((r) => setTimeout(r, 600));
      const cached = await get("/");
      expect(cached.statusCode).toBe(200);
      expect(cached.body).toBe(home.body);

      // A page that was never rendered needs the database: 503, said plainly, retry later.
      const uncached = await get("/programm?q=Nie-gerendert");
      expect(uncached.statusCode).toBe(503);
      expect(uncached.headers["retry-after"]).toBe("5");
      expect(uncached.headers["content-type"]).toMatch(/text\/html/);

      const write = await createEvent();
      expect(write.statusCode, write.body).toBe(503);
      expect(write.headers["retry-after"]).toBe("5");
      expect(write.json()).toMatchObject({ error: { code: "unavailable", message: expect.stringMatching(/nothing was saved/) } });
      // A feed client gets the API's JSON error too, as for a bad filter.
      const feed = await get("/feeds/events.ics?q=Nie-gerendert");
      expect(feed.statusCode).toBe(503);
      expect(feed.headers["retry-after"]).toBe("5");
      expect(feed.json()).toMatchObject({ error: { code: "unavailable" } });
      // Both answers are in the contract (kept from before the outage: the document needs no database).
      for (const [path, method] of [
        ["/api/v1/events", "post"],
        ["/feeds/events.ics", "get"],
        ["/api/v1/events", "get"],
      ] as const) {
        const declared = openapi.paths[path]?.[method]?.responses?.["503"];
        expect(declared, `${method} ${path} declares 503`).toBeDefined();
      }
      const s = p.organiserA.session;
      const form = await t.app.inject({
        method: "POST",
        url: "/konto/tokens",
        headers: { cookie: s.cookie },
        payload: { tokenName: "Während", expiresOn: "", _csrf: s.csrf },
      });
      expect(form.statusCode).toBe(503);
      expect(form.headers["content-type"]).toMatch(/text\/html/);
    } finally {
      server.start();
    }

    // No restart of the app: its pool and LISTEN connection come back on their own.
    await until("/readyz 200", 20_000, async () => (await get("/readyz")).statusCode === 200);
    await until("an uncached page", 20_000, async () => (await get("/programm?q=Nach-dem-Ausfall")).statusCode === 200);
    const after = await createEvent();
    expect(after.statusCode, after.body.slice(0, 300)).toBe(201);
    // The refused write left nothing behind; the one after it is there.
    expect((await database.db.select({ id: event.id }).from(event)).length).toBe(eventsBefore + 1);
    // The cache follows changes again: a title changed by plain SQL shows on the (cached) event page.
    const [published] = await database.db
      .select({ id: event.id, slug: event.slug })
      .from(event)
      .where(eq(event.status, "published"))
      .limit(1);
    const page = `/veranstaltungen/${published?.id}-${published?.slug}`;
    expect((await get(page)).statusCode).toBe(200);
    await get(page);
    await database.db
      .update(event)
      .set({ titleDe: "Nach dem Ausfall umbenannt" })
      .where(eq(event.id, published?.id ?? 0));
    await within(5_000, t.app, page, (body) => body.includes("Nach dem Ausfall umbenannt"));
  });
});
