import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymousSession, createUser, login } from "../../test/accounts.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { createPersonas } from "../../test/personas.ts";
import { session } from "../db/schema/index.ts";
import { loadSessionActor } from "./session-store.ts";
import { hashToken } from "./tokens.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const sessionToken = (cookie: string) => /cw_session=([^;]+)/.exec(cookie)?.[1] ?? "";

describe("sessions", () => {
  it("logs in, shows the account, and stores only a hash of the token", async () => {
    const u = await createUser(t.database.db, { name: "Erika Muster" });
    const s = await login(t.app, u.email, u.password);
    const page = await t.app.inject({ method: "GET", url: "/konto", headers: { cookie: s.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toBe("no-store");
    expect(parseHtml(page.body).querySelector("main")?.textContent).toContain(u.email);
    const token = sessionToken(s.cookie);
    const rows = await t.database.db.select().from(session).where(eq(session.userId, u.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(hashToken(token));
    expect(rows[0]?.tokenHash).not.toContain(token);
  });

  it("sets an httpOnly, SameSite=Lax session cookie", async () => {
    const u = await createUser(t.database.db);
    const anon = await anonymousSession(t.app);
    const res = await t.app.inject({
      method: "POST",
      url: "/anmelden",
      headers: { cookie: anon.cookie },
      payload: { email: u.email, password: u.password, _csrf: anon.csrf },
    });
    const setCookie = String(res.headers["set-cookie"]);
    expect(setCookie).toMatch(/cw_session=[^;]+;.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(res.headers.location).toBe("/mein-bereich");
  });

  it("issues a new session id at login (no fixation)", async () => {
    const u = await createUser(t.database.db);
    const first = await login(t.app, u.email, u.password);
    // Log in again from the browser that already has a session: the old id must die.
    const res = await t.app.inject({
      method: "POST",
      url: "/anmelden",
      headers: { cookie: first.cookie },
      payload: { email: u.email, password: u.password, _csrf: first.csrf },
    });
    expect(res.statusCode).toBe(303);
    const fresh = res.cookies.find((c) => c.name === "cw_session")?.value;
    expect(fresh).toBeTruthy();
    expect(fresh).not.toBe(sessionToken(first.cookie));
    const old = await t.app.inject({ method: "GET", url: "/konto", headers: { cookie: first.cookie } });
    expect(old.statusCode).toBe(303);
    // A planted, unknown session cookie is never adopted either.
    const planted = await t.app.inject({ method: "GET", url: "/konto", headers: { cookie: "cw_session=attacker-chosen-value" } });
    expect(planted.statusCode).toBe(303);
  });

  it("logout deletes the session server-side: the old cookie no longer works", async () => {
    const u = await createUser(t.database.db);
    const s = await login(t.app, u.email, u.password);
    const out = await t.app.inject({ method: "POST", url: "/abmelden", headers: s.headers });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe("/anmelden?notice=loggedOut");
    const rows = await t.database.db.select().from(session).where(eq(session.userId, u.id));
    expect(rows).toHaveLength(0);
    const again = await t.app.inject({ method: "GET", url: "/konto", headers: { cookie: s.cookie } });
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe("/anmelden?next=%2Fkonto");
  });

  it("ends a session idle for more than two hours", async () => {
    const u = await createUser(t.database.db);
    const s = await login(t.app, u.email, u.password);
    await t.database.db.update(session).set({ lastSeenAt: sql`now() - interval '2 hours 1 minute'` }).where(eq(session.userId, u.id));
    const res = await t.app.inject({ method: "GET", url: "/konto", headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(303);
    expect(await t.database.db.select().from(session).where(eq(session.userId, u.id))).toHaveLength(0);
  });

  it("ends a session after twelve hours even when active", async () => {
    const u = await createUser(t.database.db);
    const s = await login(t.app, u.email, u.password);
    const active = await t.app.inject({ method: "GET", url: "/konto", headers: { cookie: s.cookie } });
    expect(active.statusCode).toBe(200);
    await t.database.db
      .update(session)
      .set({ createdAt: sql`now() - interval '12 hours'`, expiresAt: sql`now() - interval '1 second'`, lastSeenAt: sql`now()` })
      .where(eq(session.userId, u.id));
    const res = await t.app.inject({ method: "GET", url: "/konto", headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(303);
  });

  it("clears out expired sessions of everybody in the scheduled housekeeping", async () => {
    const idle = await createUser(t.database.db);
    await login(t.app, idle.email, idle.password);
    await t.database.db.update(session).set({ lastSeenAt: sql`now() - interval '3 hours'` }).where(eq(session.userId, idle.id));
    const other = await createUser(t.database.db);
    const kept = await login(t.app, other.email, other.password);
    const ran = await t.app.scheduler.runDue();
    expect(ran.housekeeping?.sessions).toBeGreaterThanOrEqual(1);
    expect(await t.database.db.select().from(session).where(eq(session.userId, idle.id))).toHaveLength(0);
    expect((await t.app.inject({ method: "GET", url: "/konto", headers: { cookie: kept.cookie } })).statusCode).toBe(200);
  });

  it("loads organisations and coordinated states into the actor", async () => {
    const p = await createPersonas(t);
    expect(p.organiserA.user?.id).toBeTruthy();
    expect(p.orgA.stateCode).toBe("BW");
    expect(p.orgB.stateCode).toBe("BW");
    expect(p.orgA.id).not.toBe(p.orgB.id);
    for (const name of ["organiserA", "organiserB", "coordinatorOther", "coordinator", "editor", "admin"] as const) {
      const res = await t.app.inject({ method: "GET", url: "/konto", headers: { cookie: p[name].session.cookie } });
      expect(res.statusCode, name).toBe(200);
    }
    const actorOf = (cookie: string) => loadSessionActor(t.database.db, hashToken(sessionToken(cookie)));
    expect(await actorOf(p.organiserA.session.cookie)).toMatchObject({ role: "organiser", organisationIds: [p.orgA.id], stateCodes: [] });
    expect(await actorOf(p.organiserB.session.cookie)).toMatchObject({ organisationIds: [p.orgB.id] });
    expect(await actorOf(p.coordinator.session.cookie)).toMatchObject({ role: "coordinator", organisationIds: [], stateCodes: ["BW"] });
    expect(await actorOf(p.coordinatorOther.session.cookie)).toMatchObject({ stateCodes: ["BY"] });
    expect(await actorOf(p.admin.session.cookie)).toMatchObject({ role: "admin", name: "Admin", language: "de" });
  });
});

describe("CSRF", () => {
  it("refuses a POST without a token with 403 and changes nothing", async () => {
    const u = await createUser(t.database.db);
    const s = await login(t.app, u.email, u.password);
    const res = await t.app.inject({ method: "POST", url: "/abmelden", headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(parseHtml(res.body).querySelector("h1")?.textContent).toBe("Formular abgelaufen");
    const still = await t.app.inject({ method: "GET", url: "/konto", headers: { cookie: s.cookie } });
    expect(still.statusCode).toBe(200);
  });

  it("refuses a token of another browser and a forged one", async () => {
    const u = await createUser(t.database.db);
    const s = await login(t.app, u.email, u.password);
    const other = await anonymousSession(t.app);
    for (const token of [other.csrf, "forged", `${s.csrf}x`]) {
      const res = await t.app.inject({ method: "POST", url: "/abmelden", headers: { cookie: s.cookie, "x-csrf-token": token } });
      expect(res.statusCode).toBe(403);
    }
  });

  it("accepts the token as form field or header", async () => {
    const u = await createUser(t.database.db);
    const s = await login(t.app, u.email, u.password);
    const res = await t.app.inject({ method: "POST", url: "/abmelden", headers: { cookie: s.cookie }, payload: { _csrf: s.csrf } });
    expect(res.statusCode).toBe(303);
  });

  it("answers JSON 403 under /api/", async () => {
    // (POST /api/v1/events takes bearer tokens only and answers 401 first: api/me.api.test.ts)
    const res = await t.app.inject({ method: "POST", url: "/api/v1/editions", payload: {} });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: "csrf" } });
  });
});
