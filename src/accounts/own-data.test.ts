import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, login } from "../../test/accounts.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { demoOrganisationsInBw } from "../../test/personas.ts";
import { event, eventHistory, membership, session, user } from "../db/schema/index.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function organiserWithHistory() {
  const [orgA] = await demoOrganisationsInBw(t);
  const u = await createUser(t.database.db, { organisationIds: [orgA.id], name: "Daten Person" });
  const [ev] = await t.database.db.select({ id: event.id }).from(event).where(eq(event.organisationId, orgA.id)).limit(1);
  if (!ev) throw new Error("demo organisation without events");
  const [entry] = await t.database.db
    .insert(eventHistory)
    .values({ eventId: ev.id, userId: u.id, action: "update", changes: [{ field: "titleDe", old: "Alt", new: "Neu" }] })
    .returning({ id: eventHistory.id });
  return { u, orgA, eventId: ev.id, historyId: entry?.id ?? 0 };
}

describe("own data", () => {
  it("downloads the account, memberships, sessions and authored history as JSON", async () => {
    const { u, orgA, eventId } = await organiserWithHistory();
    const s = await login(t.app, u.email, u.password);
    const res = await t.app.inject({ method: "GET", url: "/konto/daten", headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("application/json");
    expect(res.headers["content-disposition"]).toContain("attachment");
    expect(res.headers["cache-control"]).toBe("no-store");
    const data = res.json();
    expect(data.account).toMatchObject({ id: u.id, email: u.email, name: "Daten Person", role: "organiser" });
    expect(data.account.passwordHash).toBeUndefined();
    expect(res.body).not.toContain("argon2");
    expect(data.memberships).toEqual([expect.objectContaining({ slug: orgA.slug, role: "member" })]);
    expect(data.sessions.length).toBeGreaterThanOrEqual(1);
    expect(data.sessions[0].tokenHash).toBeUndefined();
    expect(data.eventHistory).toEqual([expect.objectContaining({ eventId, action: "update" })]);
    expect(Array.isArray(data.mails)).toBe(true);
  });

  it("refuses to delete with a wrong password", async () => {
    const u = await createUser(t.database.db);
    const s = await login(t.app, u.email, u.password);
    const res = await t.app.inject({
      method: "POST",
      url: "/konto/loeschen",
      headers: { cookie: s.cookie },
      payload: { currentPassword: "leider falsch", _csrf: s.csrf },
    });
    expect(res.statusCode).toBe(422);
    expect(parseHtml(res.body).querySelector("#field-currentPassword-error")?.textContent).toBe("Das Passwort stimmt nicht.");
    expect(await t.database.db.select().from(user).where(eq(user.id, u.id))).toHaveLength(1);
  });

  it("deletes the account: personal data goes, history keeps the change without the author, events stay", async () => {
    const { u, orgA, eventId, historyId } = await organiserWithHistory();
    const s = await login(t.app, u.email, u.password);
    const page = await t.app.inject({ method: "GET", url: "/konto/loeschen", headers: { cookie: s.cookie } });
    expect(parseHtml(page.body).querySelector("h1")?.textContent).toBe("Konto löschen");
    const res = await t.app.inject({
      method: "POST",
      url: "/konto/loeschen",
      headers: { cookie: s.cookie },
      payload: { currentPassword: u.password, _csrf: s.csrf },
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/anmelden?notice=deleted");
    const db = t.database.db;
    expect(await db.select().from(user).where(eq(user.id, u.id))).toHaveLength(0);
    expect(await db.select().from(session).where(eq(session.userId, u.id))).toHaveLength(0);
    expect(await db.select().from(membership).where(eq(membership.userId, u.id))).toHaveLength(0);
    const [kept] = await db.select().from(eventHistory).where(eq(eventHistory.id, historyId));
    expect(kept).toMatchObject({ eventId, userId: null, action: "update" });
    expect(await db.select().from(event).where(eq(event.id, eventId))).toHaveLength(1);
    expect((await db.select().from(membership).where(eq(membership.organisationId, orgA.id))).length).toBeGreaterThanOrEqual(0);
    expect((await t.app.inject({ method: "GET", url: "/konto", headers: { cookie: s.cookie } })).statusCode).toBe(303);
  });
});
