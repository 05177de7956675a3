import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../test/accounts.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { createPersonas, type PersonaName, type Personas } from "../../test/personas.ts";
import { startSmtp, type TestSmtp } from "../../test/smtp.ts";
import { auditLog, edition, event } from "../db/schema/index.ts";
import { createEventDraft } from "../event-form/create-event-draft.ts";
import { sampleEvent } from "../event-form/event-form.fixtures.ts";
import { actorOf } from "../organiser/organiser-test-kit.ts";
import { browserOf, textOf } from "../organiser/page-test-kit.ts";

const list = "/mein-bereich/ausgaben";
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
const rowOf = async (year: number) => (await t.database.db.select().from(edition).where(eq(edition.year, year)))[0];
const form = (overrides: Record<string, unknown> = {}) => ({
  year: "2040",
  titleDe: "Clusterwoche 2040",
  titleEn: "Cluster Week 2040",
  hashtag: "CW2040",
  startsOn: "2040-04-03",
  endsOn: "2040-04-12",
  submissionOpensOn: "2039-12-01",
  submissionClosesOn: "2040-03-15",
  moderation: "one_tier",
  reviewTargetDays: "5",
  greetingDe: "Willkommen",
  greetingEn: "Welcome",
  ...overrides,
});

describe("edition pages: who may", () => {
  it("sends anonymous visitors to the login and answers 404 to organisers and coordinators, on every route", async () => {
    const demo = (await t.database.db.select().from(edition).limit(1))[0]?.year ?? 2019;
    const gets = [list, `${list}/neu`, `${list}/neu-aus-vorjahr`, `${list}/${demo}`];
    const posts = [`${list}/neu`, `${list}/neu-aus-vorjahr`, `${list}/${demo}`, `${list}/${demo}/status`];
    for (const url of gets) {
      const anonymous = await as("anonymous").get(url);
      expect(anonymous.statusCode, url).toBe(303);
      expect(anonymous.headers.location).toBe(`/anmelden?next=${encodeURIComponent(url)}`);
    }
    for (const name of ["organiserA", "organiserB", "coordinator", "coordinatorOther"] as const) {
      for (const url of gets) expect((await as(name).get(url)).statusCode, `${name} ${url}`).toBe(404);
      for (const url of posts)
        expect(
          (await as(name).post(url, { ...form(), status: "open", version: "1", fromYear: String(demo) })).statusCode,
          `${name} ${url}`,
        ).toBe(404);
      expect((await as(name).get("/mein-bereich")).body).not.toContain(`href="${list}"`);
    }
    for (const name of ["editor", "admin"] as const) {
      for (const url of gets) expect((await as(name).get(url)).statusCode, `${name} ${url}`).toBe(200);
      expect((await as(name).get(list)).body).toContain(`href="${list}"`);
    }
    expect(await rowOf(2040)).toBeUndefined();
    expect((await as("editor").get(`${list}/1999`)).statusCode).toBe(404);
    expect((await as("editor").get(`${list}/abc`)).statusCode).toBe(404);
  });
});

describe("edition pages: create and edit", () => {
  it("refuses a bad form with 422, a summary and messages at each field, and writes nothing", async () => {
    const response = await as("editor").post(
      `${list}/neu`,
      form({ titleDe: "", endsOn: "2040-04-01", "contacts.0.name": "Erika", "contacts.0.email": "x" }),
    );
    expect(response.statusCode).toBe(422);
    const doc = parseHtml(response.body);
    const summary = doc.querySelector(".error-summary")?.textContent ?? "";
    expect(summary).toContain("Titel (deutsch)");
    expect(summary).toContain("Ansprechperson 1: E-Mail");
    expect(doc.querySelector("#field-titleDe-error")?.textContent).toBe("Bitte ausfüllen.");
    expect(doc.querySelector("#field-endsOn-error")?.textContent).toBe("Dieser Tag liegt vor dem Anfang.");
    expect(doc.querySelector("#field-contacts\\.0\\.email")?.getAttribute("aria-invalid")).toBe("true");
    expect(await rowOf(2040)).toBeUndefined();
  });

  it("previews the greeting sanitised without saving, then creates the edition; script comes out as text", async () => {
    const hostile = form({ greetingDe: "**Hallo** <script>alert(1)</script> [x](javascript:alert(1))", intent: "preview" });
    const preview = await as("editor").post(`${list}/neu`, hostile);
    expect(preview.statusCode).toBe(200);
    const section = parseHtml(preview.body).querySelector(".intro-preview");
    expect(section?.querySelector("strong")?.textContent).toBe("Hallo");
    expect(section?.innerHTML).not.toContain("<script");
    expect(section?.querySelector("a")).toBeNull(); // the javascript: link stays text
    expect(await rowOf(2040)).toBeUndefined();
    const created = await as("editor").post(`${list}/neu`, { ...hostile, intent: "save" });
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe(`${list}/2040?notice=created`);
    expect(await rowOf(2040)).toMatchObject({ status: "planning", titleEn: "Cluster Week 2040" });
    const again = await as("editor").post(`${list}/neu`, form());
    expect(again.statusCode).toBe(422);
    expect(parseHtml(again.body).querySelector("#field-year-error")?.textContent).toBe("Für dieses Jahr gibt es schon eine Ausgabe.");
  });

  it("saves every field with the version, answers a stale form 409 with nothing overwritten, and audits", async () => {
    const page = await as("editor").get(`${list}/2040`);
    const doc = parseHtml(page.body);
    expect(doc.querySelector('input[name="version"]')?.getAttribute("value")).toBe("1");
    expect(doc.querySelectorAll('input[name^="contacts."][name$=".name"]').length).toBe(2);
    const saved = await as("admin").post(`${list}/2040`, {
      ...form({ mottoDe: "Vernetzt", "contacts.0.name": "Erika Beispiel", "contacts.0.email": "erika@example.org" }),
      "patrons.0.name": "Dr. Maria Muster",
      "patrons.0.roleDe": "Bundesministerin",
      version: "1",
    });
    expect(saved.statusCode).toBe(303);
    expect(await rowOf(2040)).toMatchObject({ version: 2, mottoDe: "Vernetzt", contacts: [{ name: "Erika Beispiel" }] });
    const edit = parseHtml((await as("editor").get(`${list}/2040`)).body);
    expect(edit.querySelectorAll('input[name^="contacts."][name$=".name"]').length).toBe(3);
    const stale = await as("editor").post(`${list}/2040`, { ...form({ mottoDe: "Alt" }), version: "1" });
    expect(stale.statusCode).toBe(409);
    expect(textOf(stale.body)).toContain("Jemand anderes hat diese Ausgabe inzwischen geändert");
    expect((await rowOf(2040))?.mottoDe).toBe("Vernetzt");
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.objectType, "edition"));
    expect(audit.map((a) => a.action).sort()).toEqual(["edition.create", "edition.update"]);
  });

  it("takes a patron's portrait through the image pipeline, asks for its credit, refuses other files", async () => {
    const png = await sharp({ create: { width: 40, height: 40, channels: 3, background: "#00508c" } })
      .png()
      .toBuffer();
    const post = (fields: Record<string, string>, file: Buffer) => {
      const boundary = "----edition-test";
      const parts = Object.entries({ ...fields, _csrf: p.editor.session.csrf }).map(([k, v]) =>
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
      );
      const payload = Buffer.concat([
        ...parts,
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="patrons.0.portrait"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`,
        ),
        file,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return t.app.inject({
        method: "POST",
        url: `${list}/2040`,
        headers: { cookie: p.editor.session.cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
        payload,
      });
    };
    const version = String((await rowOf(2040))?.version);
    const fields = { ...form(), "patrons.0.name": "Dr. Maria Muster", version };
    const noCredit = await post(fields, png);
    expect(noCredit.statusCode).toBe(422);
    expect(parseHtml(noCredit.body).querySelector("#field-patrons\\.0\\.portraitCredit-error")?.textContent).toBe(
      "Ein Porträt braucht einen Bildnachweis.",
    );
    const fake = await post({ ...fields, "patrons.0.portraitCredit": "Foto: Amt" }, Buffer.from("MZ\x90\x00 not an image"));
    expect(fake.statusCode).toBe(422);
    expect(parseHtml(fake.body).querySelector("#field-patrons\\.0\\.portrait-error")?.textContent).toContain("JPEG, PNG oder WebP");
    const ok = await post({ ...fields, "patrons.0.portraitCredit": "Foto: Amt" }, png);
    expect(ok.statusCode).toBe(303);
    const [patron] = (await rowOf(2040))?.patrons ?? [];
    expect(patron?.portraitUrl).toMatch(/^\/uploads\/[0-9a-f]{32}\.webp$/);
    expect(patron?.portraitCredit).toBe("Foto: Amt");
  });

  it("moves the status by its buttons; an impossible move or a stale button is 409", async () => {
    const row = await rowOf(2040);
    const page = parseHtml((await as("editor").get(`${list}/2040`)).body);
    expect([...page.querySelectorAll(".edition-status button")].map((b) => b.textContent)).toEqual(["Einreichungen öffnen"]);
    const wrong = await as("editor").post(`${list}/2040/status`, { status: "archived", version: String(row?.version) });
    expect(wrong.statusCode).toBe(409);
    expect(textOf(wrong.body)).toContain("Dieser Statuswechsel ist nicht möglich.");
    const open = await as("editor").post(`${list}/2040/status`, { status: "open", version: String(row?.version) });
    expect(open.statusCode).toBe(303);
    expect((await rowOf(2040))?.status).toBe("open");
    const stale = await as("editor").post(`${list}/2040/status`, { status: "running", version: String(row?.version) });
    expect(stale.statusCode).toBe(409);
    const listed = textOf((await as("editor").get(list)).body);
    expect(listed).toContain("offen für Einreichungen");
  });
});

/**
 * Posts the edition form back as Chromium does: every field of the page's form with its value, the
 * pressed button, and one empty file part (filename "") for each portrait field nobody chose a file for.
 */
async function postAsBrowser(
  year: number,
  html: string,
  changes: Record<string, string>,
  intent = "save",
  files: Record<string, Buffer> = {},
) {
  const formEl = parseHtml(html).querySelector('form[enctype="multipart/form-data"]');
  if (!formEl) throw new Error("no edition form");
  const boundary = "----chromium-like";
  const parts: Buffer[] = [];
  const field = (name: string, value: string) =>
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const el of formEl.querySelectorAll("input, textarea, select")) {
    const name = el.getAttribute("name");
    const type = el.getAttribute("type");
    if (!name || type === "submit") continue;
    if (type === "file") {
      const file = files[name] ?? Buffer.alloc(0);
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${file.length ? "p.png" : ""}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        file,
        Buffer.from("\r\n"),
      );
    } else if (type === "checkbox") {
      if (el.hasAttribute("checked")) field(name, el.getAttribute("value") ?? "on");
    } else {
      const value =
        el.tagName === "TEXTAREA"
          ? (el.textContent ?? "")
          : el.tagName === "SELECT"
            ? (el.querySelector("option[selected]")?.getAttribute("value") ?? "")
            : (el.getAttribute("value") ?? "");
      field(name, changes[name] ?? value);
    }
  }
  field("intent", intent);
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return t.app.inject({
    method: "POST",
    url: `${list}/${year}`,
    headers: { cookie: p.editor.session.cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat(parts),
  });
}

describe("edition pages: the form as a browser posts it", () => {
  it("saves an edition with five patrons, also after a preview (the blank rows no longer pile up past the file limit)", async () => {
    const ed = await rowOf(2040);
    const patrons = ["Erste", "Zweite", "Dritte", "Vierte", "Fünfte"].map((n) => ({
      name: `${n} Schirmherrin`,
      roleDe: "Ministerin",
      roleEn: "Minister",
    }));
    await t.database.db.update(edition).set({ patrons }).where(eq(edition.year, 2040));
    const page = await as("editor").get(`${list}/2040`);
    // Five filled rows and two blank ones: seven portrait fields, more than the app-wide multipart limit of five files.
    expect(parseHtml(page.body).querySelectorAll('input[type="file"][name^="patrons."]').length).toBe(7);
    const preview = await postAsBrowser(2040, page.body, { greetingDe: "Neu:\r\n**Willkommen**\u0000" }, "preview");
    expect(preview.statusCode, textOf(preview.body).slice(0, 300)).toBe(200);
    expect(parseHtml(preview.body).querySelectorAll('input[type="file"][name^="patrons."]').length).toBe(7);
    const saved = await postAsBrowser(2040, preview.body, {});
    expect(saved.statusCode, textOf(saved.body).slice(0, 300)).toBe(303);
    const after = await rowOf(2040);
    expect(after).toMatchObject({ version: (ed?.version ?? 0) + 1, greetingDe: "Neu:\n**Willkommen**" }); // \r\n as \n, NUL (refused by PostgreSQL) gone
    expect(after?.patrons.map((x) => x.name)).toEqual(patrons.map((x) => x.name));
    // A portrait over 10 MB stops in the parser: the form again with the reason (413), nothing written.
    const big = await postAsBrowser(2040, (await as("editor").get(`${list}/2040`)).body, { mottoDe: "Zu groß" }, "save", {
      "patrons.0.portrait": Buffer.alloc(10 * 1024 * 1024 + 1, 1),
    });
    expect(big.statusCode).toBe(413);
    expect(parseHtml(big.body).querySelector(".form-error[role=alert]")?.textContent).toContain("größer als 10 MB");
    expect((await rowOf(2040))?.version).toBe(after?.version);
  });
});

describe("rollover pages", () => {
  it("previews, creates once, and mails each member of last edition's organisations in their language", async () => {
    const ed = await rowOf(2040);
    if (!ed) throw new Error("no 2040");
    const english = await createUser(t.database.db, {
      role: "organiser",
      organisationIds: [p.orgA.id],
      language: "en",
      name: "Alex English",
    });
    const owner = await actorOf(t.database.db, p.organiserA.user?.id ?? 0);
    const { id } = await createEventDraft({
      ctx: { db: t.database.db, actor: owner },
      input: { organisationId: p.orgA.id, event: sampleEvent({ titleDe: "Tag der offenen Tür" }) },
    });
    await t.database.db.update(event).set({ editionId: ed.id, status: "published", publishedAt: new Date() }).where(eq(event.id, id));

    const preview = await as("editor").get(`${list}/neu-aus-vorjahr`);
    expect(preview.statusCode).toBe(200);
    const text = textOf(preview.body);
    expect(text).toContain("Clusterwoche 2041");
    expect(text).toContain(p.orgA.name);
    expect(await rowOf(2041)).toBeUndefined();

    const confirmed = await as("editor").post(`${list}/neu-aus-vorjahr`, { fromYear: "2040" });
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toMatch(/^\/mein-bereich\/ausgaben\/2041\?notice=rolledOver&drafts=1&mails=\d+$/);
    const twice = await as("editor").post(`${list}/neu-aus-vorjahr`, { fromYear: "2040" });
    expect(twice.statusCode).toBe(303);
    expect(twice.headers.location).toBe(`${list}/2041?notice=alreadyCreated&year=2041`);
    const next = await rowOf(2041);
    const drafts = await t.database.db
      .select()
      .from(event)
      .where(eq(event.editionId, next?.id ?? 0));
    expect(drafts.map((d) => [d.titleDe, d.status, d.organisationId])).toEqual([["Tag der offenen Tür", "draft", p.orgA.id]]);
    expect(await t.database.db.select().from(edition).where(eq(edition.year, 2041))).toHaveLength(1);

    const de = await smtp.waitFor(p.organiserA.user?.email ?? "");
    expect(de.subject).toBe("Einladung zur Clusterwoche 2041");
    expect(de.text).toContain("als Entwurf");
    expect(de.text).toContain(`/mein-bereich/veranstaltungen?org=${p.orgA.slug}`);
    const en = await smtp.waitFor(english.email);
    expect(en.subject).toBe("Invitation to Cluster Week 2041");
    expect(en.text).toContain("lang=en");
    const mine = await as("organiserA").get(`/mein-bereich/veranstaltungen?org=${p.orgA.slug}`);
    expect(textOf(mine.body)).toContain("Tag der offenen Tür");
  });
});
