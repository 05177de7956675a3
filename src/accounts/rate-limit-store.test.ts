import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymousSession, createUser } from "../../test/accounts.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { openSecondHandle } from "../../test/database.ts";
import { type Database, queryRows } from "../db/client.ts";

// Two app instances on one database (on PostgreSQL each with its own pool), as behind a load balancer.
const env = { SESSION_SECRET: "rate-limit-test-secret-0123456789abcdef" };
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

async function attempt(t: TestApp, email: string, password: string, remoteAddress: string) {
  const s = await anonymousSession(t.app);
  return t.app.inject({
    method: "POST",
    url: "/anmelden",
    headers: { cookie: s.cookie },
    remoteAddress,
    payload: { email, password, _csrf: s.csrf },
  });
}

describe("rate limits across instances", () => {
  it("add up failed logins made on both instances: the 11th is refused on either", async () => {
    const u = await createUser(a.database.db);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const instance = i % 2 === 0 ? a : b;
      statuses.push((await attempt(instance, u.email, "falsches Passwort!", `10.40.0.${i}`)).statusCode);
    }
    expect(statuses).toEqual(Array(10).fill(422));
    expect((await attempt(a, u.email, u.password, "10.40.1.1")).statusCode).toBe(429);
    expect((await attempt(b, u.email, u.password, "10.40.1.2")).statusCode).toBe(429);
  });

  it("add up registration requests per IP on both instances", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const instance = i % 2 === 0 ? a : b;
      const s = await anonymousSession(instance.app);
      const response = await instance.app.inject({
        method: "POST",
        url: "/registrieren",
        headers: { cookie: s.cookie },
        remoteAddress: "10.41.0.1",
        payload: {
          _csrf: s.csrf,
          name: "Erika Muster",
          language: "de",
          email: `neu-${i}-${process.pid}@example.test`,
          password: "ein sicheres Passwort",
        },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([...Array(10).fill(303), 429]);
  });

  it("keeps the counters in the database and starts a passed window again at one", async () => {
    const key = "POST /passwort-vergessen|10.42.0.1";
    await a.database.db.execute(
      sql`insert into rate_limit_hit (key, hits, reset_at) values (${key}, 99, clock_timestamp() - interval '1 second')`,
    );
    const s = await anonymousSession(b.app);
    const response = await b.app.inject({
      method: "POST",
      url: "/passwort-vergessen",
      headers: { cookie: s.cookie },
      remoteAddress: "10.42.0.1",
      payload: { _csrf: s.csrf, email: "jemand@example.test" },
    });
    expect(response.statusCode).toBe(303);
    const [row] = await queryRows<{ hits: number }>(a.database.db, sql`select hits from rate_limit_hit where key = ${key}`);
    expect(row?.hits).toBe(1);
  });
});
