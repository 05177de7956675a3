import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymousSession, createUser, login, testPassword } from "../../test/accounts.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { mailsTo } from "../../test/mail.ts";
import { createPersonas, type PersonaName, type Personas, personaNames } from "../../test/personas.ts";
import { createApiToken } from "../accounts/api-tokens.ts";
import { queryRows } from "../db/client.ts";
import { auditLog, coordinatorState, session, user } from "../db/schema/index.ts";
import { actorOf } from "../organiser/organiser-test-kit.ts";
import { browserOf, textOf } from "../organiser/page-test-kit.ts";

let t: TestApp;
let p: Personas;
beforeAll(async () => {
  t = await createTestApp();
  p = await createPersonas(t);
});
afterAll(() => t.close());

const as = (name: PersonaName) => browserOf(t.app, p[name].session);
const idOf = (name: Exclude<PersonaName, "anonymous">) => p[name].user?.id ?? 0;
const auditFor = (id: number) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.objectType, "user"), eq(auditLog.objectId, String(id))));
const userRow = async (id: number) => (await t.database.db.select().from(user).where(eq(user.id, id)))[0];

describe("user administration: who may", () => {
  it("sends anonymous visitors to the login and answers 404 to organisers and coordinators, on every route", async () => {
    const target = idOf("organiserB");
    const gets = ["/mein-bereich/nutzer", "/mein-bereich/nutzer/neu", `/mein-bereich/nutzer/${target}`, "/mein-bereich/nutzer?role=editor"];
    const posts: [string, Record<string, unknown>][] = [
      [`/mein-bereich/nutzer/${target}/rolle`, { role: "coordinator", stateCodes: "BW" }],
      [`/mein-bereich/nutzer/${target}/deaktivieren`, {}],
      [`/mein-bereich/nutzer/${target}/aktivieren`, {}],
      [`/mein-bereich/nutzer/${target}/bestaetigung`, {}],
      ["/mein-bereich/nutzer/neu", { name: "X", email: "x-authz@example.test", role: "organiser" }],
    ];
    for (const path of gets) {
      const anonymous = await as("anonymous").get(path);
      expect(anonymous.statusCode, path).toBe(303);
      expect(anonymous.headers.location).toMatch(/^\/anmelden\?next=/);
    }
    for (const [path, form] of posts) expect((await as("anonymous").post(path, form)).statusCode, path).toBe(303);
    for (const name of ["organiserA", "organiserB", "coordinator", "coordinatorOther"] as const) {
      for (const path of gets) expect((await as(name).get(path)).statusCode, `${name} ${path}`).toBe(404);
      for (const [path, form] of posts) expect((await as(name).post(path, form)).statusCode, `${name} ${path}`).toBe(404);
    }
    for (const name of ["editor", "admin"] as const)
      for (const path of gets) expect((await as(name).get(path)).statusCode, `${name} ${path}`).toBe(200);
    expect((await userRow(target))?.role).toBe("organiser");
    expect((await userRow(target))?.deactivatedAt).toBeNull();
    expect(await mailsTo(t.database.db, "x-authz@example.test")).toEqual([]);
    expect(await auditFor(target)).toEqual([]);
  });

  it("shows editors and admins the navigation entries, nobody else", async () => {
    for (const name of personaNames.filter((n) => n !== "anonymous")) {
      const page = parseHtml((await as(name).get("/mein-bereich/protokoll")).body);
      const links = [...page.querySelectorAll(".area-nav a")].map((a) => a.getAttribute("href"));
      const national = name === "editor" || name === "admin";
      if (name.startsWith("organiser")) continue; // organisers have no audit page (404)
      expect(links.includes("/mein-bereich/nutzer"), name).toBe(national);
      expect(links.includes("/mein-bereich/organisationen"), name).toBe(national);
    }
  });
});

describe("user list", () => {
  it("searches by name or e-mail and filters by role, Land and status; paginates by 50", async () => {
    const page = await as("editor").get("/mein-bereich/nutzer?q=organiser+a");
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toBe("private, no-store");
    const names = [...parseHtml(page.body).querySelectorAll(".user-row th a")].map((a) => a.textContent);
    expect(names).toEqual(["Organiser A"]);

    const coordinators = parseHtml((await as("editor").get("/mein-bereich/nutzer?role=coordinator&state=BY")).body);
    expect([...coordinators.querySelectorAll(".user-row th a")].map((a) => a.textContent)).toEqual(["Coordinator BY"]);
    // A Land also finds the members of its organisations.
    const inBw = textOf((await as("editor").get("/mein-bereich/nutzer?state=BW")).body);
    expect(inBw).toContain("Organiser A");
    expect(inBw).toContain("Coordinator BW");
    expect(inBw).not.toContain("Coordinator BY");

    await t.database.db
      .insert(user)
      .values(Array.from({ length: 55 }, (_, i) => ({ name: `Zz Bulk ${String(i).padStart(2, "0")}`, email: `bulk-${i}@example.test` })));
    const unverified = await as("admin").get("/mein-bereich/nutzer?status=unverified&q=zz+bulk");
    expect(textOf(unverified.body)).toContain("55 Konten");
    const doc = parseHtml(unverified.body);
    expect(doc.querySelectorAll(".user-row").length).toBe(50);
    expect(doc.querySelector('.pagination a[rel="next"]')?.getAttribute("href")).toBe(
      "/mein-bereich/nutzer?q=zz+bulk&status=unverified&page=2",
    );
    const second = parseHtml((await as("admin").get("/mein-bereich/nutzer?status=unverified&q=zz+bulk&page=2")).body);
    expect(second.querySelectorAll(".user-row").length).toBe(5);

    const english = await as("admin").get("/mein-bereich/nutzer?lang=en");
    expect(parseHtml(english.body).querySelector("h1")?.textContent).toBe("Users");
  });

  it("answers a malformed filter with 400, the field marked, nothing listed", async () => {
    const bad = await as("editor").get("/mein-bereich/nutzer?role=superuser&page=abc");
    expect(bad.statusCode).toBe(400);
    const doc = parseHtml(bad.body);
    expect(doc.querySelector("#field-role")?.getAttribute("aria-invalid")).toBe("true");
    expect(doc.querySelector(".error-summary")?.textContent).toContain("Rolle");
    expect(doc.querySelectorAll(".user-row").length).toBe(0);
    expect((await as("editor").get("/mein-bereich/nutzer/999999999")).statusCode).toBe(404);
    expect((await as("editor").get("/mein-bereich/nutzer/abc")).statusCode).toBe(404);
    expect((await as("editor").get("/mein-bereich/nutzer/99999999999999")).statusCode).toBe(404);
  });
});

describe("roles and Länder", () => {
  it("lets an editor make an organiser a coordinator of Länder, audited; refuses coordinators without a Land (422)", async () => {
    const someone = await createUser(t.database.db, { name: "Role Person" });
    const path = `/mein-bereich/nutzer/${someone.id}/rolle`;
    const missing = await as("editor").post(path, { role: "coordinator" });
    expect(missing.statusCode).toBe(422);
    expect(textOf(missing.body)).toContain("Bitte wählen Sie mindestens ein Land.");
    const stray = await as("editor").post(path, { role: "organiser", stateCodes: "BW" });
    expect(stray.statusCode).toBe(422);
    const unknown = await as("editor").post(path, { role: "coordinator", stateCodes: "XX" });
    expect(unknown.statusCode).toBe(422);
    const wrongType = await as("editor").post(path, { role: "<script>", stateCodes: "BW" });
    expect(wrongType.statusCode).toBe(422);
    expect(wrongType.body).not.toContain("<script>");
    expect((await userRow(someone.id))?.role).toBe("organiser");

    const done = await as("editor").post(path, { role: "coordinator", stateCodes: ["HE", "BW"] });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/mein-bereich/nutzer/${someone.id}?notice=userRoleChanged`);
    expect((await userRow(someone.id))?.role).toBe("coordinator");
    const states = await t.database.db.select().from(coordinatorState).where(eq(coordinatorState.userId, someone.id));
    expect(states.map((s) => s.stateCode).sort()).toEqual(["BW", "HE"]);
    const [audit] = await auditFor(someone.id);
    expect(audit).toMatchObject({ action: "user.role", actorName: "Editor" });
    expect(audit?.after).toEqual({ role: "coordinator", stateCodes: ["BW", "HE"] });
    // The new coordinator's next request acts with the new role.
    const session = await login(t.app, someone.email);
    expect((await browserOf(t.app, session).get("/mein-bereich/land/HE")).statusCode).toBe(200);
  });

  it("lets only admins make or change editors and admins (403 for editors); nobody changes their own role", async () => {
    const someone = await createUser(t.database.db, { name: "Promotion Person" });
    const path = `/mein-bereich/nutzer/${someone.id}/rolle`;
    expect((await as("editor").post(path, { role: "editor" })).statusCode).toBe(403);
    expect((await as("editor").post(path, { role: "admin" })).statusCode).toBe(403);
    expect((await as("editor").post(`/mein-bereich/nutzer/${idOf("admin")}/rolle`, { role: "organiser" })).statusCode).toBe(403);
    expect((await as("editor").post(`/mein-bereich/nutzer/${idOf("admin")}/deaktivieren`)).statusCode).toBe(403);
    expect((await as("editor").post(`/mein-bereich/nutzer/${idOf("editor")}/rolle`, { role: "organiser" })).statusCode).toBe(409);
    expect((await as("admin").post(`/mein-bereich/nutzer/${idOf("admin")}/rolle`, { role: "organiser" })).statusCode).toBe(409);
    expect((await userRow(someone.id))?.role).toBe("organiser");
    expect((await userRow(idOf("admin")))?.role).toBe("admin");
    // An editor's page of an admin offers no forms; its role select has no editor/admin options for an organiser.
    const adminPage = parseHtml((await as("editor").get(`/mein-bereich/nutzer/${idOf("admin")}`)).body);
    expect(adminPage.querySelectorAll("form[method=post]").length).toBe(1); // the logout form only
    const options = [
      ...parseHtml((await as("editor").get(`/mein-bereich/nutzer/${someone.id}`)).body).querySelectorAll("#field-role option"),
    ];
    expect(options.map((o) => o.getAttribute("value"))).toEqual(["organiser", "coordinator"]);

    expect((await as("admin").post(path, { role: "editor" })).statusCode).toBe(303);
    expect((await userRow(someone.id))?.role).toBe("editor");
    expect((await auditFor(someone.id)).map((a) => a.action)).toEqual(["user.role"]);
  });
});

describe("deactivation", () => {
  it("ends every session at once, refuses login with a clear message, API tokens and reset mails; reactivation restores login", async () => {
    const someone = await createUser(t.database.db, { name: "Leaving Person", organisationIds: [p.orgA.id] });
    const first = await login(t.app, someone.email);
    const second = await login(t.app, someone.email);
    const actor = await actorOf(t.database.db, someone.id);
    const { token } = await createApiToken({ ctx: { db: t.database.db, actor }, input: { name: "CI", expiresOn: null } });
    const api = () => t.app.inject({ method: "GET", url: "/api/v1/me", headers: { authorization: `Bearer ${token}` } });
    expect((await api()).statusCode).toBe(200);

    const done = await as("editor").post(`/mein-bereich/nutzer/${someone.id}/deaktivieren`);
    expect(done.statusCode).toBe(303);
    expect(await t.database.db.select().from(session).where(eq(session.userId, someone.id))).toEqual([]);
    for (const old of [first, second]) {
      const page = await browserOf(t.app, old).get("/konto");
      expect(page.statusCode).toBe(303);
      expect(page.headers.location).toMatch(/^\/anmelden/);
    }
    expect((await api()).statusCode).toBe(401);

    const anonymous = await anonymousSession(t.app);
    const refused = await t.app.inject({
      method: "POST",
      url: "/anmelden",
      headers: { cookie: anonymous.cookie },
      payload: { email: someone.email, password: testPassword, _csrf: anonymous.csrf },
    });
    expect(refused.statusCode).toBe(422);
    expect(textOf(refused.body)).toContain("Dieses Konto ist deaktiviert.");
    expect(refused.headers["set-cookie"]?.toString() ?? "").not.toContain("cw_session=");
    const wrong = await t.app.inject({
      method: "POST",
      url: "/anmelden",
      headers: { cookie: anonymous.cookie },
      payload: { email: someone.email, password: "not the password", _csrf: anonymous.csrf },
    });
    expect(textOf(wrong.body)).not.toContain("deaktiviert"); // only who knows the password learns it
    await t.app.inject({
      method: "POST",
      url: "/passwort-vergessen",
      headers: { cookie: anonymous.cookie },
      payload: { email: someone.email, _csrf: anonymous.csrf },
    });
    expect(await mailsTo(t.database.db, someone.email)).toEqual([]);
    expect((await as("editor").post(`/mein-bereich/nutzer/${someone.id}/deaktivieren`)).statusCode).toBe(409);
    expect(textOf((await as("editor").get(`/mein-bereich/nutzer/${someone.id}`)).body)).toContain("Deaktiviert seit");

    expect((await as("editor").post(`/mein-bereich/nutzer/${someone.id}/aktivieren`)).statusCode).toBe(303);
    expect((await userRow(someone.id))?.deactivatedAt).toBeNull();
    await login(t.app, someone.email);
    expect((await api()).statusCode).toBe(200);
    expect((await as("editor").post(`/mein-bereich/nutzer/${someone.id}/aktivieren`)).statusCode).toBe(409);
    const actions = (await auditFor(someone.id)).map((a) => a.action);
    expect(actions).toEqual(["user.deactivate", "user.reactivate"]);
    expect((await auditFor(someone.id))[0]?.summary).toContain("2 Sitzung(en) beendet");
    // Nobody deactivates themselves.
    expect((await as("editor").post(`/mein-bereich/nutzer/${idOf("editor")}/deaktivieren`)).statusCode).toBe(409);
  });
});

describe("verification mail and new accounts", () => {
  it("resends the verification link to an unconfirmed account (audited); a confirmed one is 409", async () => {
    const [row] = await t.database.db
      .insert(user)
      .values({ name: "Unconfirmed", email: "unconfirmed@example.test", language: "en" })
      .returning({ id: user.id });
    const id = row?.id ?? 0;
    expect((await as("editor").post(`/mein-bereich/nutzer/${id}/bestaetigung`)).statusCode).toBe(303);
    const [mail] = await mailsTo(t.database.db, "unconfirmed@example.test");
    expect(mail?.subject).toBe("Please confirm your e-mail address");
    expect(mail?.text).toContain("http://localhost:3000/konto/bestaetigen?token=");
    expect((await auditFor(id)).map((a) => a.action)).toEqual(["user.resend_verification"]);
    expect((await as("editor").post(`/mein-bereich/nutzer/${idOf("organiserB")}/bestaetigung`)).statusCode).toBe(409);
    expect(await mailsTo(t.database.db, p.organiserB.user?.email ?? "")).toEqual([]);
  });

  it("creates accounts: editors organisers and coordinators, admins also editors; the mail sets the password", async () => {
    const path = "/mein-bereich/nutzer/neu";
    const hostile = { name: "<script>alert(1)</script> Neu", email: "new-coord@example.test", role: "coordinator", stateCodes: "SN" };
    const created = await as("editor").post(path, hostile);
    expect(created.statusCode).toBe(303);
    const [row] = await t.database.db.select().from(user).where(eq(user.email, "new-coord@example.test"));
    expect(row).toMatchObject({ role: "coordinator", passwordHash: null, emailVerifiedAt: null });
    expect(created.headers.location).toBe(`/mein-bereich/nutzer/${row?.id}?notice=userCreated`);
    const page = await as("editor").get(created.headers.location ?? "");
    expect(page.body).not.toContain("<script>alert(1)</script>");
    expect(textOf(page.body)).toContain("Das Konto ist angelegt");
    const [mail] = await mailsTo(t.database.db, "new-coord@example.test");
    expect(mail?.subject).toBe("Ihr Konto bei der Clusterwoche");
    expect(mail?.text).toContain("Rolle: Landeskoordination");
    expect(mail?.html).not.toContain("<script>alert(1)</script>");
    const link = /http:\/\/localhost:3000(\/passwort-neu\?token=\S+)/.exec(mail?.text ?? "")?.[1] ?? "";
    const form = await t.app.inject({ method: "GET", url: link });
    expect(form.statusCode).toBe(200);
    expect((await auditFor(row?.id ?? 0)).map((a) => a.action)).toEqual(["user.add"]);

    expect((await as("editor").post(path, { name: "Boss", email: "boss@example.test", role: "admin" })).statusCode).toBe(403);
    const taken = await as("editor").post(path, { name: "Again", email: "NEW-COORD@example.test", role: "organiser" });
    expect(taken.statusCode).toBe(422);
    expect(textOf(taken.body)).toContain("Mit dieser Adresse besteht schon ein Konto.");
    const invalid = await as("editor").post(path, { name: "x".repeat(201), email: "not-an-address", role: "organiser" });
    expect(invalid.statusCode).toBe(422);
    expect(parseHtml(invalid.body).querySelector("#field-email")?.getAttribute("aria-invalid")).toBe("true");
    expect(await mailsTo(t.database.db, "boss@example.test")).toEqual([]);
    expect((await as("admin").post(path, { name: "Second Editor", email: "second-editor@example.test", role: "editor" })).statusCode).toBe(
      303,
    );
    const [editor] = await queryRows<{ role: string }>(
      t.database.db,
      sql`select role from "user" where email = 'second-editor@example.test'`,
    );
    expect(editor?.role).toBe("editor");
  });
});
