import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { mailsTo } from "../../test/mail.ts";
import { createPersonas, type PersonaName, type Personas, personaNames } from "../../test/personas.ts";
import { queryRows } from "../db/client.ts";
import { auditLog, event, report, reportDecision, reportPhoto } from "../db/schema/index.ts";
import { browserOf } from "../organiser/page-test-kit.ts";
import { pastEventOf, photoFields, photoWithGps, reportForm, samplePdf } from "./report.fixtures.ts";

let t: TestApp;
let p: Personas;
let eventA: number;
const formPath = (id: number) => `/mein-bereich/veranstaltungen/${id}/bericht`;
const as = (who: PersonaName) => ({ cookie: p[who].session.cookie });
const post = (who: PersonaName, id: number, data: FormData) =>
  t.app.inject({ method: "POST", url: formPath(id), headers: as(who), payload: data });
const withCsrf = (who: PersonaName, fields: Record<string, string>) => ({ _csrf: p[who].session.csrf, ...fields });
const reportOf = async (id: number) => (await t.database.db.select().from(report).where(eq(report.eventId, id)))[0];
const uploads = () => {
  const dir = path.join(t.app.config.dataDir, "uploads");
  return fs.existsSync(dir) ? fs.readdirSync(dir).length : 0;
};
const publicPage = async (id: number) => {
  const r = await t.app.inject({ method: "GET", url: `/veranstaltungen/${id}` });
  const location = r.headers.location;
  return r.statusCode === 301 && typeof location === "string" ? t.app.inject({ method: "GET", url: location }) : r;
};

beforeAll(async () => {
  t = await createTestApp();
  p = await createPersonas(t);
  eventA = await pastEventOf(t, p.orgA.id);
});
afterAll(() => t.close());

describe("report form: who may open it", () => {
  it("lets organisation A's members, BW's coordinator, editors and admins in; others get 404, anonymous the login", async () => {
    const actual: Record<string, number> = {};
    for (const who of personaNames) {
      const r = await t.app.inject({ method: "GET", url: formPath(eventA), headers: as(who) });
      actual[who] = r.statusCode;
      if (who === "anonymous") expect(String(r.headers.location)).toContain("/anmelden");
    }
    expect(actual).toEqual({
      anonymous: 303,
      organiserA: 200,
      organiserB: 404,
      coordinatorOther: 404,
      coordinator: 200,
      editor: 200,
      admin: 200,
    });
    expect((await t.app.inject({ method: "GET", url: formPath(999_999), headers: as("organiserA") })).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: formPath(0), headers: as("organiserA") })).statusCode).toBe(404);
  });

  it("refuses a report before the event is over and for a cancelled event (409, nothing written)", async () => {
    const other = await pastEventOf(t, p.orgA.id, [eventA]);
    await t.database.db
      .update(event)
      .set({ endsAt: new Date(Date.now() + 86_400_000) })
      .where(eq(event.id, other));
    const early = await t.app.inject({ method: "GET", url: formPath(other), headers: as("organiserA") });
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain("nach dem letzten Termin");
    await t.database.db
      .update(event)
      .set({ endsAt: new Date(Date.now() - 86_400_000), status: "cancelled" })
      .where(eq(event.id, other));
    const fields = withCsrf("organiserA", { version: "", _action: "submit", textDe: "Bericht", participantCount: "10" });
    expect((await post("organiserA", other, reportForm(fields))).statusCode).toBe(409);
    expect(await reportOf(other)).toBeUndefined();
  });

  it("lists the report link in Meine Veranstaltungen for past published events", async () => {
    const r = await t.app.inject({ method: "GET", url: "/mein-bereich/veranstaltungen", headers: as("organiserA") });
    expect(parseHtml(r.body).querySelector(`a[href="${formPath(eventA)}"]`)?.textContent).toBe("Bericht schreiben");
  });
});

describe("hostile and incomplete reports are refused at the field, nothing written", () => {
  it("a photo without consent or credit, an executable as PDF, a decompression bomb, script in the text", async () => {
    const before = uploads();
    const photo = await photoWithGps();
    const fields = withCsrf("organiserA", {
      version: "",
      _action: "submit",
      textDe: "<script>alert(1)</script>",
      participantCount: "viele",
      ...photoFields(0, { "photos.0.consent": "" }),
      ...photoFields(1, { "photos.1.credit": "" }),
    });
    const r = await post("organiserA", eventA, reportForm(fields, { photos: [photo, photo] }));
    expect(r.statusCode).toBe(422);
    const doc = parseHtml(r.body);
    expect(doc.querySelector("#field-photos-0-consent-error")?.textContent).toContain("Einverständnis");
    expect(doc.querySelector("#field-photos-0-consent")?.getAttribute("aria-describedby")).toContain("field-photos-0-consent-error");
    expect(doc.querySelector("#field-photos-1-credit-error")?.textContent).toContain("ausfüllen");
    expect(doc.querySelector("#field-participantCount-error")).not.toBeNull();
    expect(doc.querySelector(".error-summary a[href='#field-photos-0-consent']")).not.toBeNull();
    expect(doc.querySelector("#field-textDe")?.textContent).toBe("<script>alert(1)</script>");
    expect(r.body).not.toContain("<script>alert(1)</script>");

    const exe = fs.readFileSync(process.execPath).subarray(0, 300_000);
    const ok = withCsrf("organiserA", { version: "", _action: "submit", textDe: "Gut", participantCount: "12", ...photoFields(0) });
    const asPdf = await post("organiserA", eventA, reportForm(ok, { photos: [photo], pressRelease: exe }));
    expect(asPdf.statusCode).toBe(422);
    expect(parseHtml(asPdf.body).querySelector("#field-pressRelease-error")?.textContent).toContain("Nur PDF");

    const { pngBomb } = await import("../media/media.fixtures.ts");
    const bomb = await post("organiserA", eventA, reportForm(ok, { photos: [pngBomb(8000, 8000)], pressRelease: await samplePdf() }));
    expect(bomb.statusCode).toBe(422);
    expect(parseHtml(bomb.body).querySelector("#field-photos-0-file-error")?.textContent).toContain("40 Megapixel");

    const huge = Buffer.alloc(20 * 1024 * 1024, 0x20);
    huge.write("%PDF-1.7\n", 0, "latin1");
    const big = await post("organiserA", eventA, reportForm(ok, { pressRelease: huge }));
    expect(big.statusCode).toBe(413);

    expect(await reportOf(eventA)).toBeUndefined();
    expect(uploads()).toBe(before);
  });

  it("a foreign organiser cannot write A's report (404)", async () => {
    const fields = withCsrf("organiserB", { version: "", _action: "submit", textDe: "Fremd", participantCount: "1" });
    expect((await post("organiserB", eventA, reportForm(fields))).statusCode).toBe(404);
    expect(await reportOf(eventA)).toBeUndefined();
  });
});

describe("the report's way: submit, review, publish, edit, withdraw", () => {
  it("organiser A submits text, two photos (EXIF stripped) and a press release", async () => {
    const fields = withCsrf("organiserA", {
      version: "",
      _action: "submit",
      textDe: "Ein **voller** Saal. <img src=x onerror=alert(1)>",
      participantCount: "1.250",
      "links.0.label": "Bildergalerie",
      "links.0.url": "https://example.org/galerie",
      ...photoFields(0),
      ...photoFields(1, { "photos.1.altEn": "Audience", "photos.1.licence": "cc0-1.0" }),
    });
    const r = await post(
      "organiserA",
      eventA,
      reportForm(fields, {
        photos: [await photoWithGps(), await photoWithGps({ r: 200, g: 50, b: 50 })],
        pressRelease: await samplePdf(2),
      }),
    );
    expect(r.statusCode).toBe(303);
    const row = await reportOf(eventA);
    expect(row).toMatchObject({ status: "submitted", participantCount: 1250, pressReleasePages: 2 });
    const photos = await t.database.db
      .select()
      .from(reportPhoto)
      .where(eq(reportPhoto.reportId, row?.id ?? 0));
    expect(photos.map((f) => [f.credit, f.licence, f.consentConfirmedById])).toEqual([
      ["Foto: Maria Muster", "cc-by-4.0", p.organiserA.user?.id],
      ["Foto: Maria Muster", "cc0-1.0", p.organiserA.user?.id],
    ]);
    const stored = fs.readFileSync(path.join(t.app.config.dataDir, photos[0]?.path ?? ""));
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
    expect(stored.toString("latin1")).not.toContain("Secret Model 9");
    expect(
      await t.database.db
        .select()
        .from(reportDecision)
        .where(eq(reportDecision.reportId, row?.id ?? 0)),
    ).toHaveLength(1);
    expect((await publicPage(eventA)).body).not.toContain("report-heading");
  });

  it("shows up in the reports tab for BW's reviewers only", async () => {
    const queue = (who: PersonaName) => t.app.inject({ method: "GET", url: "/mein-bereich/pruefung/berichte", headers: as(who) });
    const coordinator = parseHtml((await queue("coordinator")).body);
    expect(coordinator.querySelector(`a[href="/mein-bereich/pruefung/berichte/${eventA}"]`)).not.toBeNull();
    expect((await queue("editor")).body).toContain(`/mein-bereich/pruefung/berichte/${eventA}`);
    expect((await queue("coordinatorOther")).body).not.toContain(`/mein-bereich/pruefung/berichte/${eventA}`);
    expect((await queue("organiserA")).statusCode).toBe(404);
    expect((await queue("anonymous")).statusCode).toBe(303);
    const page = (who: PersonaName) => t.app.inject({ method: "GET", url: `/mein-bereich/pruefung/berichte/${eventA}`, headers: as(who) });
    expect((await page("coordinator")).statusCode).toBe(200);
    expect((await page("coordinatorOther")).statusCode).toBe(404);
    expect((await page("organiserA")).statusCode).toBe(404);
    const events = parseHtml((await t.app.inject({ method: "GET", url: "/mein-bereich/pruefung", headers: as("coordinator") })).body);
    expect(events.querySelector('a[href="/mein-bereich/pruefung/berichte"]')?.textContent).toBe("Berichte");
  });

  it("a coordinator publishes it: mails, audit, the public event page shows it", async () => {
    const version = String((await reportOf(eventA))?.version);
    const decide = (who: PersonaName, fields: Record<string, string>) =>
      browserOf(t.app, p[who].session).post(`/mein-bereich/pruefung/berichte/${eventA}/entscheidung`, fields);
    expect((await decide("coordinatorOther", { version, action: "publish" })).statusCode).toBe(404);
    expect((await decide("organiserA", { version, action: "publish" })).statusCode).toBe(404);
    const missing = await decide("coordinator", { version, action: "request_changes", message: "" });
    expect(missing.statusCode).toBe(422);
    expect(parseHtml(missing.body).querySelector("#field-message-error")).not.toBeNull();
    expect((await decide("coordinator", { version: String(Number(version) + 5), action: "publish" })).statusCode).toBe(409);
    const done = await decide("coordinator", { version, action: "publish" });
    expect(done.statusCode).toBe(303);
    expect((await reportOf(eventA))?.status).toBe("published");
    const mails = await mailsTo(t.database.db, p.organiserA.user?.email ?? "");
    expect(mails.some((m) => m.subject.startsWith("Bericht veröffentlicht"))).toBe(true);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "report.publish"));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.stateCode).toBe("BW");

    const html = (await publicPage(eventA)).body;
    const doc = parseHtml(html);
    const section = doc.querySelector("section.report");
    expect(section?.textContent).toContain("Teilnehmende: 1.250");
    expect(section?.querySelector("strong")?.textContent).toBe("voller");
    expect(section?.querySelector("img[src=x]")).toBeNull();
    expect(section?.querySelector(".prose")?.textContent).toContain("<img src=x onerror=alert(1)>"); // shown as text
    const images = [...(section?.querySelectorAll(".report-photos img") ?? [])];
    expect(images.map((i) => i.getAttribute("alt"))).toEqual(["Publikum im Saal 0", "Publikum im Saal 1"]);
    expect(section?.querySelector("figcaption")?.textContent).toBe("Foto: Maria Muster, Lizenz: CC BY 4.0");
    const pdf = section?.querySelector('a[type="application/pdf"]')?.getAttribute("href") ?? "";
    const served = await t.app.inject({ method: "GET", url: pdf });
    expect(served.headers["content-type"]).toBe("application/pdf");
  });

  it("editing the published report sends it back to review and off the public page; withdrawing takes it out", async () => {
    const row = await reportOf(eventA);
    const fields = withCsrf("organiserA", { version: String(row?.version), _action: "save", textDe: "Neu", participantCount: "1300" });
    expect((await post("organiserA", eventA, reportForm(fields))).statusCode).toBe(303);
    expect(await reportOf(eventA)).toMatchObject({ status: "submitted", participantCount: 1300 });
    expect((await publicPage(eventA)).body).not.toContain("report-heading");
    const stale = await post("organiserA", eventA, reportForm({ ...fields, textDe: "Zu spät" }));
    expect(stale.statusCode).toBe(409);
    const version = String((await reportOf(eventA))?.version);
    expect((await browserOf(t.app, p.organiserB.session).post(`${formPath(eventA)}/zurueckziehen`, { version })).statusCode).toBe(404);
    expect((await browserOf(t.app, p.organiserA.session).post(`${formPath(eventA)}/zurueckziehen`, { version })).statusCode).toBe(303);
    expect((await reportOf(eventA))?.status).toBe("withdrawn");
    const history = await queryRows<{ action: string }>(
      t.database.db,
      sql`select action from report_decision where report_id = ${row?.id ?? 0} order by id`,
    );
    expect(history.map((h) => h.action)).toEqual(["submit", "publish", "submit", "withdraw"]);
  });
});
