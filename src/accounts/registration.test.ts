import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymousSession, login } from "../../test/accounts.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { linkIn, mailsTo } from "../../test/mail.ts";
import { accountToken, user } from "../db/schema/index.ts";
import { findUserByEmail } from "./find-user.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let ip = 0;
/** Posts a form as an anonymous browser (a fresh IP each time, so the per-IP limits stay out of the way). */
async function post(url: string, fields: Record<string, string>, remoteAddress = `10.0.0.${++ip}`) {
  const s = await anonymousSession(t.app);
  return t.app.inject({ method: "POST", url, headers: { cookie: s.cookie }, remoteAddress, payload: { ...fields, _csrf: s.csrf } });
}

const register = (fields: Partial<Record<"name" | "email" | "password" | "language", string>>, remoteAddress?: string) =>
  post("/registrieren", { name: "Erika Muster", password: "ein sicheres Passwort", language: "de", email: "", ...fields }, remoteAddress);

describe("registration", () => {
  it("shows a labelled form in German and English", async () => {
    for (const [url, heading, label] of [
      ["/registrieren", "Registrieren", "E-Mail-Adresse"],
      ["/registrieren?lang=en", "Register", "E-mail address"],
    ] as const) {
      const res = await t.app.inject({ method: "GET", url });
      expect(res.statusCode).toBe(200);
      const doc = parseHtml(res.body);
      expect(doc.querySelector("h1")?.textContent).toBe(heading);
      expect(doc.querySelector('label[for="field-email"]')?.textContent).toBe(label);
      expect(doc.querySelector('form[method="post"] input[name="_csrf"]')).not.toBeNull();
    }
  });

  it("refuses an invalid form with 422, a summary and messages at each field, keeping all but the password", async () => {
    const res = await register({ name: "  ", email: "not-an-address", password: "short" });
    expect(res.statusCode).toBe(422);
    const doc = parseHtml(res.body);
    const summary = [...doc.querySelectorAll(".error-summary li a")].map((a) => [a.getAttribute("href"), a.textContent]);
    expect(summary).toEqual([
      ["#field-name", "Name: Bitte ausfüllen."],
      ["#field-email", "E-Mail-Adresse: Bitte geben Sie eine gültige E-Mail-Adresse an."],
      ["#field-password", "Passwort: Das Passwort muss mindestens 10 Zeichen lang sein."],
    ]);
    expect(doc.querySelector("#field-email-error")?.textContent).toContain("gültige E-Mail-Adresse");
    expect(doc.querySelector("#field-email")?.getAttribute("aria-invalid")).toBe("true");
    expect(doc.querySelector("#field-email")?.getAttribute("aria-describedby")).toContain("field-email-error");
    expect(doc.querySelector("#field-email")?.getAttribute("value")).toBe("not-an-address");
    expect(doc.querySelector("#field-password")?.getAttribute("value")).toBeNull();
    expect(res.body).not.toContain('value="short"');
  });

  it("refuses oversized fields with a message at the field", async () => {
    const res = await register({ name: "x".repeat(121), email: `${"a".repeat(250)}@example.test`, password: "p".repeat(201) });
    expect(res.statusCode).toBe(422);
    const doc = parseHtml(res.body);
    expect(doc.querySelector("#field-name-error")?.textContent).toBe("Der Text ist zu lang.");
    expect(doc.querySelector("#field-email-error")?.textContent).toBe("Der Text ist zu lang.");
    expect(doc.querySelector("#field-password-error")?.textContent).toContain("höchstens 200");
  });

  it("registers, mails a working single-use link, and lets the user log in only after confirming", async () => {
    const email = "neu.registriert@example.test";
    const res = await register({ email, language: "en" });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/registrieren/pruefen");
    const row = await findUserByEmail(t.database.db, email);
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row?.emailVerifiedAt).toBeNull();
    expect(row?.role).toBe("organiser");

    const [mail] = await mailsTo(t.database.db, email);
    expect(mail?.subject).toBe("Please confirm your e-mail address");
    const link = linkIn(mail ?? { text: "" });
    expect(link).toMatch(/^\/konto\/bestaetigen\?token=[\w-]{43}&lang=en$/);
    // Only a hash of the token is stored.
    const token = new URL(link, "http://x").searchParams.get("token") ?? "";
    const tokens = await t.database.db
      .select()
      .from(accountToken)
      .where(eq(accountToken.userId, row?.id ?? 0));
    expect(tokens.map((x) => x.tokenHash)).not.toContain(token);

    // Before confirming: the right password gets a hint and a resend form, not a session.
    const early = await post("/anmelden", { email, password: "ein sicheres Passwort" });
    expect(early.statusCode).toBe(422);
    expect(parseHtml(early.body).querySelector("#field-email-error")?.textContent).toContain("bestätigen");
    expect(parseHtml(early.body).querySelector('form[action="/konto/bestaetigen/erneut"]')).not.toBeNull();
    expect(early.cookies.find((c) => c.name === "cw_session")).toBeUndefined();

    const open = await t.app.inject({ method: "GET", url: link });
    expect(open.statusCode).toBe(303);
    expect(open.headers.location).toBe("/anmelden?notice=verified&lang=en");
    const again = await t.app.inject({ method: "GET", url: link });
    expect(again.statusCode).toBe(400);
    expect(parseHtml(again.body).querySelector("h1")?.textContent).toBe("Invalid link");

    const session = await login(t.app, email, "ein sicheres Passwort");
    const konto = await t.app.inject({ method: "GET", url: "/konto", headers: { cookie: session.cookie } });
    expect(konto.body).toContain(email);
  });

  it("answers a taken address exactly like a new one and mails the owner instead", async () => {
    const owner = "vorhanden@example.test";
    await register({ email: owner, name: "Original" });
    const fresh = await register({ email: "frei@example.test" });
    const taken = await register({ email: "VORHANDEN@example.test", name: "Jemand anderes" });
    expect(taken.statusCode).toBe(fresh.statusCode);
    expect(taken.headers.location).toBe(fresh.headers.location);
    const [attempt] = await mailsTo(t.database.db, owner);
    expect(attempt?.subject).toBe("Registrierung mit Ihrer Adresse");
    expect(attempt?.text).toContain("Hallo Original,");
    expect(await t.database.db.select().from(user).where(sql`lower(${user.email}) = ${owner}`)).toHaveLength(1);
    const check = await t.app.inject({ method: "GET", url: "/registrieren/pruefen" });
    expect(parseHtml(check.body).querySelector("h1")?.textContent).toBe("Bitte prüfen Sie Ihr Postfach");
  });

  it("answers two simultaneous registrations of one address alike and creates one account", async () => {
    const email = "gleichzeitig@example.test";
    const [a, b] = await Promise.all([register({ email }), register({ email })]);
    expect([a.statusCode, b.statusCode]).toEqual([303, 303]);
    expect(await t.database.db.select().from(user).where(sql`lower(${user.email}) = ${email}`)).toHaveLength(1);
  });

  it("escapes script in the name on pages and in mails", async () => {
    const name = '<script>alert("x")</script><b>Böse</b>';
    const email = "boese@example.test";
    await register({ email, name });
    const [mail] = await mailsTo(t.database.db, email);
    expect(mail?.html).not.toContain("<script>");
    expect(mail?.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;Böse&lt;/b&gt;");
    await t.app.inject({ method: "GET", url: linkIn(mail ?? { text: "" }) });
    const s = await login(t.app, email, "ein sicheres Passwort");
    const page = await t.app.inject({ method: "GET", url: "/konto", headers: { cookie: s.cookie } });
    expect(page.body).not.toContain("<script>alert");
    expect(parseHtml(page.body).querySelector("#field-name")?.getAttribute("value")).toBe(name);
  });

  it("refuses an expired verification link", async () => {
    const email = "spaet@example.test";
    await register({ email });
    const [mail] = await mailsTo(t.database.db, email);
    const row = await findUserByEmail(t.database.db, email);
    await t.database.db
      .update(accountToken)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(accountToken.userId, row?.id ?? 0));
    const res = await t.app.inject({ method: "GET", url: linkIn(mail ?? { text: "" }) });
    expect(res.statusCode).toBe(400);
  });

  it("resends the link to an unverified address and says the same for any address", async () => {
    const email = "nochmal@example.test";
    await register({ email });
    const resend = await post("/konto/bestaetigen/erneut", { email });
    const unknown = await post("/konto/bestaetigen/erneut", { email: "niemand@example.test" });
    expect(resend.statusCode).toBe(303);
    expect(unknown.headers.location).toBe(resend.headers.location);
    expect(await mailsTo(t.database.db, email)).toHaveLength(2);
    expect(await mailsTo(t.database.db, "niemand@example.test")).toHaveLength(0);
  });

  it("limits registrations per IP: the 11th in a minute gets a readable 429 page", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await register({ email: `flut${i}@example.test` }, "192.0.2.7")).statusCode);
    expect(statuses).toEqual([...Array(10).fill(303), 429]);
    const blocked = await register({ email: "flut-x@example.test" }, "192.0.2.7");
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers["content-type"]).toContain("text/html");
    expect(parseHtml(blocked.body).querySelector("h1")?.textContent).toBe("Zu viele Versuche");
    expect(blocked.headers["retry-after"]).toBeDefined();
    expect(await findUserByEmail(t.database.db, "flut-x@example.test")).toBeUndefined();
    // Another IP is not affected.
    expect((await register({ email: "flut-y@example.test" }, "192.0.2.8")).statusCode).toBe(303);
  });
});
