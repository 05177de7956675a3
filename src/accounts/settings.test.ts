import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, login } from "../../test/accounts.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { linkIn, mailsTo } from "../../test/mail.ts";
import { session, user } from "../db/schema/index.ts";
import { findUserById } from "./find-user.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const postAs = (s: { cookie: string; csrf: string }, url: string, fields: Record<string, string>) =>
  t.app.inject({ method: "POST", url, headers: { cookie: s.cookie }, payload: { ...fields, _csrf: s.csrf } });

describe("/konto", () => {
  it("changes name and language", async () => {
    const u = await createUser(t.database.db);
    const s = await login(t.app, u.email, u.password);
    const res = await postAs(s, "/konto/profil", { name: "Neuer Name", language: "en" });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/konto?notice=saved");
    const row = await findUserById(t.database.db, u.id);
    expect(row).toMatchObject({ name: "Neuer Name", language: "en" });
    const page = await t.app.inject({ method: "GET", url: "/konto?notice=saved", headers: { cookie: s.cookie } });
    expect(parseHtml(page.body).querySelector("[role=status]")?.textContent).toBe("Ihre Angaben wurden gespeichert.");
  });

  it("refuses an empty or oversized name with 422 at the field and keeps the input", async () => {
    const u = await createUser(t.database.db);
    const s = await login(t.app, u.email, u.password);
    const long = "n".repeat(121);
    const res = await postAs(s, "/konto/profil", { name: long, language: "de" });
    expect(res.statusCode).toBe(422);
    const doc = parseHtml(res.body);
    expect(doc.querySelector("#field-name-error")?.textContent).toBe("Der Text ist zu lang.");
    expect(doc.querySelector("#field-name")?.getAttribute("value")).toBe(long);
    expect((await findUserById(t.database.db, u.id))?.name).toBe(u.name);
  });

  it("changes the password only with the current one, and ends the other sessions", async () => {
    const u = await createUser(t.database.db);
    const here = await login(t.app, u.email, u.password);
    const elsewhere = await login(t.app, u.email, u.password);
    const wrong = await postAs(here, "/konto/passwort", { currentPassword: "nicht richtig!", newPassword: "das neue Passwort" });
    expect(wrong.statusCode).toBe(422);
    expect(parseHtml(wrong.body).querySelector("#field-currentPassword-error")?.textContent).toBe("Das Passwort stimmt nicht.");
    expect(wrong.body).not.toContain("das neue Passwort");

    const ok = await postAs(here, "/konto/passwort", { currentPassword: u.password, newPassword: "das neue Passwort" });
    expect(ok.statusCode).toBe(303);
    expect((await t.app.inject({ method: "GET", url: "/konto", headers: { cookie: here.cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: "GET", url: "/konto", headers: { cookie: elsewhere.cookie } })).statusCode).toBe(303);
    expect(await t.database.db.select().from(session).where(eq(session.userId, u.id))).toHaveLength(1);
    await login(t.app, u.email, "das neue Passwort");
  });

  it("changes the e-mail address after confirmation from the new address", async () => {
    const u = await createUser(t.database.db, { name: "Wechsel" });
    const s = await login(t.app, u.email, u.password);
    const newEmail = "gewechselt@example.test";
    const res = await postAs(s, "/konto/email", { newEmail, currentPassword: u.password });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/konto?notice=emailChangeSent");
    expect((await findUserById(t.database.db, u.id))?.email).toBe(u.email);
    const [mail] = await mailsTo(t.database.db, newEmail);
    expect(mail?.subject).toBe("Neue E-Mail-Adresse bestätigen");
    const open = await t.app.inject({ method: "GET", url: linkIn(mail ?? { text: "" }), headers: { cookie: s.cookie } });
    expect(open.statusCode).toBe(303);
    expect(open.headers.location).toBe("/konto?notice=emailChanged");
    expect((await findUserById(t.database.db, u.id))?.email).toBe(newEmail);
    await login(t.app, newEmail, u.password);
  });

  it("does not reveal that a new address belongs to someone else, and sends it nothing", async () => {
    const other = await createUser(t.database.db);
    const u = await createUser(t.database.db);
    const s = await login(t.app, u.email, u.password);
    const res = await postAs(s, "/konto/email", { newEmail: other.email, currentPassword: u.password });
    expect(res.headers.location).toBe("/konto?notice=emailChangeSent");
    expect(await mailsTo(t.database.db, other.email)).toHaveLength(0);
    const [row] = await t.database.db.select().from(user).where(eq(user.id, u.id));
    expect(row?.email).toBe(u.email);
  });

  it("refuses an e-mail change with a wrong password", async () => {
    const u = await createUser(t.database.db);
    const s = await login(t.app, u.email, u.password);
    const res = await postAs(s, "/konto/email", { newEmail: "neu2@example.test", currentPassword: "falsch falsch" });
    expect(res.statusCode).toBe(422);
    expect(parseHtml(res.body).querySelector("#field-newEmail")?.getAttribute("value")).toBe("neu2@example.test");
    expect(await mailsTo(t.database.db, "neu2@example.test")).toHaveLength(0);
  });
});
