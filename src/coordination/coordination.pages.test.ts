import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../test/accounts.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { linkIn, mailsTo } from "../../test/mail.ts";
import { createPersonas, type PersonaName, type Personas, personaNames } from "../../test/personas.ts";
import { startSmtp, type TestSmtp } from "../../test/smtp.ts";
import { currentYear } from "../../test/template.ts";
import { queryRows } from "../db/client.ts";
import { auditLog, membership, notificationLog } from "../db/schema/index.ts";
import { browserOf, textOf } from "../organiser/page-test-kit.ts";

let t: TestApp;
let p: Personas;
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ SMTP_URL: smtp.url });
  p = await createPersonas(t);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const as = (name: PersonaName) => browserOf(t.app, p[name].session);
const auditRows = (action: string) => t.database.db.select().from(auditLog).where(eq(auditLog.action, action));

/** What each persona gets for a BW page: coordinator BW, editor and admin see it; BY and organisers 404; anonymous → login. */
const expectedBw: Record<PersonaName, number> = {
  anonymous: 303,
  organiserA: 404,
  organiserB: 404,
  coordinatorOther: 404,
  coordinator: 200,
  editor: 200,
  admin: 200,
};

describe("coordination pages: who may see them", () => {
  it.each(["/mein-bereich/land/BW", "/mein-bereich/land/bw", "/mein-bereich/land/BW/einladen"])("answers %s per persona", async (url) => {
    for (const name of personaNames) {
      const response = await as(name).get(url);
      expect(response.statusCode, `${name} GET ${url}`).toBe(expectedBw[name]);
      if (name === "anonymous") expect(response.headers.location).toMatch(/^\/anmelden\?next=/);
      if (response.statusCode === 200) expect(response.headers["cache-control"]).toBe("private, no-store");
    }
  });

  it("lists the coordinated Länder: BW for its coordinator, all 16 for editors, nothing for organisers", async () => {
    const links = async (name: PersonaName) =>
      [...parseHtml((await as(name).get("/mein-bereich/laender")).body).querySelectorAll(".state-links a")].map((a) =>
        a.getAttribute("href"),
      );
    expect(await links("coordinator")).toEqual(["/mein-bereich/land/BW"]);
    expect(await links("editor")).toHaveLength(16);
    expect((await as("organiserA").get("/mein-bereich/laender")).statusCode).toBe(404);
    expect((await as("anonymous").get("/mein-bereich/laender")).statusCode).toBe(303);
  });

  it("shows 'Mein Land' to a coordinator of one Land and 'Länder' to editors in the area navigation, nothing to organisers", async () => {
    const nav = async (name: PersonaName) => textOf((await as(name).get("/mein-bereich")).body);
    expect(
      parseHtml((await as("coordinator").get("/mein-bereich")).body).querySelector('a[href="/mein-bereich/land/BW"]')?.textContent,
    ).toBe("Mein Land");
    expect(
      parseHtml((await as("editor").get("/mein-bereich?lang=en")).body).querySelector('a[href="/mein-bereich/laender?lang=en"]')
        ?.textContent,
    ).toBe("States");
    expect(await nav("organiserA")).not.toContain("Mein Land");
  });

  it("gives 404 for a Land that is not one, and for the other Land's coordinator on every route and action", async () => {
    expect((await as("editor").get("/mein-bereich/land/XX")).statusCode).toBe(404);
    expect((await as("editor").get("/mein-bereich/land/online")).statusCode).toBe(404);
    for (const url of ["/mein-bereich/land/BW", "/mein-bereich/land/BW/einladen"]) {
      expect((await as("coordinatorOther").get(url)).statusCode).toBe(404);
    }
    const invite = await as("coordinatorOther").post("/mein-bereich/land/BW/einladen", { name: "X", email: "x-other@example.test" });
    expect(invite.statusCode).toBe(404);
    const remind = await as("coordinatorOther").post("/mein-bereich/land/BW/erinnerung", { organisationId: p.orgA.id });
    expect(remind.statusCode).toBe(404);
    expect(await mailsTo(t.database.db, "x-other@example.test")).toEqual([]);
    // Without the CSRF token nothing happens either.
    const forged = await browserOf(t.app, p.coordinator.session, { csrf: false }).post("/mein-bereich/land/BW/einladen", {
      name: "X",
      email: "x-forged@example.test",
    });
    expect(forged.statusCode).toBe(403);
    expect(await mailsTo(t.database.db, "x-forged@example.test")).toEqual([]);
  });
});

describe("inviting an organisation of a Land", () => {
  it("mails a link to the prefilled request form, records the audit row, and refuses the same address again today", async () => {
    const email = "netzwerk-neu@example.test";
    const form = {
      name: 'Netzwerk <script>alert("x")</script> Süd',
      email: "Netzwerk-Neu@Example.test",
      message: "Wir würden uns freuen!",
    };
    const response = await as("coordinator").post("/mein-bereich/land/BW/einladen", form);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/mein-bereich/land/BW/einladen?sent=${encodeURIComponent(email)}`);
    expect(textOf((await as("coordinator").get(response.headers.location as string)).body)).toContain(
      `Die Einladung an ${email} wurde verschickt.`,
    );

    const mail = await smtp.waitFor(email);
    expect(mail.subject).toBe('Einladung zur Clusterwoche: Netzwerk <script>alert("x")</script> Süd');
    expect(mail.text).toContain("Coordinator BW (Baden-Württemberg) lädt");
    expect(mail.text).toContain("Nachricht: Wir würden uns freuen!");
    expect(mail.text).toContain("http://localhost:3000/registrieren");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;");

    // The link opens the request form with the Land and name filled in (for a signed-in user).
    const [queued] = await mailsTo(t.database.db, email);
    if (!queued) throw new Error("no mail queued");
    expect(linkIn(queued)).toBe("/registrieren");
    const link = /http:\/\/localhost:3000(\/mein-bereich\/organisation\/neu\S+)/.exec(queued.text)?.[1] ?? "";
    expect(link).toMatch(/^\/mein-bereich\/organisation\/neu\?stateCode=BW&name=/);
    const requestForm = parseHtml((await as("organiserB").get(link)).body);
    expect(requestForm.querySelector<HTMLSelectElement>("select[name=stateCode] option[selected]")?.getAttribute("value")).toBe("BW");
    expect(requestForm.querySelector<HTMLInputElement>("input[name=name]")?.getAttribute("value")).toBe(form.name);
    expect((await as("anonymous").get(link)).headers.location).toBe(`/anmelden?next=${encodeURIComponent(link)}`);

    const [audit] = await auditRows("organisation.invite");
    expect(audit).toMatchObject({ actorId: p.coordinator.user?.id, stateCode: "BW", objectId: email });

    const again = await as("coordinator").post("/mein-bereich/land/BW/einladen", { ...form, email });
    expect(again.statusCode).toBe(422);
    expect(textOf(again.body)).toContain("Diese Adresse wurde heute schon eingeladen.");
    expect(await mailsTo(t.database.db, email)).toHaveLength(1);
    expect(await auditRows("organisation.invite")).toHaveLength(1);
  });

  it("refuses hostile and malformed input with messages at the fields and writes nothing", async () => {
    const before = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from mail_job`);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ name: "", email: "a@example.test" }, "name", "Bitte ausfüllen."],
      [{ name: "A", email: "not-an-address" }, "email", "Bitte eine gültige E-Mail-Adresse angeben."],
      [{ name: "A", email: ["a@example.test", "b@example.test"] }, "email", "Bitte ausfüllen."],
      [{ name: "A".repeat(201), email: "a@example.test" }, "name", "Der Text ist zu lang."],
      [{ name: "A", email: "a@example.test", message: "x".repeat(2001) }, "message", "Der Text ist zu lang."],
    ];
    for (const [form, field, message] of cases) {
      const response = await as("editor").post("/mein-bereich/land/BW/einladen", form);
      expect(response.statusCode, JSON.stringify(form).slice(0, 80)).toBe(422);
      const html = parseHtml(response.body);
      expect(html.querySelector(`.error-summary a[href="#field-${field}"]`)?.textContent).toContain(message);
      expect(html.querySelector(`#field-${field}`)?.getAttribute("aria-invalid")).toBe("true");
    }
    const after = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from mail_job`);
    expect(after[0]?.n).toBe(before[0]?.n);
    expect(await t.database.db.select().from(notificationLog).where(eq(notificationLog.subjectKey, "BW:a@example.test"))).toEqual([]);
  });

  it("stops at 50 invitations a day per person", async () => {
    const editor = p.editor.user;
    if (!editor) throw new Error("no editor");
    await queryRows(
      t.database.db,
      sql`insert into audit_log (actor_id, actor_name, action, object_type, object_id, state_code, summary)
          select ${editor.id}, 'Editor', 'organisation.invite', 'organisation', 'bulk' || g, 'BY', 'test' from generate_series(1, 50) g`,
    );
    const response = await as("editor").post("/mein-bereich/land/BY/einladen", {
      name: "Eins zu viel",
      email: "one-too-many@example.test",
    });
    expect(response.statusCode).toBe(429);
    expect(textOf(response.body)).toContain("Sie haben heute schon 50 Einladungen verschickt.");
    expect(await mailsTo(t.database.db, "one-too-many@example.test")).toEqual([]);
  });
});

describe("the organisations overview of a Land", () => {
  it("lists the Land's organisations with their events of the current edition per status", async () => {
    const html = parseHtml((await as("coordinator").get("/mein-bereich/land/BW")).body);
    const [expected] = await queryRows<{ published: number; total: number }>(
      t.database.db,
      sql`select count(*) filter (where e.status = 'published')::int as published, count(*)::int as total
          from event e join edition ed on ed.id = e.edition_id
          where e.organisation_id = ${p.orgA.id} and ed.year = ${currentYear} and e.revision_of is null`,
    );
    const row = [...html.querySelectorAll("tbody tr")].find((tr) => tr.querySelector("th")?.textContent?.startsWith(p.orgA.name));
    if (!row) throw new Error(`no row for ${p.orgA.name}`);
    const headers = [...html.querySelectorAll("thead th")].map((th) => th.textContent);
    expect(headers).toEqual([
      "Organisation",
      "Entwurf",
      "Eingereicht",
      "Freigegeben",
      "Änderungen erbeten",
      "Veröffentlicht",
      "Abgelehnt",
      "Abgesagt",
      "Gesamt",
    ]);
    const cells = [...row.querySelectorAll("td")].map((td) => Number(td.textContent));
    expect(cells[4]).toBe(expected?.published);
    expect(cells[7]).toBe(expected?.total);
    // Only BW organisations are listed.
    const names = [...html.querySelectorAll("tbody th")].map((th) => th.textContent ?? "");
    const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from organisation where state_code = 'BW' and status <> 'declined'`,
    );
    expect(names).toHaveLength(n);
  });

  it("lists who took part last edition without submitting yet, and reminds its members once a day", async () => {
    const db = t.database.db;
    // A BW organisation with published 2019 events (the last edition); its events of the current one are set back to drafts.
    const [org] = await queryRows<{ id: number; name: string }>(
      db,
      sql`select o.id, o.name from organisation o where o.state_code = 'BW' and o.status = 'active' and o.id <> ${p.orgA.id} and o.id <> ${p.orgB.id}
          and exists (select 1 from event e join edition ed on ed.id = e.edition_id where e.organisation_id = o.id and ed.year = 2019 and e.status = 'published')
          order by o.id limit 1`,
    );
    if (!org) throw new Error("no BW organisation of 2019");
    await queryRows(
      db,
      sql`update event set status = 'draft', published_at = null where organisation_id = ${org.id} and revision_of is null
          and edition_id = (select id from edition where year = ${currentYear})`,
    );
    const memberDe = await createUser(db, { role: "organiser", organisationIds: [org.id], name: "Mitglied" });
    const memberEn = await createUser(db, { role: "organiser", organisationIds: [org.id], name: "Member", language: "en" });

    const page = parseHtml((await as("coordinator").get("/mein-bereich/land/BW")).body);
    const section = page.querySelector("#not-submitted-title")?.parentElement;
    expect(section?.textContent).toContain(org.name);
    expect(page.querySelector(`form[aria-label="Erinnerung an ${org.name} senden"]`)).not.toBeNull();

    const first = await as("coordinator").post("/mein-bereich/land/BW/erinnerung", { organisationId: org.id });
    expect(first.statusCode).toBe(303);
    const after = textOf((await as("coordinator").get(first.headers.location as string)).body);
    expect(after).toContain(`Die Erinnerung an ${org.name} wurde verschickt.`);
    expect(after).toContain("heute erinnert");
    // The notice is not text from the URL: a made-up id shows nothing.
    expect(textOf((await as("coordinator").get("/mein-bereich/land/BW?reminded=999999")).body)).not.toContain("wurde verschickt");
    const de = await smtp.waitFor(memberDe.email);
    expect(de.subject).toBe(`Clusterwoche ${currentYear}: Ihre Veranstaltungen für ${org.name}`);
    expect(de.text).toContain("Clusterwoche 2019 dabei");
    const en = await smtp.waitFor(memberEn.email);
    expect(en.subject).toBe(`Cluster Week ${currentYear}: your events for ${org.name}`);
    expect(await auditRows("organisation.remind")).toHaveLength(1);

    // The second attempt today: a clear message, no mail, no audit row (also for an editor).
    const second = await as("editor").post("/mein-bereich/land/BW/erinnerung", { organisationId: org.id });
    expect(second.statusCode).toBe(409);
    expect(parseHtml(second.body).querySelector("[role=alert]")?.textContent).toContain(`${org.name} wurde heute schon erinnert.`);
    expect(await mailsTo(db, memberDe.email)).toHaveLength(1);
    expect(await auditRows("organisation.remind")).toHaveLength(1);

    // An organisation that has submitted is not in the list: the action answers 404.
    const submitted = await as("coordinator").post("/mein-bereich/land/BW/erinnerung", { organisationId: p.orgA.id });
    expect(submitted.statusCode).toBe(404);
    for (const bad of ["abc", "-1", "99999999999"]) {
      expect((await as("coordinator").post("/mein-bereich/land/BW/erinnerung", { organisationId: bad })).statusCode).toBe(422);
    }
    const rows = await db
      .select()
      .from(notificationLog)
      .where(and(eq(notificationLog.kind, "submission_reminder"), eq(notificationLog.subjectKey, String(org.id))));
    expect(rows).toHaveLength(1);
    await db.delete(membership).where(eq(membership.organisationId, org.id));
  });
});
