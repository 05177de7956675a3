import { eq, sql } from "drizzle-orm";
import ICAL from "ical.js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendReviewDigests } from "../../src/coordination/review-digest.ts";
import { queryRows } from "../../src/db/client.ts";
import { edition } from "../../src/db/schema/index.ts";
import { createEventDraft } from "../../src/event-form/create-event-draft.ts";
import { sampleEvent } from "../../src/event-form/event-form.fixtures.ts";
import { submitEvent } from "../../src/event-form/submit-event.ts";
import { decideEvent } from "../../src/moderation/decide-event.ts";
import { actorOf } from "../../src/organiser/organiser-test-kit.ts";
import { createUser, type TestUser } from "../accounts.ts";
import { linkIn } from "../mail.ts";
import { startSmtp, type TestSmtp } from "../smtp.ts";
import { launchBrowser, logIn, type RunningServer, recordRequests, startServer } from "./browser.ts";

/**
 * The review journey in a real browser (issue #14): organiser submits → the coordinator's digest arrives over
 * SMTP → changes requested on named fields → the organiser revises and resubmits → the coordinator sees the
 * diff and publishes → programme, ICS feed, API and widget show it within 2 s. With and without JavaScript;
 * plus a published event's edit staying out of public view until published, a two-tier edition, and a
 * decision made by keyboard only.
 */
let smtp: TestSmtp;
let server: RunningServer;
let browser: Browser;
let organiser: TestUser;
let organisationId = 0;
let year = 0;

beforeAll(async () => {
  smtp = await startSmtp();
  // The public cache on, as in production: publishing must reach cached pages, feeds and the widget.
  [server, browser] = await Promise.all([startServer({ SMTP_URL: smtp.url, PUBLIC_CACHE: "on" }), launchBrowser()]);
  const db = server.testApp.database.db;
  year = await openEditionForSubmissions();
  const [org] = await queryRows<{ id: number }>(
    db,
    sql`select id from organisation where state_code = 'BW' and status = 'active' order by id limit 1`,
  );
  if (!org) throw new Error("no confirmed BW organisation in the demo data");
  organisationId = Number(org.id);
  organiser = await createUser(db, { role: "organiser", organisationIds: [organisationId], name: "Olga Organiserin" });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await smtp?.close();
});

/** The 2027 edition, open for submissions now (created, or opened if the demo has it already). */
async function openEditionForSubmissions(): Promise<number> {
  const db = server.testApp.database.db;
  const day = 86_400_000;
  const window = {
    status: "open" as const,
    submissionOpensAt: new Date(Date.now() - 10 * day),
    submissionClosesAt: new Date(Date.now() + 60 * day),
  };
  const [existing] = await db.select({ id: edition.id }).from(edition).where(eq(edition.year, 2027));
  if (existing)
    await db
      .update(edition)
      .set({ ...window, moderation: "one_tier" })
      .where(eq(edition.id, existing.id));
  else
    await db.insert(edition).values({
      year: 2027,
      titleDe: "Clusterwoche 2027",
      titleEn: "Cluster Week 2027",
      startsOn: "2027-04-06",
      endsOn: "2027-04-15",
      ...window,
    });
  return 2027;
}

async function setModeration(moderation: "one_tier" | "two_tier"): Promise<void> {
  await server.testApp.database.db.update(edition).set({ moderation }).where(eq(edition.year, year));
}

/** The first mail to an address whose subject matches, from the real SMTP server's inbox. */
const mailTo = (to: string, subject: RegExp) => smtp.waitForSubject(to, subject);

/** A digest clock: now, but not before 07:30 Berlin (the digest goes out from 07:00), so the run is pinned and valid. */
function digestNow(): Date {
  const now = new Date();
  const hour = Number(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", hour: "numeric", hourCycle: "h23" }).format(now));
  return hour >= 8 ? now : new Date(now.getTime() + (8 - hour) * 3600_000);
}

const get = (path: string) => fetch(`${server.origin}${path}`);
const q = (word: string) => `edition=${year}&q=${encodeURIComponent(word)}`;

/** What the public sees of a search word: programme page, ICS summaries, API titles and widget embed. */
async function publicViews(word: string) {
  const [programme, ics, api, embed] = await Promise.all([
    get(`/programm?${q(word)}`).then((r) => r.text()),
    get(`/feeds/events.ics?${q(word)}`).then((r) => r.text()),
    get(`/api/v1/events?${q(word)}`).then((r) => r.json() as Promise<{ data: { id: number; title: string }[] }>),
    get(`/embed/events?${q(word)}`).then((r) => r.text()),
  ]);
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const summaries = calendar.getAllSubcomponents("vevent").map((v) => String(v.getFirstPropertyValue("summary")));
  return { programme, summaries, apiTitles: api.data.map((e) => e.title), embed };
}

/** Polls until programme, feed, API and widget all show the title; returns how long it took (ms). */
async function timeUntilPublic(word: string, title: string, since: number): Promise<number> {
  for (;;) {
    const v = await publicViews(word);
    if (v.programme.includes(title) && v.summaries.includes(title) && v.apiTitles.includes(title) && v.embed.includes(title))
      return Date.now() - since;
    if (Date.now() - since > 5000)
      throw new Error(`"${title}" not public after 5 s: ${JSON.stringify({ ...v, programme: "…", embed: "…" })}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A new event through the organiser's form: basics, one date, a Stuttgart venue; saved, then submitted. Returns its id. */
async function submitThroughForm(page: Page, title: string): Promise<number> {
  await page.goto(`${server.origin}/mein-bereich/veranstaltungen/neu`);
  await page.getByLabel("Titel (Deutsch)").fill(title);
  await page.getByLabel("Kurzbeschreibung (Deutsch)").fill("Austausch zu Leichtbau und Kreislaufwirtschaft im Mittelstand.");
  await page.getByLabel("Format (Pflichtfeld)").selectOption({ label: "Workshop" });
  await page.getByRole("radio", { name: "Vor Ort", exact: true }).check();
  const first = page.getByRole("group", { name: "Termin 1" });
  await first.getByLabel("Datum", { exact: true }).fill("2027-04-08");
  await first.getByLabel("Beginn", { exact: true }).fill("10:00");
  await first.getByLabel("Ende", { exact: true }).fill("15:00");
  await page.getByLabel("Name des Ortes").fill("Haus der Wirtschaft");
  await page.getByLabel("Straße und Hausnummer").fill("Willi-Bleicher-Straße 19");
  await page.getByLabel("Postleitzahl").fill("70174");
  await page.getByLabel("Ort", { exact: true }).fill("Stuttgart");
  await page.getByLabel("Bundesland").selectOption({ label: "Baden-Württemberg" });
  await page.getByRole("button", { name: "Als Entwurf speichern" }).click();
  await page.waitForURL(
    (url) => /^\/mein-bereich\/veranstaltungen\/\d+$/.test(url.pathname) && url.searchParams.get("hinweis") === "saved",
  );
  await page.getByRole("button", { name: "Einreichen" }).click();
  await page.waitForURL((url) => url.searchParams.get("hinweis") === "submitted");
  return Number(/\/veranstaltungen\/(\d+)/.exec(page.url())?.[1]);
}

/** On the review page: the decision form of `action` submitted with its button; waits for the queue's notice. */
async function decide(page: Page, eventId: number, action: string, fill?: (form: ReturnType<Page["locator"]>) => Promise<void>) {
  await page.goto(`${server.origin}/mein-bereich/pruefung/${eventId}`);
  const form = page.locator(`form.decision-${action}`);
  if (fill) await fill(form);
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get("entschieden") === action),
    form.locator('button[type="submit"]').click(),
  ]);
}

/** A published event of the organisation made by the verbs (setup for the tests that start from one). */
async function publishedEvent(title: string, reviewer: TestUser): Promise<number> {
  const db = server.testApp.database.db;
  const ctx = { db, actor: await actorOf(db, organiser.id), baseUrl: server.origin };
  const draft = await createEventDraft({ ctx, input: { organisationId, event: sampleEvent({ titleDe: title }) } });
  await submitEvent({ ctx, input: draft });
  await decideEvent({
    ctx: { db, actor: await actorOf(db, reviewer.id), baseUrl: server.origin },
    input: { id: draft.id, version: 2, action: "publish" },
  });
  return draft.id;
}

describe("review journey in a browser", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`organiser submits, coordinator requests changes, organiser resubmits, coordinator publishes — ${javaScriptEnabled ? "with" : "without"} JavaScript`, async () => {
      const db = server.testApp.database.db;
      const suffix = javaScriptEnabled ? "JS" : "ohne JS";
      // One search word per run, unlike each other (the search is typo-tolerant).
      const word = javaScriptEnabled ? "Faserverbund" : "Holzbaukunst";
      const title = `Werkstatt ${word}`;
      const revised = `Werkstatt ${word} Leichtbau`;
      const coordinator = await createUser(db, { role: "coordinator", stateCodes: ["BW"], name: `Carla Koordination ${suffix}` });

      const orgPage = await logIn(browser, server.origin, organiser, javaScriptEnabled);
      const requests = recordRequests(orgPage);
      const id = await submitThroughForm(orgPage, title);

      // The daily digest (the scheduled job, clock pinned) reaches the coordinator over SMTP and links the queue.
      const { sent } = await sendReviewDigests({ db, baseUrl: server.origin, now: digestNow() });
      expect(sent).toBeGreaterThanOrEqual(1);
      const digest = await mailTo(coordinator.email, /Einreichung/);
      expect(digest.text).toContain(title);
      const queueLink = linkIn({ text: digest.text ?? "" }, server.origin);
      expect(queueLink).toMatch(/^\/mein-bereich\/pruefung/);

      const coordPage = await logIn(browser, server.origin, coordinator, javaScriptEnabled);
      await coordPage.goto(`${server.origin}${queueLink}`);
      await Promise.all([
        coordPage.waitForURL(new RegExp(`/mein-bereich/pruefung/${id}$`)),
        coordPage.getByRole("link", { name: title }).click(),
      ]);
      await expect(coordPage.locator("main").textContent()).resolves.toContain("Neue Veranstaltung: noch nie veröffentlicht.");

      // Changes requested, tied to two fields; the mail to the organiser names them.
      const message = "Bitte den Titel schärfen und die Kurzbeschreibung ergänzen.";
      await decide(coordPage, id, "request_changes", async (form) => {
        await form.getByLabel("Nachricht an den Veranstalter").fill(message);
        await form.locator('input[name="fields"][value="titleDe"]').check();
        await form.locator('input[name="fields"][value="summaryDe"]').check();
      });
      const askMail = await mailTo(organiser.email, new RegExp(`Bitte überarbeiten: ${title}$`));
      expect(askMail.text).toContain(message);
      expect(askMail.text).toContain("Titel (Deutsch)");

      // The organiser sees the message above the form and the marked fields; revises and resubmits.
      await orgPage.goto(`${server.origin}/mein-bereich/veranstaltungen/${id}`);
      await expect(orgPage.locator(".review-message-text").textContent()).resolves.toBe(message);
      expect(await orgPage.locator(".field-marked").count()).toBe(2);
      await orgPage.getByLabel("Titel (Deutsch)").fill(revised);
      await orgPage.getByRole("button", { name: "Einreichen" }).click();
      await orgPage.waitForURL((url) => url.searchParams.get("hinweis") === "submitted");

      // The coordinator sees what changed since the request, side by side, and publishes.
      await coordPage.goto(`${server.origin}/mein-bereich/pruefung/${id}`);
      const row = coordPage.locator("table.diff tr", { hasText: "Titel (Deutsch)" });
      await expect(row.locator("td").allTextContents()).resolves.toEqual([title, revised]);
      // Prime every public view (cached) before the decision: publishing must invalidate them.
      const before = await publicViews(word);
      expect(before.apiTitles).not.toContain(revised);
      expect(before.summaries).not.toContain(revised);
      await decide(coordPage, id, "publish");
      const took = await timeUntilPublic(word, revised, Date.now());
      expect(took).toBeLessThan(2000);
      console.info(`review journey (${suffix}): published → programme, ICS, API, widget in ${took} ms`);
      const published = await mailTo(organiser.email, new RegExp(`Veröffentlicht: ${revised}$`));
      expect(published.html).toContain(revised);
      expect(requests.foreign(server.origin)).toEqual([]);
      await orgPage.context().close();
      await coordPage.context().close();
    }, 180_000);
  }

  it("keeps a published event's old version public until its change is published (a rejected change leaves it), deciding by keyboard", async () => {
    const db = server.testApp.database.db;
    const coordinator = await createUser(db, { role: "coordinator", stateCodes: ["BW"], name: "Kai Keyboard" });
    const id = await publishedEvent("Druckguss Offen", coordinator);
    const publicTitle = async () => {
      const pageHtml = await get(`/veranstaltungen/${id}`).then((r) => r.text());
      const api = (await get(`/api/v1/events/${id}`).then((r) => r.json())) as { title: string };
      return { h1: /<h1[^>]*>([^<]*)<\/h1>/.exec(pageHtml)?.[1], api: api.title };
    };
    expect(await publicTitle()).toEqual({ h1: "Druckguss Offen", api: "Druckguss Offen" });

    const orgPage = await logIn(browser, server.origin, organiser, false);
    const edit = async (title: string) => {
      await orgPage.goto(`${server.origin}/mein-bereich/veranstaltungen/${id}`);
      await orgPage.getByLabel("Titel (Deutsch)").fill(title);
      // Saving a published event's changes sends them to review (a revision); nothing changes publicly.
      await orgPage.getByRole("button", { name: "Änderungen speichern" }).click();
      await orgPage.waitForURL((url) => url.searchParams.has("hinweis"));
    };
    await edit("Druckguss Geändert");
    await expect(orgPage.locator(".status-box").textContent()).resolves.toContain("Änderungen in Prüfung");
    expect(await publicTitle()).toEqual({ h1: "Druckguss Offen", api: "Druckguss Offen" });

    const coordPage = await logIn(browser, server.origin, coordinator);
    await decide(coordPage, id, "reject", (form) => form.getByLabel(/Begründung/).fill("Der alte Titel ist treffender."));
    expect(await publicTitle()).toEqual({ h1: "Druckguss Offen", api: "Druckguss Offen" });

    await edit("Druckguss Neu");
    expect(await publicTitle()).toEqual({ h1: "Druckguss Offen", api: "Druckguss Offen" });
    // Publishing the change with the keyboard only: Tab to the button (its focus visible), Enter.
    await coordPage.goto(`${server.origin}/mein-bereich/pruefung/${id}`);
    const button = coordPage.locator("form.decision-publish button[type=submit]");
    for (let i = 0; i < 300 && !(await button.evaluate((b) => b === document.activeElement)); i++) await coordPage.keyboard.press("Tab");
    const focus = await button.evaluate((b) => {
      const s = getComputedStyle(b);
      return {
        focused: b === document.activeElement,
        visible: b.matches(":focus-visible"),
        outline: s.outlineStyle,
        width: s.outlineWidth,
      };
    });
    expect(focus).toEqual({ focused: true, visible: true, outline: "solid", width: "3px" });
    await Promise.all([
      coordPage.waitForURL((url) => url.searchParams.get("entschieden") === "publish"),
      coordPage.keyboard.press("Enter"),
    ]);
    await expect.poll(publicTitle, { timeout: 2000, interval: 50 }).toEqual({ h1: "Druckguss Neu", api: "Druckguss Neu" });
    await orgPage.context().close();
    await coordPage.context().close();
  }, 180_000);

  it("in a two-tier edition the coordinator approves and an editor publishes", async () => {
    const db = server.testApp.database.db;
    await setModeration("two_tier");
    try {
      const coordinator = await createUser(db, { role: "coordinator", stateCodes: ["BW"], name: "Zora Zweistufig" });
      const editor = await createUser(db, { role: "editor", name: "Edda Bundesgeschäftsstelle" });
      const word = "Sintermetall";
      const title = `Werkstatt ${word}`;
      const orgPage = await logIn(browser, server.origin, organiser);
      const id = await submitThroughForm(orgPage, title);
      await expect(orgPage.locator(".holder").textContent()).resolves.toBe("Liegt bei: Koordination des Landes Baden-Württemberg");

      const coordPage = await logIn(browser, server.origin, coordinator);
      await coordPage.goto(`${server.origin}/mein-bereich/pruefung/${id}`);
      expect(await coordPage.locator("form.decision-publish").count()).toBe(0);
      await decide(coordPage, id, "approve");
      await mailTo(organiser.email, new RegExp(`Vom Land freigegeben: ${title}$`));
      await orgPage.reload();
      await expect(orgPage.locator(".holder").textContent()).resolves.toBe("Liegt bei: Bundesgeschäftsstelle");

      // The editors' digest lists what waits for publication.
      await sendReviewDigests({ db, baseUrl: server.origin, now: digestNow() });
      const digest = await mailTo(editor.email, /Veröffentlichung/);
      expect(digest.text).toContain(title);

      const editorPage = await logIn(browser, server.origin, editor);
      await editorPage.goto(`${server.origin}/mein-bereich/pruefung`);
      // Approved events come first in the editors' queue.
      await expect(editorPage.locator("table.queue tbody tr").first().textContent()).resolves.toContain(title);
      await expect(get(`/api/v1/events?${q(word)}`).then((r) => r.json())).resolves.toMatchObject({ data: [] });
      await decide(editorPage, id, "publish");
      const took = await timeUntilPublic(word, title, Date.now());
      expect(took).toBeLessThan(2000);
      await mailTo(organiser.email, new RegExp(`Veröffentlicht: ${title}$`));
      await orgPage.context().close();
      await coordPage.context().close();
      await editorPage.context().close();
    } finally {
      await setModeration("one_tier");
    }
  }, 180_000);
});
