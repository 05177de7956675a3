import http from "node:http";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { queryRows } from "../db/client.ts";
import { feedToIcs, feedToIcsStream } from "./feed-formats.ts";
import { FEED_BATCH } from "./feed-queries.ts";
import { loadFeed, loadFeedBatches } from "./load-feed.ts";

// The whole-edition calendar streams: the same bytes as the calendar rendered in one piece
// (feedToIcs on loadFeed, what the route sent before and the CLI export still writes).
let t: TestApp;
let second: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_CACHE: "on" });
  // Another instance on the same database, with a cache of its own (as behind a load balancer).
  second = await createTestApp({ PUBLIC_CACHE: "on" }, t.database);
  base = await t.app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(async () => {
  await second?.close();
  await t?.close();
});

const baseUrl = "http://localhost:3000";
const rendered = async (query: string) => feedToIcs(await loadFeed(t.database.db, new URLSearchParams(query)), baseUrl);

/** A real socket: the headers and every chunk as it arrived. */
function fetchChunks(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; chunks: Buffer[] }>((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, chunks }));
      })
      .on("error", reject);
  });
}

/** Copies every public event of the current edition until it has at least `target` (sessions too). */
async function multiplyEvents(target: number) {
  const [edition] = await queryRows<{ id: number }>(t.database.db, sql`select id from edition order by year desc limit 1`);
  const columns = await queryRows<{ name: string }>(
    t.database.db,
    sql`select column_name as name from information_schema.columns
        where table_schema = 'public' and table_name = 'event' and is_generated = 'NEVER'
          and column_name not in ('id', 'slug', 'external_ref') order by ordinal_position`,
  );
  const list = sql.raw(columns.map((c) => `"${c.name}"`).join(", "));
  const editionId = edition?.id ?? 0;
  const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from event where edition_id = ${editionId} and status in ('published', 'cancelled')`,
  );
  const copies = Math.ceil(target / n) - 1;
  await t.database.db.execute(
    sql`insert into event (${list}, slug, external_ref)
        select ${list}, slug || '-c' || g, 'copy:' || id || ':' || g from event, generate_series(1, ${copies}::int) g
        where edition_id = ${editionId} and status in ('published', 'cancelled')`,
  );
  await t.database.db.execute(
    sql`insert into event_session (event_id, starts_at, ends_at, all_day)
        select e.id, s.starts_at, s.ends_at, s.all_day from event e
        join event_session s on s.event_id = split_part(e.external_ref, ':', 2)::int
        where e.external_ref like 'copy:%'`,
  );
  return n * (copies + 1);
}

describe("the streamed iCalendar feed", () => {
  it("sends the demo editions byte for byte as rendered in one piece, over a socket, plain and in Brotli", async () => {
    for (const query of ["", "lang=en", "edition=2019", "edition=2017&lang=en", "state=BY", "format=workshop&lang=en"]) {
      const expected = await rendered(query);
      const response = await t.app.inject({ method: "GET", url: `/feeds/events.ics?${query}` });
      expect(response.statusCode, query).toBe(200);
      expect(response.body === expected, query).toBe(true);
    }
    const expected = await rendered("edition=2019");
    const miss = await fetchChunks(`${base}/feeds/events.ics?edition=2019&lang=de`);
    expect([miss.status, miss.headers["transfer-encoding"], miss.headers["content-length"]]).toEqual([200, "chunked", undefined]);
    expect(Buffer.concat(miss.chunks).toString() === expected).toBe(true);
    const hit = await fetchChunks(`${base}/feeds/events.ics?edition=2019&lang=de`, { "accept-encoding": "br" });
    expect([hit.headers["x-cache"], hit.headers["content-encoding"]]).toEqual(["hit", "br"]);
  });

  it("on a big edition, reads the events batch by batch and sends the first bytes before the later batches are read", async () => {
    const events = await multiplyEvents(3 * FEED_BATCH);
    expect(events).toBeGreaterThan(2 * FEED_BATCH);
    const expected = await rendered("");
    expect(expected.split("BEGIN:VEVENT").length - 1).toBeGreaterThan(events);

    // The stream as the route builds it, with its batches counted as they are read.
    const data = await loadFeedBatches(t.database.db, new URLSearchParams());
    expect(data.count).toBe(events);
    let read = 0;
    const counted = (async function* () {
      for await (const batch of data.batches) {
        read++;
        yield batch;
      }
    })();
    const stream = feedToIcsStream({ ...data, batches: counted }, baseUrl);
    const chunks = stream[Symbol.asyncIterator]();
    const first = await chunks.next();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const head = String(first.value);
    expect(head.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(head).toContain("X-WR-TIMEZONE:Europe/Berlin");
    expect(head).not.toContain("END:VCALENDAR");
    // Nobody read on: the stream waits after a batch instead of rendering the whole calendar.
    expect(read).toBeLessThanOrEqual(1);
    const parts = [head];
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) parts.push(String(next.value));
    expect(read).toBe(Math.ceil(events / FEED_BATCH));
    expect(parts.length).toBeGreaterThan(read);
    expect(parts.join("") === expected).toBe(true);

    // Over HTTP the same bytes, in many chunks, and the other instance agrees on the ETag (304).
    // A key not asked for before, so a miss rendered from the data as it is now.
    const response = await fetchChunks(`${base}/feeds/events.ics?lang=de`);
    expect([response.status, response.headers["x-cache"], response.headers["content-length"]]).toEqual([200, "miss", undefined]);
    expect(response.chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(response.chunks).toString() === expected).toBe(true);
    const etag = String(response.headers.etag);
    const elsewhere = await second.app.inject({ method: "GET", url: "/feeds/events.ics?lang=de", headers: { "if-none-match": etag } });
    expect([elsewhere.statusCode, elsewhere.headers["x-cache"], elsewhere.headers.etag]).toEqual([304, "miss", etag]);
  });
});
