import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, type TestUser } from "../accounts.ts";
import { expectNoViolations, launchBrowser, logIn, type RunningServer, recordRequests, startServer } from "./browser.ts";

/** Statistics, operations figures and the retrospective in a real browser: axe on every page, charts included, and no CSP refusal. */
let server: RunningServer;
let browser: Browser;
let coordinator: TestUser;
let editor: TestUser;
let years: number[];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const db = server.testApp.database.db;
  coordinator = await createUser(db, { role: "coordinator", stateCodes: ["BW"], name: "Carla Coordinator" });
  editor = await createUser(db, { role: "editor", name: "Edda Editor" });
  const html = await (await fetch(`${server.origin}/archiv`)).text();
  years = [...new Set([...html.matchAll(/\/archiv\/(\d{4})\/rueckblick/g)].map((m) => Number(m[1])))];
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every console message about the Content Security Policy while the page loads. */
function cspRefusals(page: Page): string[] {
  const messages: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) messages.push(m.text());
  });
  return messages;
}

async function visit(page: Page, path: string): Promise<void> {
  const requests = recordRequests(page);
  const refusals = cspRefusals(page);
  const response = await page.goto(`${server.origin}${path}`);
  expect(response?.status(), path).toBe(200);
  expect(await page.locator("svg.cw-chart").count(), path).toBeGreaterThan(0);
  await expectNoViolations(page, path);
  expect(refusals, path).toEqual([]);
  expect(requests.foreign(server.origin), path).toEqual([]);
}

describe("statistics and retrospective in a browser", () => {
  it("the retrospective of every linked edition has no axe violations or CSP refusals, German and English", async () => {
    expect(years.length).toBeGreaterThan(0);
    const page = await (await browser.newContext()).newPage();
    for (const year of years) {
      await visit(page, `/archiv/${year}/rueckblick`);
      await visit(page, `/archiv/${year}/rueckblick?lang=en`);
    }
  });

  it("the dashboard as editor and as coordinator, and the operations figures, have no violations", async () => {
    const asEditor = await logIn(browser, server.origin, editor);
    await visit(asEditor, "/mein-bereich/statistik");
    await visit(asEditor, "/mein-bereich/statistik?lang=en");
    const response = await asEditor.goto(`${server.origin}/mein-bereich/statistik/betrieb`);
    expect(response?.status()).toBe(200);
    await expectNoViolations(asEditor, "operations figures");
    const asCoordinator = await logIn(browser, server.origin, coordinator, false);
    // Without JavaScript: the edition choice is a plain GET form.
    await asCoordinator.goto(`${server.origin}/mein-bereich/statistik`);
    const year = await asCoordinator.locator("#stats-edition option").last().getAttribute("value");
    await asCoordinator.selectOption("#stats-edition", year ?? "");
    await Promise.all([asCoordinator.waitForURL(/edition=/), asCoordinator.click("form.edition-choice button")]);
    expect(await asCoordinator.locator("h1").textContent()).toContain(String(year));
    const csv = await asCoordinator.request.get(`${server.origin}/mein-bereich/statistik/state.csv?edition=${year}`);
    expect(csv.status()).toBe(200);
  });

  it("the dashboard as coordinator has no violations", async () => {
    const page = await logIn(browser, server.origin, coordinator);
    await visit(page, "/mein-bereich/statistik");
  });
});
