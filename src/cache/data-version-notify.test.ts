import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, within } from "../../test/app.ts";
import { openSecondHandle } from "../../test/database.ts";
import { type Database, queryRows } from "../db/client.ts";

// Two instances with the cache on and a 20 s poll: whatever they notice sooner came by NOTIFY.
// On PostgreSQL instance B has its own pool and listener connection, as another process would.
const env = { PUBLIC_CACHE: "on", PUBLIC_CACHE_POLL_MS: "20000" };
let a: TestApp;
let b: TestApp;
let second: Database;
beforeAll(async () => {
  a = await createTestApp(env);
  second = openSecondHandle(a.database);
  b = await createTestApp(env, second);
});
afterAll(async () => {
  await b?.close();
  await second?.close();
  await a?.close();
});

const get = (t: TestApp, url: string) => t.app.inject({ method: "GET", url });

async function cachedEventOnB(offset: number) {
  const [e] = await queryRows<{ id: number; slug: string }>(
    a.database.db,
    sql`select id, slug from event where status = 'published' order by id offset ${offset} limit 1`,
  );
  if (!e) throw new Error("the demo data lacks a published event");
  const url = `/veranstaltungen/${e.id}-${e.slug}`;
  await get(b, url);
  expect((await get(b, url)).headers["x-cache"]).toBe("hit");
  return { id: e.id, url };
}

describe("cache invalidation by LISTEN/NOTIFY", () => {
  it("shows a change written through instance A on B's cached page well within the poll interval", async () => {
    const e = await cachedEventOnB(0);
    const title = `Über Instanz A geändert ${Date.now()}`;
    await a.database.db.execute(sql`update event set title_de = ${title} where id = ${e.id}`);
    // A tenth of the poll interval, render included (the page, site data and programme index
    // are rebuilt on the busy test machine); the notification itself arrives in milliseconds.
    const took = await within(2000, b.app, e.url, (body) => body.includes(title));
    expect(took).toBeLessThan(2000);
    // B's cache was emptied as a whole, not only that page: the API shows it at once as well.
    expect((await get(b, `/api/v1/events/${e.id}`)).body).toContain(title);
  });

  it("sends one notification per transaction, and none for private tables or rolled-back writes", async () => {
    const seen: string[] = [];
    const unlisten = await second.listen("cw_data_version", () => seen.push("notified"));
    try {
      await a.database.db.transaction(async (tx) => {
        await tx.execute(sql`update venue set name = name where id = (select min(id) from venue)`);
        await tx.execute(sql`update topic set name_de = name_de`);
      });
      await a.database.db.execute(sql`update "user" set name = name where id = (select min(id) from "user")`);
      await a.database.db
        .transaction(async (tx) => {
          await tx.execute(sql`update topic set name_de = name_de`);
          throw new Error("roll back");
        })
        .catch(() => {});
      await new Promise((r) => setTimeout(r, 300));
      expect(seen).toEqual(["notified"]);
    } finally {
      await unlisten();
    }
  });

  it.runIf(process.env.TEST_DB_KIND === "postgres")(
    "listens again after its connection was killed and notices what changed meanwhile",
    async () => {
      const e = await cachedEventOnB(1);
      const killed = await queryRows<{ pid: number }>(
        a.database.db,
        sql`select pg_terminate_backend(pid) as pid from pg_stat_activity
            where datname = current_database() and query ilike 'LISTEN%'`,
      );
      expect(killed.length).toBe(2); // one listener per instance
      const title = `Während der Trennung geändert ${Date.now()}`;
      await a.database.db.execute(sql`update event set title_de = ${title} where id = ${e.id}`);
      // Reconnects after 1 s and re-reads the version then; the poll would take 20 s.
      expect(await within(5000, b.app, e.url, (body) => body.includes(title))).toBeLessThan(5000);
    },
  );
});
