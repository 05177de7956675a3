import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymousSession, createUser, login } from "../../test/accounts.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { safeNext } from "./safe-next.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function attempt(
  email: string,
  password: string,
  options: { remoteAddress?: string; next?: string; url?: string; forwardedFor?: string } = {},
) {
  const s = await anonymousSession(t.app);
  const payload: Record<string, string> = { email, password, _csrf: s.csrf };
  if (options.next !== undefined) payload.next = options.next;
  return t.app.inject({
    method: "POST",
    url: options.url ?? "/anmelden",
    headers: { cookie: s.cookie, ...(options.forwardedFor ? { "x-forwarded-for": options.forwardedFor } : {}) },
    remoteAddress: options.remoteAddress ?? "10.1.0.1",
    payload,
  });
}

describe("login", () => {
  it("gives the same answer for a wrong password and an unknown address", async () => {
    const u = await createUser(t.database.db);
    const wrong = await attempt(u.email, "falsches Passwort!", { remoteAddress: "10.1.1.1" });
    const unknown = await attempt("niemand-hier@example.test", "falsches Passwort!", { remoteAddress: "10.1.1.2" });
    expect(wrong.statusCode).toBe(422);
    expect(unknown.statusCode).toBe(422);
    const message = (html: string) => parseHtml(html).querySelector(".error-summary")?.textContent;
    expect(message(wrong.body)).toBe(message(unknown.body));
    expect(message(wrong.body)).toContain("E-Mail-Adresse oder Passwort stimmen nicht.");
    expect(parseHtml(wrong.body).querySelector("#field-email")?.getAttribute("value")).toBe(u.email);
    expect(wrong.cookies.find((c) => c.name === "cw_session")).toBeUndefined();
  });

  it("takes about as long for an unknown address as for a known one (a dummy hash is verified)", async () => {
    const u = await createUser(t.database.db);
    const time = async (email: string, ip: string) => {
      const started = performance.now();
      await attempt(email, "falsches Passwort!", { remoteAddress: ip });
      return performance.now() - started;
    };
    await time("warmup@example.test", "10.1.2.0");
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await time(u.email, `10.1.2.${i + 1}`));
      unknown.push(await time(`unbekannt${i}@example.test`, `10.1.3.${i + 1}`));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[1] ?? 0;
    // Without the dummy hash an unknown address answers in a few ms, a known one after ~20–60 ms of argon2.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.3);
  });

  it("answers the 11th wrong password within a minute with 429, per address and per IP", async () => {
    const u = await createUser(t.database.db);
    // Same address from ten different IPs, then the right password from an eleventh: still blocked.
    for (let i = 0; i < 10; i++)
      expect((await attempt(u.email, "falsches Passwort!", { remoteAddress: `10.2.0.${i}` })).statusCode).toBe(422);
    const blocked = await attempt(u.email, u.password, { remoteAddress: "10.2.1.1" });
    expect(blocked.statusCode).toBe(429);
    expect(parseHtml(blocked.body).querySelector("h1")?.textContent).toBe("Zu viele Versuche");
    expect(blocked.cookies.find((c) => c.name === "cw_session")).toBeUndefined();

    // Ten wrong passwords from one IP for different addresses block that IP, not others.
    const v = await createUser(t.database.db);
    for (let i = 0; i < 10; i++) await attempt(`spray${i}@example.test`, "falsches Passwort!", { remoteAddress: "10.3.0.1" });
    expect((await attempt(v.email, v.password, { remoteAddress: "10.3.0.1" })).statusCode).toBe(429);
    expect((await attempt(v.email, v.password, { remoteAddress: "10.3.0.2" })).statusCode).toBe(303);
  });

  it("counts by the connection's address: a forged X-Forwarded-For does not open a fresh bucket (TRUST_PROXY off)", async () => {
    const v = await createUser(t.database.db);
    for (let i = 0; i < 10; i++)
      await attempt(`forged${i}@example.test`, "falsches Passwort!", { remoteAddress: "10.6.0.1", forwardedFor: `203.0.113.${i}` });
    const blocked = await attempt(v.email, v.password, { remoteAddress: "10.6.0.1", forwardedFor: "198.51.100.7" });
    expect(blocked.statusCode).toBe(429);
  });

  it("does not count successful logins", async () => {
    const u = await createUser(t.database.db);
    for (let i = 0; i < 12; i++) expect((await attempt(u.email, u.password, { remoteAddress: "10.4.0.1" })).statusCode).toBe(303);
  });

  it("follows a local next and refuses foreign ones", async () => {
    const u = await createUser(t.database.db);
    const cases: [string, string][] = [
      ["/konto?lang=en", "/konto?lang=en"],
      ["//evil.example", "/mein-bereich"],
      ["https://evil.example/", "/mein-bereich"],
      ["/\\evil.example", "/mein-bereich"],
      ["javascript:alert(1)", "/mein-bereich"],
    ];
    for (const [next, location] of cases) {
      const res = await attempt(u.email, u.password, { next, remoteAddress: "10.5.0.1" });
      expect(res.headers.location, next).toBe(location);
    }
    // The login page carries a safe next into its form, and drops an unsafe one.
    const page = await t.app.inject({ method: "GET", url: "/anmelden?next=%2Fkonto" });
    expect(parseHtml(page.body).querySelector('input[name="next"]')?.getAttribute("value")).toBe("/konto");
    const evil = await t.app.inject({ method: "GET", url: "/anmelden?next=%2F%2Fevil.example" });
    expect(parseHtml(evil.body).querySelector('input[name="next"]')).toBeNull();
  });

  it("sends anonymous visitors of a private page to the login and back", async () => {
    const res = await t.app.inject({ method: "GET", url: "/konto?lang=en" });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/anmelden?next=%2Fkonto%3Flang%3Den&lang=en");
    const area = await t.app.inject({ method: "GET", url: "/mein-bereich" });
    expect(area.statusCode).toBe(303);
    expect(area.headers.location).toMatch(/^\/anmelden\?next=%2Fmein-bereich/);
  });

  it("shows the login page in English with a link to registration and reset", async () => {
    const res = await t.app.inject({ method: "GET", url: "/anmelden?lang=en" });
    const doc = parseHtml(res.body);
    expect(doc.querySelector("h1")?.textContent).toBe("Log in");
    expect(doc.querySelector('a[href="/registrieren?lang=en"]')).not.toBeNull();
    expect(doc.querySelector('a[href="/passwort-vergessen?lang=en"]')).not.toBeNull();
    expect(doc.querySelector('input[name="password"]')?.getAttribute("autocomplete")).toBe("current-password");
  });

  it("redirects a logged-in user away from the login page", async () => {
    const u = await createUser(t.database.db);
    const s = await login(t.app, u.email, u.password);
    const res = await t.app.inject({ method: "GET", url: "/anmelden", headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/mein-bereich");
  });

  it("has a static 'for organisers' link in the footer of public pages", async () => {
    const res = await t.app.inject({ method: "GET", url: "/impressum?lang=en" });
    const link = parseHtml(res.body).querySelector('footer a[href="/mein-bereich?lang=en"]');
    expect(link?.textContent).toBe("For organisers");
  });
});

describe("safeNext", () => {
  it("keeps local paths and drops everything else", () => {
    expect(safeNext("/programm?state=BW")).toBe("/programm?state=BW");
    for (const bad of ["//evil.example", "https://evil.example", "/\\evil.example", "evil", "", "/a\nb", 5, undefined]) {
      expect(safeNext(bad)).toBeUndefined();
    }
  });
});
