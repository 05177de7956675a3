import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheOnlyApp, flagged } from "../../test/cache-app.ts";
import { openTestDatabase } from "../../test/database.ts";
import { type Database, queryRows } from "../db/client.ts";

// The plugin on a small app of its own, with routes for every rule: how often a handler ran
// tells whether an answer came from the cache.
let app: FastifyInstance;
let database: Database;
let eventId: number;
const calls = new Map<string, number>();
const count = (name: string) => {
  calls.set(name, (calls.get(name) ?? 0) + 1);
  return `${name} #${calls.get(name)}`;
};

beforeAll(async () => {
  database = await openTestDatabase();
  const [row] = await queryRows<{ id: number }>(database.db, sql`select id from event order by id limit 1`);
  eventId = row?.id ?? 0;
  app = cacheOnlyApp(database, { pollIntervalMs: 100, maxStaleMs: 400, maxAgeMs: 1000 });
  app.get("/flagged", flagged, async () => count("flagged"));
  app.post("/flagged", flagged, async () => count("post"));
  app.get("/plain", async () => count("plain"));
  app.get("/slow-cookie", flagged, async (_request, reply) => {
    await new Promise((r) => setTimeout(r, 100));
    return reply.header("set-cookie", "seen=1").send(count("slow-cookie"));
  });
  app.get<{ Params: { name: string } }>("/slow/:name", flagged, async (request) => {
    await new Promise((r) => setTimeout(r, 300));
    return count(`slow-${request.params.name}`);
  });
  app.get("/cookie", flagged, async (_request, reply) => reply.header("set-cookie", "seen=1").send(count("cookie")));
  app.get("/private", flagged, async (_request, reply) => reply.header("cache-control", "private, no-store").send(count("private")));
  app.get("/missing", flagged, async (_request, reply) => reply.code(404).send(count("missing")));
  app.get("/versioned", flagged, async (_request, reply) =>
    reply.header("etag", '"v1"').header("cache-control", "public, max-age=3600").send(count("versioned")),
  );
  app.get("/title", flagged, async () => {
    const [e] = await queryRows<{ title_de: string }>(database.db, sql`select title_de from event where id = ${eventId}`);
    return `${e?.title_de} (${count("title")})`;
  });
  app.post<{ Body: { title: string } }>("/title", async (request) => {
    await database.db.execute(sql`update event set title_de = ${request.body.title} where id = ${eventId}`);
    return "saved";
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const twice = async (method: "GET" | "POST", url: string) => {
  const first = await app.inject({ method, url });
  const second = await app.inject({ method, url });
  return { first, second };
};

describe("public cache rules", () => {
  it("serves the second GET of a flagged route without running the handler", async () => {
    const { first, second } = await twice("GET", "/flagged");
    expect(second.body).toBe(first.body);
    expect(second.headers["x-cache"]).toBe("hit");
    expect(calls.get("flagged")).toBe(1);
  });

  it("renders an entry again once it is older than maxAgeMs, without a data change", async () => {
    await app.inject("/flagged");
    const cached = await app.inject("/flagged");
    expect(cached.headers["x-cache"]).toBe("hit");
    await new Promise((r) => setTimeout(r, 1100));
    const again = await app.inject("/flagged");
    expect(again.headers["x-cache"]).toBe("miss");
    expect(again.body).not.toBe(cached.body);
    expect((await app.inject("/flagged")).headers["x-cache"]).toBe("hit");
  });

  it("renders a page once for concurrent requests (inject and a real socket)", async () => {
    const viaInject = await Promise.all(Array.from({ length: 5 }, () => app.inject("/slow/a")));
    expect(new Set(viaInject.map((r) => r.body))).toEqual(new Set(["slow-a #1"]));
    expect(viaInject.filter((r) => r.headers["x-cache"] === "hit")).toHaveLength(4);
    const base = await app.listen({ port: 0, host: "127.0.0.1" });
    const viaSocket = await Promise.all(Array.from({ length: 5 }, () => fetch(`${base}/slow/b`)));
    expect(new Set(await Promise.all(viaSocket.map((r) => r.text())))).toEqual(new Set(["slow-b #1"]));
    expect(viaSocket.filter((r) => r.headers.get("x-cache") === "hit")).toHaveLength(4);
    // A render that is not kept lets the waiting requests render for themselves.
    const notKept = await Promise.all(Array.from({ length: 3 }, () => app.inject("/slow-cookie")));
    expect(notKept.map((r) => r.body).sort()).toEqual(["slow-cookie #1", "slow-cookie #2", "slow-cookie #3"]);
  });

  it("never caches POSTs, not even on a flagged path", async () => {
    await app.inject("/flagged");
    const { first, second } = await twice("POST", "/flagged");
    expect([first.body, second.body]).toEqual(["post #1", "post #2"]);
    expect(second.headers["x-cache"]).toBeUndefined();
  });

  it("never caches routes without the flag, and adds no validators there", async () => {
    const { second } = await twice("GET", "/plain");
    expect(second.body).toBe("plain #2");
    expect(second.headers["x-cache"]).toBeUndefined();
    expect(second.headers.etag).toBeUndefined();
  });

  it("never caches a response that sets a cookie, a private one or an error", async () => {
    for (const name of ["cookie", "private", "missing"]) {
      const { second } = await twice("GET", `/${name}`);
      expect(second.body, name).toBe(`${name} #2`);
      expect(second.headers["x-cache"], name).not.toBe("hit");
    }
    expect((await app.inject("/private")).headers["cache-control"]).toBe("private, no-store");
  });

  it("keeps a route's own ETag and Cache-Control", async () => {
    const { second } = await twice("GET", "/versioned");
    expect(second.headers["x-cache"]).toBe("hit");
    expect(second.headers.etag).toBe('"v1"');
    expect(second.headers["cache-control"]).toBe("public, max-age=3600");
    expect((await app.inject({ url: "/versioned", headers: { "if-none-match": '"v1"' } })).statusCode).toBe(304);
    expect(calls.get("versioned")).toBe(1);
  });

  it("shows this instance's own write on the very next request (read-your-writes)", async () => {
    await twice("GET", "/title");
    for (const title of ["Erster neuer Titel", "Zweiter neuer Titel"]) {
      const saved = await app.inject({ method: "POST", url: "/title", payload: { title } });
      expect(saved.body).toBe("saved");
      const page = await app.inject("/title");
      expect(page.body).toContain(title);
      expect(page.headers["x-cache"]).toBe("miss");
    }
  });

  it("stops answering from the cache while the data version cannot be read", async () => {
    await twice("GET", "/flagged");
    const served = calls.get("flagged") ?? 0;
    await database.db.execute(sql`alter table data_version rename to data_version_away`);
    try {
      const deadline = Date.now() + 2000;
      let response = await app.inject("/flagged");
      while (response.headers["x-cache"] === "hit" && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        response = await app.inject("/flagged");
      }
      expect(response.headers["x-cache"]).toBe("miss");
      expect((await app.inject("/flagged")).headers["x-cache"]).toBe("miss");
      expect(calls.get("flagged")).toBeGreaterThan(served + 1);
    } finally {
      await database.db.execute(sql`alter table data_version_away rename to data_version`);
    }
    await new Promise((r) => setTimeout(r, 300));
    await app.inject("/flagged");
    expect((await app.inject("/flagged")).headers["x-cache"]).toBe("hit");
  });
});
