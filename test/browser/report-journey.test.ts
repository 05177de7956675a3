import { sql } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/client.ts";
import { photoWithGps, samplePdf } from "../../src/reports/report.fixtures.ts";
import { sendReportReminders } from "../../src/reports/report-reminders.ts";
import { createUser, type TestUser } from "../accounts.ts";
import { linkIn } from "../mail.ts";
import { startSmtp, type TestSmtp } from "../smtp.ts";
import { expectNoViolations, launchBrowser, logIn, type RunningServer, recordRequests, startServer } from "./browser.ts";

/**
 * The report journey in a real browser (issue #11): the day after an event's last date (the reminder job with
 * a pinned clock) its organiser gets the reminder over SMTP, follows its link, writes the report with the
 * participant count, two photos (alt text, credit, licence, consent) and a press-release PDF, saves (the
 * PDF's first-page preview appears, the stored photos carry no EXIF/GPS) and submits; the coordinator finds it
 * in the reports tab of the queue and publishes; the report is on the event page and the retrospective shows
 * it (participants figure, gallery with credit, press release). With and without JavaScript; axe on every page.
 */
let smtp: TestSmtp;
let server: RunningServer;
let browser: Browser;
let editor: TestUser;

type PastEvent = { id: number; title: string; endsAt: Date; organisationId: number; stateCode: string; year: number };

beforeAll(async () => {
  smtp = await startSmtp();
  // The public cache on, as in production: publishing a report must reach the cached event page and retrospective.
  [server, browser] = await Promise.all([startServer({ SMTP_URL: smtp.url, PUBLIC_CACHE: "on" }), launchBrowser()]);
  editor = await createUser(server.testApp.database.db, { role: "editor", name: "Edda Bundesgeschäftsstelle" });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await smtp?.close();
});

/** A published demo event that is over, reviewed in its organisation's Land, without a report, not used before. */
async function pastEvent(skip: number[]): Promise<PastEvent> {
  const [row] = await queryRows<{ id: number; title: string; ends_at: Date; organisation_id: number; state_code: string; year: number }>(
    server.testApp.database.db,
    sql`select e.id, e.title_de as title, e.ends_at, e.organisation_id, o.state_code, ed.year
        from event e join organisation o on o.id = e.organisation_id join edition ed on ed.id = e.edition_id
        where e.status = 'published' and e.revision_of is null and e.ends_at < now() - interval '1 day'
          and e.state_code = o.state_code and o.status = 'active'
          and not exists (select 1 from report r where r.event_id = e.id)
          and e.id not in (${sql.join(
            [0, ...skip].map((n) => sql`${n}`),
            sql`, `,
          )})
        order by ed.year desc, e.id limit 1`,
  );
  if (!row) throw new Error("the demo data lacks a past published event");
  return {
    id: Number(row.id),
    title: row.title,
    endsAt: new Date(row.ends_at),
    organisationId: Number(row.organisation_id),
    stateCode: row.state_code,
    year: Number(row.year),
  };
}

/** The first mail to an address whose subject matches, from the real SMTP server's inbox. */
const mailTo = (to: string, subject: RegExp) => smtp.waitForSubject(to, subject);

/** The retrospective's participants figure as the public sees it now. */
async function participantsShown(year: number): Promise<number> {
  const html = await (await fetch(`${server.origin}/archiv/${year}/rueckblick`)).text();
  const match = /data-figure="participants"><strong>([^<]*)<\/strong>/.exec(html);
  return Number(match?.[1]?.replace(/\D/g, ""));
}

/** A stored upload, fetched as the public does: its metadata as sharp reads it. */
async function metadataOf(page: Page, src: string | null) {
  expect(src).toMatch(/^\/uploads\//);
  const response = await page.request.get(`${server.origin}${src}`);
  expect(response.status()).toBe(200);
  return sharp(await response.body()).metadata();
}

/** Fills one new-photo slot of the report form: file, alt text, credit, licence and consent. */
async function fillPhoto(page: Page, slot: number, file: Buffer, alt: string, credit: string, licence: string): Promise<void> {
  const group = page.getByRole("group", { name: `Neues Foto ${slot + 1}` });
  await group.getByLabel("Datei").setInputFiles({ name: `foto-${slot}.jpg`, mimeType: "image/jpeg", buffer: file });
  await group.getByLabel("Bildbeschreibung (Deutsch)").fill(alt);
  await group.getByLabel("Bildnachweis").fill(credit);
  await group.getByLabel("Lizenz").selectOption({ label: licence });
  await group.getByLabel(/einverstanden/).check();
}

const used: number[] = [];

describe("report journey in a browser", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`reminder → report with photos and press release → published → event page and retrospective — ${javaScriptEnabled ? "with" : "without"} JavaScript`, async () => {
      const db = server.testApp.database.db;
      const suffix = javaScriptEnabled ? "JS" : "ohne JS";
      const event = await pastEvent(used);
      used.push(event.id);
      const organiser = await createUser(db, {
        role: "organiser",
        organisationIds: [event.organisationId],
        name: `Olga Organiserin ${suffix}`,
      });
      const coordinator = await createUser(db, {
        role: "coordinator",
        stateCodes: [event.stateCode],
        name: `Carla Koordination ${suffix}`,
      });
      const participants = javaScriptEnabled ? 137 : 58;
      const credit = `Foto: Maria Muster ${suffix}`;
      const before = await participantsShown(event.year);
      // axe runs inside the page, so only where JavaScript is on; the pages are the same server-rendered HTML either way.
      const axe = (page: Page, what: string) => (javaScriptEnabled ? expectNoViolations(page, what) : Promise.resolve());

      // The day after the event's last date (clock pinned to 08:00 Berlin): the reminder goes out over SMTP.
      const dayAfter = new Date(event.endsAt.getTime() + 86_400_000);
      const now = new Date(`${dayAfter.toISOString().slice(0, 10)}T06:00:00Z`);
      const { sent } = await sendReportReminders({ db, baseUrl: server.origin, now });
      expect(sent).toBeGreaterThanOrEqual(1);
      const reminder = await mailTo(organiser.email, /^Wie war es\? Ihr Bericht zu/);
      expect(reminder.subject).toContain(event.title);
      const formLink = linkIn({ text: reminder.text ?? "" }, server.origin);
      expect(formLink).toContain(`/mein-bereich/veranstaltungen/${event.id}/bericht`);

      const orgPage = await logIn(browser, server.origin, organiser, javaScriptEnabled);
      orgPage.context().setDefaultTimeout(20_000);
      const requests = recordRequests(orgPage);
      await orgPage.goto(`${server.origin}${formLink}`);
      await expect(orgPage.locator("h1").textContent()).resolves.toContain(event.title);
      await axe(orgPage, "report form (empty)");

      // A photo without consent is refused at its field; the page with errors is accessible too.
      const original = await photoWithGps();
      expect((await sharp(original).metadata()).exif).toBeDefined();
      await orgPage.getByLabel("Bericht (Deutsch)").fill(`Ein **voller Saal** in ${suffix}: Vorträge, Werkstatt und Ausstellung.`);
      await orgPage.getByLabel("Zahl der Teilnehmenden").fill(String(participants));
      await fillPhoto(orgPage, 0, original, "Publikum im Saal beim Vortrag", credit, "CC BY 4.0");
      await orgPage
        .getByRole("group", { name: "Neues Foto 1" })
        .getByLabel(/einverstanden/)
        .uncheck();
      await orgPage.getByRole("button", { name: "Entwurf speichern" }).click();
      await expect(orgPage.locator("#field-photos-0-consent-error").textContent()).resolves.toContain("Einverständnis");
      await axe(orgPage, "report form (refused)");

      // Text and count come back; the files are chosen again, as the form asks. Saved as a draft first.
      expect(await orgPage.getByLabel("Zahl der Teilnehmenden").inputValue()).toBe(String(participants));
      await fillPhoto(orgPage, 0, original, "Publikum im Saal beim Vortrag", credit, "CC BY 4.0");
      await fillPhoto(orgPage, 1, await photoWithGps({ r: 200, g: 80, b: 40 }), "Werkstück am Messestand", credit, "CC0 1.0 (gemeinfrei)");
      await orgPage
        .getByLabel("Pressemitteilung als PDF (freiwillig)")
        .setInputFiles({ name: "presse.pdf", mimeType: "application/pdf", buffer: await samplePdf(2) });
      await orgPage.getByRole("button", { name: "Entwurf speichern" }).click();
      await orgPage.waitForURL((url) => url.searchParams.get("hinweis") === "saved");

      // The saved photos, without EXIF or GPS; the press release's first page as a preview image.
      const saved = orgPage.locator(".report-photos img");
      expect(await saved.count()).toBe(2);
      for (const src of await saved.evaluateAll((imgs) => imgs.map((i) => i.getAttribute("src")))) {
        const meta = await metadataOf(orgPage, src);
        expect(meta.exif, String(src)).toBeUndefined();
        expect(meta.width).toBeGreaterThan(0);
      }
      const preview = orgPage.locator(".report-press img");
      await expect(preview.getAttribute("alt")).resolves.toBe("Erste Seite der Pressemitteilung");
      expect(await preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      expect((await metadataOf(orgPage, await preview.getAttribute("src"))).width).toBeGreaterThan(0);
      await expect(orgPage.locator(".report-press a").textContent()).resolves.toContain("2 Seiten");
      await axe(orgPage, "report form (saved)");

      await orgPage.getByRole("button", { name: "Zur Prüfung einreichen" }).click();
      await orgPage.waitForURL((url) => url.searchParams.get("hinweis") === "submitted");
      await expect(orgPage.locator("main").textContent()).resolves.toContain("Eingereicht");

      // The coordinator finds it in the queue's reports tab and publishes.
      const coordPage = await logIn(browser, server.origin, coordinator, javaScriptEnabled);
      coordPage.context().setDefaultTimeout(20_000);
      await coordPage.goto(`${server.origin}/mein-bereich/pruefung`);
      await Promise.all([
        coordPage.waitForURL(/\/mein-bereich\/pruefung\/berichte$/),
        coordPage.getByRole("link", { name: /^Berichte/ }).click(),
      ]);
      await axe(coordPage, "report queue");
      await Promise.all([
        coordPage.waitForURL(new RegExp(`/mein-bereich/pruefung/berichte/${event.id}$`)),
        coordPage.getByRole("link", { name: event.title, exact: true }).click(),
      ]);
      await expect(coordPage.locator(".report-participants").textContent()).resolves.toContain(String(participants));
      await axe(coordPage, "report review page");
      await Promise.all([
        coordPage.waitForURL((url) => url.searchParams.get("entschieden") === "publish"),
        coordPage.getByRole("button", { name: "Veröffentlichen" }).click(),
      ]);
      const published = await mailTo(organiser.email, /^Bericht veröffentlicht: /);
      expect(published.subject).toContain(event.title);

      // The event page shows the report: text, participants, photos with credit, the press release.
      const visitor = await (await browser.newContext({ javaScriptEnabled })).newPage();
      visitor.context().setDefaultTimeout(20_000);
      const visits = recordRequests(visitor);
      await visitor.goto(`${server.origin}/veranstaltungen/${event.id}`);
      const report = visitor.locator("section.report");
      await expect(report.locator(".report-participants").textContent()).resolves.toContain(String(participants));
      await expect(report.locator("strong").first().textContent()).resolves.toBe("voller Saal");
      expect(await report.locator("figure img").count()).toBe(2);
      await expect(report.locator("figcaption").first().textContent()).resolves.toContain(credit);
      await expect(report.locator('a[type="application/pdf"]').textContent()).resolves.toContain("2 Seiten");

      // The retrospective: the participants figure moved by the report's count; gallery with credit; the press release.
      await visitor.goto(`${server.origin}/archiv/${event.year}/rueckblick`);
      const figure = await visitor.locator('[data-figure="participants"] strong').textContent();
      expect(Number(figure?.replace(/\D/g, ""))).toBe(before + participants);
      const gallery = visitor.locator("section[aria-labelledby=retro-gallery] li", { hasText: credit });
      expect(await gallery.count()).toBe(2);
      await expect(gallery.first().locator("figcaption").textContent()).resolves.toContain(`${credit}, Lizenz: CC BY 4.0`);
      await expect(gallery.first().locator("img").getAttribute("alt")).resolves.toBe("Publikum im Saal beim Vortrag");
      const press = visitor.locator("ul.press-releases li", { hasText: event.title });
      await expect(press.locator('a[type="application/pdf"]').textContent()).resolves.toBe(event.title);
      expect(await press.locator("img").getAttribute("src")).toMatch(/^\/uploads\//);
      await axe(visitor, "retrospective with the report");
      expect([...requests.foreign(server.origin), ...visits.foreign(server.origin)]).toEqual([]);

      // The office's pages with the report in their figures: statistics and operations.
      const office = await logIn(browser, server.origin, editor, javaScriptEnabled);
      office.context().setDefaultTimeout(20_000);
      for (const path of ["/mein-bereich/statistik", `/mein-bereich/statistik?edition=${event.year}`, "/mein-bereich/statistik/betrieb"]) {
        expect((await office.goto(`${server.origin}${path}`))?.status(), path).toBe(200);
        await axe(office, path);
      }
      await Promise.all([orgPage.context().close(), coordPage.context().close(), visitor.context().close(), office.context().close()]);
    }, 240_000);
  }
});
