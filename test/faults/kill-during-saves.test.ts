import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../../src/accounts/api-tokens.ts";
import { type Database, openPostgres, queryRows } from "../../src/db/client.ts";
import { prepareDatabase } from "../../src/db/prepare-database.ts";
import { openEdition, orgIn, sampleEvent } from "../../src/event-form/event-form.fixtures.ts";
import { createUser } from "../accounts.ts";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../throwaway-postgres.ts";
import { createDatabase, startServer } from "./server-process.ts";

let server: ThrowawayPostgres;
let database: Database;
let url: string;
let orgId: number;
const tokens: string[] = [];

beforeAll(async () => {
  server = await startThrowawayPostgres();
  url = await createDatabase(server, "cw_kill");
  database = openPostgres(url, 2);
  await prepareDatabase(database, { seed: "demo" });
  await openEdition(database.db);
  orgId = (await orgIn(database.db, "BW")).id;
  // Several writers, so the per-token rate limit (120 a minute) does not end the burst early.
  for (let i = 0; i < 4; i++) {
    const u = await createUser(database.db, { role: "organiser", organisationIds: [orgId] });
    const actor = {
      userId: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      language: "de" as const,
      organisationIds: [orgId],
      stateCodes: [],
    };
    tokens.push((await createApiToken({ ctx: { db: database.db, actor }, input: { name: `Burst ${i}`, expiresOn: null } })).token);
  }
}, 180_000);
afterAll(async () => {
  await database?.close();
  server?.close();
});

/** Burst events whose rows disagree: no date, or a version that is not the number of history entries. */
const halfWritten = () =>
  queryRows<{ id: number; version: number; sessions: number; history: number }>(
    database.db,
    sql`select e.id, e.version,
               (select count(*)::int from event_session s where s.event_id = e.id) as sessions,
               (select count(*)::int from event_history h where h.event_id = e.id) as history
          from event e
         where e.title_de like 'Burst %'
           and ((select count(*) from event_session s where s.event_id = e.id) = 0
             or e.version <> (select count(*) from event_history h where h.event_id = e.id))`,
  );

describe("kill -9 during a burst of event saves", () => {
  it("leaves every event whole: each save is all there (row, dates, history, version) or not at all", async () => {
    const app = await startServer({ DATABASE_URL: url });
    let saves = 0;
    let stop = false;
    const writer = async (token: string, w: number) => {
      const call = (method: string, path: string, body: unknown) =>
        fetch(`${app.base}/api/v1${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        });
      for (let n = 0; !stop; n++) {
        try {
          const created = await call("POST", "/events", { organisationId: orgId, event: sampleEvent({ titleDe: `Burst ${w}-${n}` }) });
          if (created.status !== 201) continue;
          saves++;
          const { id, version } = (await created.json()) as { id: number; version: number };
          // A second save of the same event: new title and one more date, with the version check.
          const event = sampleEvent({ titleDe: `Burst ${w}-${n} geändert` });
          const updated = await call("PUT", `/events/${id}`, {
            version,
            event: { ...event, sessions: [...event.sessions, event.sessions[0]] },
          });
          if (updated.status === 200) saves++;
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = tokens.flatMap((token, i) => [writer(token, 2 * i), writer(token, 2 * i + 1)]);
    while (saves < 20) await new Promise((r) => setTimeout(r, 20));
    app.child.kill("SIGKILL");
    stop = true;
    await Promise.all(writers);
    expect(await app.exited).toBe("SIGKILL");

    const [burst] = await queryRows<{ n: number; updated: number }>(
      database.db,
      sql`select count(*)::int as n, count(*) filter (where version = 2)::int as updated from event where title_de like 'Burst %'`,
    );
    expect(burst?.n).toBeGreaterThan(0);
    expect(burst?.updated).toBeGreaterThan(0);
    expect(await halfWritten()).toEqual([]);

    // A new process on the same database starts and serves the events.
    const again = await startServer({ DATABASE_URL: url });
    try {
      const mine = await fetch(`${again.base}/api/v1/me/events`, { headers: { authorization: `Bearer ${tokens[0]}` } });
      expect(mine.status).toBe(200);
    } finally {
      again.child.kill("SIGTERM");
      expect(await again.exited).toBe(0);
    }
  });
});
