import fs from "node:fs/promises";
import ICAL from "ical.js";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { currentYear } from "../template.ts";
import { launchBrowser, type RequestRecorder, type RunningServer, recordRequests, startServer } from "./browser.ts";

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let requests: RequestRecorder;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openFreshPage(options: { javaScriptEnabled?: boolean } = {}): Promise<void> {
  context = await browser.newContext({ ...options, acceptDownloads: true });
  page = await context.newPage();
  requests = recordRequests(page);
}

beforeEach(() => openFreshPage());
afterEach(async () => {
  const foreign = requests.foreign(server.origin);
  await context.close();
  // Whatever the visitor did, the site never sent the browser to another origin.
  expect(foreign).toEqual([]);
});

const visit = (path: string) => page.goto(`${server.origin}${path}`);

/** From the programme: tick Baden-Württemberg and Workshop, submit, and check every result. */
async function filterWorkshopsInBadenWuerttemberg(): Promise<void> {
  await page.locator("#f-state-BW").check();
  await page.locator("#f-format-workshop").check();
  await Promise.all([page.waitForURL(/state=BW/), page.getByRole("button", { name: "Filter anwenden" }).last().click()]);

  const url = new URL(page.url());
  expect(url.pathname).toBe("/programm");
  expect(url.searchParams.getAll("state")).toEqual(["BW"]);
  expect(url.searchParams.getAll("format")).toEqual(["workshop"]);
  await expect(page.locator("#f-state-BW").isChecked()).resolves.toBe(true);
  await expect(page.locator("#f-format-workshop").isChecked()).resolves.toBe(true);

  const cards = await page.locator(".event-card").allTextContents();
  expect(cards.length).toBeGreaterThan(0);
  for (const card of cards) {
    expect(card).toContain("Baden-Württemberg");
    expect(card).toContain("Workshop");
  }
}

describe("a visitor's journey", () => {
  it("sees the current (upcoming) edition on the home page and finds workshops in Baden-Württemberg through the filters", async () => {
    await visit("/");
    await expect(page.locator("h1").textContent()).resolves.toContain(String(currentYear));
    const numbers = (await page.locator(".key-numbers").textContent()) ?? "";
    const events = Number(/(\d+) Veranstaltungen/.exec(numbers)?.[1]);
    expect(events).toBeGreaterThanOrEqual(170);
    expect(events).toBeLessThanOrEqual(210);

    await Promise.all([page.waitForURL(/\/programm$/), page.getByRole("link", { name: "Programm", exact: true }).first().click()]);
    await expect(page.locator("h1").textContent()).resolves.toBe("Programm");
    await filterWorkshopsInBadenWuerttemberg();
  });

  it("searches for Kunststoff, opens a result and adds it to the calendar", async () => {
    await visit("/programm");
    await page.locator("#f-q").fill("Kunststoff");
    await Promise.all([page.waitForURL(/q=Kunststoff/), page.locator("#f-q").press("Enter")]);
    const results = page.locator(".event-card-title a");
    expect(await results.count()).toBeGreaterThan(0);

    const title = await results.first().textContent();
    await Promise.all([page.waitForURL(/\/veranstaltungen\//), results.first().click()]);
    await expect(page.locator("h1").textContent()).resolves.toBe(title);

    const calendarLink = page.getByRole("link", { name: "Zum Kalender hinzufügen (.ics)" });
    await expect(calendarLink.getAttribute("href")).resolves.toMatch(/\.ics$/);
    await expect(calendarLink.getAttribute("download")).resolves.not.toBeNull();
    const [download] = await Promise.all([page.waitForEvent("download"), calendarLink.click()]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const ics = await fs.readFile(await download.path(), "utf8");
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain("BEGIN:VEVENT");
    const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent");
    expect(vevent?.getFirstPropertyValue("summary")).toBe(title);
  });

  it("switches to English and finds the Hannover Messe booths on the trade-fair page", async () => {
    await visit("/");
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("de");
    await Promise.all([page.waitForURL(/lang=en/), page.locator("header").getByRole("link", { name: "English" }).click()]);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
    const headings = await page.locator("h2").allTextContents();
    expect(headings).toContain("Cluster Week in numbers");
    expect(headings).toContain("Programme by state");

    await Promise.all([page.waitForURL(/\/messe/), page.getByRole("link", { name: "Trade fair", exact: true }).click()]);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
    await expect(page.locator("h1").textContent()).resolves.toContain("Trade-fair presences");
    await expect(page.locator("h2").allTextContents()).resolves.toContain("Hannover Messe");
    const tables = page.locator("table.booth-table");
    expect(await tables.count()).toBeGreaterThan(0);
    await expect(tables.first().locator("thead th").first().textContent()).resolves.toMatch(/booth/i);
    expect(await page.locator("table.booth-table tbody tr").count()).toBeGreaterThanOrEqual(10);
  });
});

describe("without JavaScript", () => {
  beforeEach(async () => {
    await context.close();
    await openFreshPage({ javaScriptEnabled: false });
  });

  it("filters the programme by state and format just the same", async () => {
    await visit("/programm");
    await filterWorkshopsInBadenWuerttemberg();
  });
});

describe("with the keyboard", () => {
  it("reaches a visible skip link with the first Tab, and Enter moves focus to the main content", async () => {
    await visit("/programm");
    await page.keyboard.press("Tab");
    const skipLink = page.locator("a.skip-link");
    await expect(skipLink.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const box = await skipLink.boundingBox();
    const viewport = page.viewportSize();
    expect(box && viewport).toBeTruthy();
    if (!box || !viewport) return;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);

    await page.keyboard.press("Enter");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("main");
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe("MAIN");
  });
});
