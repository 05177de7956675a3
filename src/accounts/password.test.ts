import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymousSession, createUser, login } from "../../test/accounts.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { linkIn, mailsTo } from "../../test/mail.ts";
import { accountToken, session } from "../db/schema/index.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let ip = 0;
async function post(url: string, fields: Record<string, string>, remoteAddress = `10.9.0.${++ip}`) {
  const s = await anonymousSession(t.app);
  return t.app.inject({ method: "POST", url, headers: { cookie: s.cookie }, remoteAddress, payload: { ...fields, _csrf: s.csrf } });
}

describe("password reset", () => {
  it("answers the same for known and unknown addresses and mails only the known one", async () => {
    const u = await createUser(t.database.db, { language: "en" });
    const known = await post("/passwort-vergessen", { email: u.email });
    const unknown = await post("/passwort-vergessen", { email: "wer-ist-das@example.test" });
    expect(known.statusCode).toBe(303);
    expect(unknown.headers.location).toBe(known.headers.location);
    const page = await t.app.inject({ method: "GET", url: known.headers.location ?? "" });
    expect(parseHtml(page.body).querySelector("[role=status]")?.textContent).toContain("Falls ein Konto mit dieser Adresse besteht");
    const [mail] = await mailsTo(t.database.db, u.email);
    expect(mail?.subject).toBe("Set a new password");
    expect(await mailsTo(t.database.db, "wer-ist-das@example.test")).toHaveLength(0);
  });

  it("sets a new password with the single-use link and ends all sessions", async () => {
    const u = await createUser(t.database.db);
    const before = await login(t.app, u.email, u.password);
    await post("/passwort-vergessen", { email: u.email });
    const [mail] = await mailsTo(t.database.db, u.email);
    const link = linkIn(mail ?? { text: "" });
    const form = await t.app.inject({ method: "GET", url: link });
    expect(form.statusCode).toBe(200);
    const token = parseHtml(form.body).querySelector<HTMLInputElement>('input[name="token"]')?.getAttribute("value") ?? "";

    const tooShort = await post("/passwort-neu", { token, password: "kurz" });
    expect(tooShort.statusCode).toBe(422);
    expect(parseHtml(tooShort.body).querySelector("#field-password-error")?.textContent).toContain("mindestens 10");

    const done = await post("/passwort-neu", { token, password: "ganz neues Passwort" });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe("/anmelden?notice=passwordReset");
    expect(await t.database.db.select().from(session).where(eq(session.userId, u.id))).toHaveLength(0);
    expect((await t.app.inject({ method: "GET", url: "/konto", headers: { cookie: before.cookie } })).statusCode).toBe(303);

    expect((await post("/anmelden", { email: u.email, password: u.password })).statusCode).toBe(422);
    expect((await post("/anmelden", { email: u.email, password: "ganz neues Passwort" })).statusCode).toBe(303);
    // Used once: the link is dead.
    expect((await t.app.inject({ method: "GET", url: link })).statusCode).toBe(400);
    expect((await post("/passwort-neu", { token, password: "noch ein Passwort" })).statusCode).toBe(400);
  });

  it("refuses an expired reset link", async () => {
    const u = await createUser(t.database.db);
    await post("/passwort-vergessen", { email: u.email });
    const [mail] = await mailsTo(t.database.db, u.email);
    await t.database.db.update(accountToken).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(accountToken.userId, u.id));
    const res = await t.app.inject({ method: "GET", url: linkIn(mail ?? { text: "" }) });
    expect(res.statusCode).toBe(400);
  });

  it("limits reset requests per IP", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await post("/passwort-vergessen", { email: `x${i}@example.test` }, "192.0.2.50")).statusCode);
    expect(statuses).toEqual([303, 303, 303, 303, 303, 429]);
  });
});
