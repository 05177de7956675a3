import { and, eq, inArray, sql } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import Parser from "rss-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/client.ts";
import { edition, event, user } from "../../src/db/schema/index.ts";
import { countedStatuses } from "../../src/editions/counted-events.ts";
import { berlinDay } from "../../src/events/event-dates.ts";
import { formatTime } from "../../src/lib/format-date.ts";
import { createUser, type TestUser } from "../accounts.ts";
import { linkIn, mailsTo } from "../mail.ts";
import { startSmtp, type TestSmtp } from "../smtp.ts";
import { launchBrowser, logIn, type RunningServer, recordRequests, startServer } from "./browser.ts";

/**
 * The national office prepares a new year in a real browser (issue #10, tests): rollover with preview and
 * confirm, dates, window and greeting adjusted and saved (the save that once failed), submissions opened;
 * last year's organisation gets its invitation over real SMTP and its member finds the prefilled drafts;
 * a news item under a 2-minute embargo is nowhere until the (pinned) clock passes and the release job runs.
 */
const day = 86_400_000;
const start = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 10 * 60_000);
let now = start;
let smtp: TestSmtp;
let server: RunningServer;
let browser: Browser;
let editor: TestUser;
let member: TestUser;
let gone: TestUser;
let org: { id: number; slug: string; name: string; titles: string[] };

beforeAll(async () => {
  smtp = await startSmtp();
  [server, browser] = await Promise.all([
    startServer({ SMTP_URL: smtp.url, PUBLIC_CACHE: "on", PUBLIC_CACHE_POLL_MS: "100" }, { clock: () => now }),
    launchBrowser(),
  ]);
  const db = server.testApp.database.db;
  // The first confirmed organisation with counted events in the demo's newest edition (2027, the upcoming one), and its titles.
  const [row] = await queryRows<{ id: number; slug: string; name: string; titles: string[] }>(
    db,
    sql`select o.id, o.slug, o.name, array_agg(e.title_de order by e.title_de) as titles
        from organisation o join event e on e.organisation_id = o.id join edition ed on ed.id = e.edition_id
        where ed.year = 2027 and o.status = 'active' and e.revision_of is null
          and e.status in (${sql.join(
            countedStatuses.map((s) => sql`${s}`),
            sql`, `,
          )})
        group by o.id order by count(*) desc, o.id limit 1`,
  );
  if (!row) throw new Error("no organisation with 2027 events in the demo");
  org = { ...row, id: Number(row.id) };
  editor = await createUser(db, { role: "editor", name: "Erika Editorin" });
  member = await createUser(db, { role: "organiser", organisationIds: [org.id], name: "Mia Mitglied" });
  gone = await createUser(db, { role: "organiser", organisationIds: [org.id], name: "Gerd Gegangen" });
  await db.update(user).set({ deactivatedAt: new Date() }).where(eq(user.id, gone.id));
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await smtp?.close();
});

const get = (path: string) => fetch(`${server.origin}${path}`);
const go = async (page: Page, path: string) => {
  const response = await page.goto(`${server.origin}${path}`);
  return response?.status() ?? 0;
};
/** Clicks a submit button and waits for the page the form's POST (and its redirect) leads to; that page's status. */
async function submit(page: Page, button: ReturnType<Page["locator"]>): Promise<number> {
  const [response] = await Promise.all([page.waitForNavigation(), button.click()]);
  return response?.status() ?? 0;
}

describe("the office prepares the next edition in the browser", () => {
  it("rolls over (preview, confirm), saves the adjusted dates and greeting, opens submissions; the member finds the drafts", async () => {
    const db = server.testApp.database.db;
    const page = await logIn(browser, server.origin, editor);
    const requests = recordRequests(page);

    await go(page, "/mein-bereich/ausgaben");
    await submit(page, page.getByRole("link", { name: "Neue Ausgabe aus dem Vorjahr" }));
    const preview = (await page.textContent("main")) ?? "";
    expect(preview).toContain("Clusterwoche Deutschland 2028");
    expect(preview).toContain(org.name);
    expect(await db.select().from(edition).where(eq(edition.year, 2028))).toHaveLength(0);
    expect(await submit(page, page.getByRole("button", { name: "Ausgabe 2028 anlegen und einladen" }))).toBe(200);
    expect(page.url()).toMatch(/\/mein-bereich\/ausgaben\/2028\?notice=rolledOver/);

    // The edition form of the new year: a week later, a window around today, a new greeting (with a script).
    const opens = berlinDay(new Date(Date.now() - day));
    const closes = berlinDay(new Date(Date.now() + 60 * day));
    await page.getByLabel("Erster Tag").fill("2028-04-11");
    await page.getByLabel("Letzter Tag").fill("2028-04-20");
    await page.getByLabel(/Einreichung ab/).fill(opens);
    await page.getByLabel(/Einreichung bis/).fill(closes);
    const greeting = "Willkommen zur **Clusterwoche 2028**!\n\n<script>alert('grußwort')</script><img src=x onerror=alert(1)>";
    await page.getByLabel(/Grußwort \(deutsch\)/).fill(greeting);
    expect(await submit(page, page.getByRole("button", { name: "Vorschau des Grußworts" }))).toBe(200);
    expect(await page.locator(".intro-preview strong").first().textContent()).toBe("Clusterwoche 2028");
    expect(await page.locator(".intro-preview script, .intro-preview img[onerror]").count()).toBe(0);
    expect(await submit(page, page.getByRole("button", { name: "Speichern", exact: true }))).toBe(200);
    expect(page.url()).toMatch(/\/mein-bereich\/ausgaben\/2028\?notice=saved$/);
    const [saved] = await db.select().from(edition).where(eq(edition.year, 2028));
    expect(saved).toMatchObject({ startsOn: "2028-04-11", endsOn: "2028-04-20", greetingDe: greeting, status: "planning" });
    expect(saved?.patrons).toHaveLength(2);
    expect(saved?.contacts).toHaveLength(2);

    expect(await submit(page, page.getByRole("button", { name: "Einreichungen öffnen" }))).toBe(200);
    expect((await db.select().from(edition).where(eq(edition.year, 2028)))[0]?.status).toBe("open");
    expect(requests.foreign(server.origin)).toEqual([]);

    // The home page now shows the new year with the greeting sanitised.
    const home = await (await browser.newContext()).newPage();
    await go(home, "/");
    expect(await home.locator("h1").textContent()).toContain("2028");
    expect(await home.locator(".prose strong", { hasText: "Clusterwoche 2028" }).count()).toBe(1);
    expect(await home.content()).not.toContain("alert('grußwort')</script>");
    expect(await home.locator("main script, main img[onerror]").count()).toBe(0);

    // The member's invitation over SMTP; the deactivated member gets none (nothing even queued).
    const mail = await smtp.waitFor(member.email, 30_000);
    expect(mail.subject).toBe("Einladung zur Clusterwoche Deutschland 2028");
    expect(mail.text).toContain(org.name);
    expect(await mailsTo(db, gone.email)).toEqual([]);

    // The member follows the mail's link and finds every event of last year as a draft of 2028.
    const mine = await logIn(browser, server.origin, member);
    expect(await go(mine, linkIn({ text: mail.text ?? "" }))).toBe(200);
    const list = (await mine.textContent("main")) ?? "";
    for (const title of org.titles) expect(list).toContain(title);
    const drafts = await db
      .select({ title: event.titleDe, status: event.status, submittedAt: event.submittedAt })
      .from(event)
      .where(and(eq(event.organisationId, org.id), inArray(event.editionId, [saved?.id ?? 0])));
    expect(drafts.map((d) => d.title).sort()).toEqual([...org.titles].sort());
    expect(drafts.every((d) => d.status === "draft" && d.submittedAt === null)).toBe(true);
  }, 240_000);

  it("publishes a news item under a 2-minute embargo: nowhere before, everywhere after the clock passes and the job runs", async () => {
    const slug = "sperrfrist-eroeffnung-2028";
    const title = "Eröffnung mit Sperrfrist";
    const at = new Date(now.getTime() + 2 * 60_000);
    const page = await logIn(browser, server.origin, editor);
    await go(page, "/mein-bereich/aktuelles/neu");
    await page.getByLabel(/Adresse/).fill(slug);
    await page.getByLabel("Ausgabe", { exact: true }).selectOption("2028");
    await page.getByLabel("Titel (Deutsch)").fill(title);
    await page.getByLabel("Titel (Englisch)").fill("Opening under embargo");
    await page.getByLabel("Kurzfassung (Deutsch)").fill("Die Woche beginnt in Hannover.");
    await page.getByLabel("Text (Deutsch, Markdown)").fill("Die **Eröffnung** ist am Dienstag.");
    await page.getByLabel("Veröffentlichen am").fill(berlinDay(at));
    await page.getByLabel(/um \(Uhrzeit, Berlin\)/).fill(formatTime("de", at));
    await page.getByLabel(/Pressemitteilung \(auch unter Presse/).check();
    expect(await submit(page, page.getByRole("button", { name: "Meldung anlegen" }))).toBe(200);
    expect(await page.textContent("main")).toContain("Die Meldung ist angelegt.");

    const parser = new Parser();
    const inFeed = async (path: string) => (await parser.parseString(await (await get(path)).text())).items.some((i) => i.title === title);
    const inApi = async () =>
      ((await (await get("/api/v1/news")).json()) as { data: { slug: string }[] }).data.some((n) => n.slug === slug);
    /** Where the item shows: its page, the lists, both feeds, the API (list and item) and the sitemap. */
    const places = async () => ({
      page: (await get(`/aktuelles/${slug}`)).status === 200,
      list: (await (await get("/aktuelles")).text()).includes(title),
      press: (await (await get("/presse")).text()).includes(title),
      newsFeed: await inFeed("/feeds/aktuelles.rss"),
      pressFeed: await inFeed("/feeds/presse.atom"),
      api: await inApi(),
      apiItem: (await get(`/api/v1/news/${slug}`)).status === 200,
      sitemap: (await (await get("/sitemap.xml")).text()).includes(`/aktuelles/${slug}</loc>`),
    });
    const nowhere = {
      page: false,
      list: false,
      press: false,
      newsFeed: false,
      pressFeed: false,
      api: false,
      apiItem: false,
      sitemap: false,
    };
    const everywhere = Object.fromEntries(Object.keys(nowhere).map((k) => [k, true]));
    expect(await places()).toEqual(nowhere);
    expect(await places()).toEqual(nowhere); // asked again: now from the response cache
    const visitor = await (await browser.newContext()).newPage();
    expect(await go(visitor, `/aktuelles/${slug}`)).toBe(404);

    // One second before its time the job releases nothing; a minute after, it releases the item by itself.
    now = new Date(at.getTime() - 1000);
    expect(await server.testApp.app.scheduler.runDue(now, ["news-release"])).toEqual({ "news-release": { released: 0 } });
    expect(await places()).toEqual(nowhere);
    now = new Date(at.getTime() + 60_000);
    expect(await server.testApp.app.scheduler.runDue(undefined, ["news-release"])).toEqual({ "news-release": { released: 1 } });
    let seen = await places();
    for (const begin = Date.now(); JSON.stringify(seen) !== JSON.stringify(everywhere) && Date.now() - begin < 3000; )
      seen = await places();
    expect(seen).toEqual(everywhere);
    expect(await go(visitor, `/aktuelles/${slug}`)).toBe(200);
    expect(await visitor.locator("main strong", { hasText: "Eröffnung" }).count()).toBe(1);
  }, 120_000);
});
