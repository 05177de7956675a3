import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, within } from "../../../test/app.ts";
import { queryRows } from "../../db/client.ts";

// As in production: the response cache on, so the index goes by the cache's polled data version.
let t: TestApp;
let other: TestApp;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_CACHE: "on" });
  other = await createTestApp({ PUBLIC_CACHE: "on" }, t.database);
});
afterAll(async () => {
  await other?.close();
  await t?.close();
});

describe("the programme index with the response cache on", () => {
  it("finds, counts and lists a change made by SQL within 2 s on every instance, and drops it again", async () => {
    const [event] = await queryRows<{ id: number; state: string }>(
      t.database.db,
      sql`select id, state_code as state from event where status = 'published'
          and edition_id = (select id from edition order by year desc limit 1) order by id offset 5 limit 1`,
    );
    if (!event) throw new Error("the demo data lacks a published event");
    const search = "/programm?q=Seegurkenzucht";
    const api = `/api/v1/events?q=Seegurkenzucht&state=${event.state}`;
    for (const instance of [t, other]) expect((await instance.app.inject({ method: "GET", url: api })).json().meta.total).toBe(0);

    await t.database.db.execute(sql`update event set title_de = 'Seegurkenzucht im Binnenland' where id = ${event.id}`);
    for (const instance of [t, other]) {
      expect(await within(2000, instance.app, search, (body) => body.includes("Seegurkenzucht im Binnenland"))).toBeLessThan(2000);
      expect(await within(2000, instance.app, api, (body) => JSON.parse(body).meta.total === 1)).toBeLessThan(2000);
    }

    await t.database.db.execute(sql`update event set status = 'draft' where id = ${event.id}`);
    for (const instance of [t, other]) {
      expect(await within(2000, instance.app, api, (body) => JSON.parse(body).meta.total === 0)).toBeLessThan(2000);
    }
  });
});
