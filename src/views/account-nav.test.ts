import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, login } from "../../test/accounts.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_CACHE: "on" });
});
afterAll(() => t.close());

const page = async (url: string, cookie?: string) => {
  const response = await t.app.inject({ method: "GET", url, headers: cookie ? { cookie } : {} });
  return { response, doc: parseHtml(response.body) };
};
const accountNav = (doc: ReturnType<typeof parseHtml>) => doc.querySelector("header .account-nav");

describe("sign-in in the header", () => {
  it("offers 'Anmelden' at the top of every public page, in German and English", async () => {
    for (const url of ["/", "/programm", "/organisationen", "/impressum", "/anmelden"]) {
      const { doc } = await page(url);
      const link = accountNav(doc)?.querySelector("a[href^='/anmelden']");
      expect(link?.textContent, url).toBe("Anmelden");
    }
    const { doc } = await page("/programm?lang=en");
    expect(accountNav(doc)?.querySelector("a[href='/anmelden?lang=en']")?.textContent).toBe("Log in");
  });

  it("shows a signed-in account its name, 'Mein Bereich' and a logout form that works", async () => {
    const u = await createUser(t.database.db, { name: "Hannah Header" });
    const s = await login(t.app, u.email, u.password);
    const { response, doc } = await page("/konto", s.cookie);
    expect(response.headers["cache-control"]).toMatch(/no-store/);
    const nav = accountNav(doc);
    expect(nav?.querySelector(".account-name")?.textContent).toBe("Hannah Header");
    expect(nav?.querySelector("a[href='/mein-bereich']")?.textContent).toBe("Mein Bereich");
    const form = nav?.querySelector("form[method='post'][action='/abmelden']");
    const token = form?.querySelector("input[name='_csrf']")?.getAttribute("value");
    expect(form?.querySelector("button")?.textContent).toBe("Abmelden");
    if (!token) throw new Error("no CSRF token in the logout form");
    const out = await t.app.inject({ method: "POST", url: "/abmelden", headers: { cookie: s.cookie }, payload: { _csrf: token } });
    expect(out.statusCode).toBe(303);
    const after = await t.app.inject({ method: "GET", url: "/konto", headers: { cookie: s.cookie } });
    expect(after.statusCode).toBe(303);
  });

  it("keeps cached public pages the same for everybody: 'Anmelden', which leads a signed-in visitor on", async () => {
    const u = await createUser(t.database.db, { name: "Cache Person" });
    const s = await login(t.app, u.email, u.password);
    const anonymous = await page("/programm");
    const signedIn = await page("/programm", s.cookie);
    expect(signedIn.response.body).toBe(anonymous.response.body);
    expect(signedIn.response.body).not.toContain("Cache Person");
    const toLogin = await t.app.inject({ method: "GET", url: "/anmelden", headers: { cookie: s.cookie } });
    expect(toLogin.statusCode).toBe(303);
    expect(toLogin.headers.location).toBe("/mein-bereich");
  });
});
