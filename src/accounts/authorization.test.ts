import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { createPersonas, type PersonaName, type Personas, personaNames } from "../../test/personas.ts";

let t: TestApp;
let p: Personas;
beforeAll(async () => {
  t = await createTestApp();
  p = await createPersonas(t);
});
afterAll(() => t.close());

// Own-account routes: every logged-in role reaches its own account; anonymous goes to the login.
const loggedIn = (name: PersonaName) => name !== "anonymous";

describe("authorization matrix of the account routes", () => {
  for (const url of ["/konto", "/konto/daten", "/konto/loeschen"]) {
    it(`GET ${url}`, async () => {
      for (const name of personaNames) {
        const res = await t.app.inject({ method: "GET", url, headers: { cookie: p[name].session.cookie } });
        if (loggedIn(name)) {
          expect(res.statusCode, name).toBe(200);
          // Each sees their own account, nobody else's.
          const own = p[name].user?.email ?? "";
          expect(res.body, name).toContain(own);
          for (const other of personaNames.filter((n) => n !== name && loggedIn(n))) {
            expect(res.body, `${name} sees ${other}`).not.toContain(p[other].user?.email ?? "-");
          }
        } else {
          expect(res.statusCode).toBe(303);
          expect(res.headers.location).toBe(`/anmelden?next=${encodeURIComponent(url)}`);
        }
      }
    });
  }

  it("POST /konto/loeschen without a token changes nothing, for every persona", async () => {
    for (const name of personaNames) {
      const res = await t.app.inject({
        method: "POST",
        url: "/konto/loeschen",
        headers: { cookie: p[name].session.cookie },
        payload: { currentPassword: p[name].user?.password ?? "x" },
      });
      expect(res.statusCode, name).toBe(403);
    }
    const still = await t.app.inject({ method: "GET", url: "/konto", headers: { cookie: p.admin.session.cookie } });
    expect(still.statusCode).toBe(200);
  });

  it("POST /konto/loeschen without a login goes to the login", async () => {
    const anon = await t.app.inject({
      method: "POST",
      url: "/konto/loeschen",
      headers: p.anonymous.session.headers,
      payload: { currentPassword: "irgendwas" },
    });
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toBe("/anmelden");
  });

  it("POST /abmelden ends only the caller's session", async () => {
    for (const [i, name] of personaNames.entries()) {
      const res = await t.app.inject({ method: "POST", url: "/abmelden", headers: p[name].session.headers });
      expect(res.statusCode, name).toBe(303);
      expect(res.headers.location).toBe("/anmelden?notice=loggedOut");
      // The caller is out; everyone later in the list is still in.
      for (const [j, other] of personaNames.entries()) {
        if (!loggedIn(other)) continue;
        const check = await t.app.inject({ method: "GET", url: "/konto", headers: { cookie: p[other].session.cookie } });
        expect(check.statusCode, `${other} after ${name} logged out`).toBe(j <= i ? 303 : 200);
      }
    }
  });
});
