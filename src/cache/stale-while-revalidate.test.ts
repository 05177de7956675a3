import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheOnlyApp, flagged } from "../../test/cache-app.ts";
import { openTestDatabase } from "../../test/database.ts";
import { type Database, queryRows } from "../db/client.ts";
import { readDataVersion } from "../lib/data-version.ts";
import { keptUpToDate } from "../lib/updated-in-background.ts";

// The plugin on a small app of its own: a slow page, and a page drawn from a value kept up to date
// in the background (as the programme index is) whose update the test holds back.
let app: FastifyInstance;
let database: Database;
let eventId: number;
let renders = 0;
let gate: Promise<void> = Promise.resolve();
let open = () => {};
const closeGate = () => {
  gate = new Promise((resolve) => {
    open = resolve;
  });
};

const readVersion = async (db: Database["db"]) => {
  const [row] = await queryRows<{ version: number }>(db, sql`select version::float8 as version from data_version where id = 1`);
  return { version: Number(row?.version) };
};
const keptValue = (db: Database["db"], version: number) =>
  keptUpToDate({ db, version }, "test-value", {
    build: readVersion,
    update: async (d) => {
      await gate;
      return readVersion(d);
    },
  });

beforeAll(async () => {
  database = await openTestDatabase();
  const [row] = await queryRows<{ id: number }>(database.db, sql`select id from event order by id limit 1`);
  eventId = row?.id ?? 0;
  app = cacheOnlyApp(database, { pollIntervalMs: 50, maxStaleMs: 5000, maxAgeMs: 60_000 });
  app.get("/slow-title", flagged, async () => {
    const [e] = await queryRows<{ title_de: string }>(database.db, sql`select title_de from event where id = ${eventId}`);
    await new Promise((r) => setTimeout(r, 400));
    return `${e?.title_de} (${++renders})`;
  });
  app.get("/kept", flagged, async () => {
    const value = await keptValue(database.db, await readDataVersion(database.db));
    return `kept v${value.version}`;
  });
  app.post<{ Body: { title: string } }>("/title", async (request) => {
    await database.db.execute(sql`update event set title_de = ${request.body.title} where id = ${eventId}`);
    return "saved";
  });
  await app.ready();
});
afterAll(async () => {
  open();
  await app?.close();
  await database?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const timed = async (request: Promise<{ body: string; headers: Record<string, unknown> }>) => {
  const started = Date.now();
  const response = await request;
  return { ...response, took: Date.now() - started };
};

/** Until the cache has seen the data version move (the poll runs every 50 ms). */
async function versionSeen(version: number): Promise<void> {
  const deadline = Date.now() + 5000;
  while ((await readDataVersion(database.db)) < version && Date.now() < deadline) await sleep(20);
}

describe("stale-while-revalidate after a data change", () => {
  it("serves visitors the previous version's entry while the new render runs, and the new one after it", async () => {
    await app.inject("/slow-title");
    expect((await app.inject("/slow-title")).headers["x-cache"]).toBe("hit");
    const before = (await app.inject("/slow-title")).body;
    await database.db.execute(sql`update event set title_de = 'Neu gerendert' where id = ${eventId}`);
    await versionSeen((await readVersion(database.db)).version);

    const rendering = timed(app.inject("/slow-title"));
    await sleep(50);
    const visitor = await timed(app.inject("/slow-title"));
    expect(visitor.headers["x-cache"]).toBe("stale");
    expect(visitor.body).toBe(before);
    expect(visitor.took).toBeLessThan(300);
    // With a session the request may have just written: it waits for the new render instead.
    const author = await timed(app.inject({ url: "/slow-title", headers: { cookie: "cw_session=x" } }));
    expect(author.body).toContain("Neu gerendert");
    const first = await rendering;
    expect(first.headers["x-cache"]).toBe("miss");
    expect(first.body).toContain("Neu gerendert");
    const after = await app.inject("/slow-title");
    expect(after.headers["x-cache"]).toBe("hit");
    expect(after.body).toBe(first.body);
  });

  it("answers at once from the previous value while it is updated, without keeping or dating that answer", async () => {
    const old = (await app.inject("/kept")).body;
    expect((await app.inject("/kept")).headers["x-cache"]).toBe("hit");
    closeGate();
    await database.db.execute(sql`update data_version set version = version + 1 where id = 1`);
    const { version } = await readVersion(database.db);
    await versionSeen(version);

    const during = await timed(app.inject("/kept"));
    expect(during.body).toBe(old);
    expect(during.took).toBeLessThan(300);
    expect(during.headers["x-cache"]).toBe("miss");
    expect(during.headers["last-modified"]).toBeUndefined();
    // Not kept: the next request renders again, still from the previous value.
    const again = await app.inject("/kept");
    expect(again.headers["x-cache"]).toBe("miss");
    expect(again.body).toBe(old);
    // A reader outside a watched render (no cache to tell) waits for the update.
    let waited = false;
    const direct = keptValue(database.db, version).then((v) => {
      waited = true;
      return v;
    });
    await sleep(100);
    expect(waited).toBe(false);

    open();
    expect((await direct).version).toBe(version);
    const fresh = await app.inject("/kept");
    expect(fresh.body).toBe(`kept v${version}`);
    expect(fresh.headers["last-modified"]).toBeDefined();
    expect((await app.inject("/kept")).headers["x-cache"]).toBe("hit");
  });

  it("brings kept values up to date before a write's response leaves (read-your-writes)", async () => {
    await app.inject("/kept");
    closeGate();
    let saved = false;
    const write = app.inject({ method: "POST", url: "/title", payload: { title: "Geschrieben" } }).then((r) => {
      saved = true;
      return r;
    });
    await sleep(300);
    expect(saved).toBe(false);
    open();
    expect((await write).body).toBe("saved");
    const { version } = await readVersion(database.db);
    const page = await app.inject("/kept");
    expect(page.body).toBe(`kept v${version}`);
    expect(page.headers["x-cache"]).toBe("miss");
  });
});
