import { AxeBuilder } from "@axe-core/playwright";
import { sql } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/client.ts";
import { assetUrl } from "../../src/views/assets.ts";
import { launchBrowser, type RunningServer, recordRequests, startServer } from "./browser.ts";

type AxeResults = Awaited<ReturnType<AxeBuilder["analyze"]>>;

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  context = await browser.newContext();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** One line per violation and node, so a failing assertion says what is wrong and where. */
function describeViolations(path: string, results: AxeResults): string {
  const lines = results.violations.flatMap((v) => [
    `${v.id} (${v.impact ?? "?"}): ${v.help}`,
    ...v.nodes.map((n) => `    ${n.target.join(" ")} — ${n.failureSummary?.replace(/\s+/g, " ") ?? ""}`),
  ]);
  return `axe found ${results.violations.length} violation(s) on ${path}:\n${lines.join("\n")}`;
}

async function withPage<T>(use: (page: Page) => Promise<T>): Promise<T> {
  const page = await context.newPage();
  try {
    return await use(page);
  } finally {
    await page.close();
  }
}

/** Opens the page, runs axe with the WCAG 2.1 A/AA rules, and checks nothing went to another origin. */
async function audit(
  path: string,
  { status = 200, check }: { status?: number; check?: (page: Page) => Promise<void> } = {},
): Promise<void> {
  await withPage(async (page) => {
    const requests = recordRequests(page);
    const response = await page.goto(`${server.origin}${path}`);
    expect(response?.status(), path).toBe(status);
    await check?.(page);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations, describeViolations(path, results)).toEqual([]);
    expect(requests.urls, "the recorder saw the stylesheet").toContain(`${server.origin}${assetUrl("site.css")}`);
    expect(requests.foreign(server.origin), `${path} requested another origin`).toEqual([]);
  });
}

const firstEventPath = () =>
  withPage(async (page) => {
    await page.goto(`${server.origin}/programm`);
    const href = await page.locator(".event-card-title a").first().getAttribute("href");
    if (!href) throw new Error("the programme lists no event");
    return href;
  });

/** A cancelled event of the current edition, found as a visitor would: paging through the programme. */
const cancelledEventPath = () =>
  withPage(async (page) => {
    await page.goto(`${server.origin}/programm`);
    for (;;) {
      const cancelled = page.locator(".is-cancelled .event-card-title a");
      if ((await cancelled.count()) > 0) return (await cancelled.first().getAttribute("href")) ?? "";
      const next = page.locator('.pagination a[rel="next"]');
      if ((await next.count()) === 0) throw new Error("the programme lists no cancelled event");
      await Promise.all([page.waitForURL(/page=/), next.click()]);
    }
  });

async function firstOrganisationPath(): Promise<string> {
  const [row] = await queryRows<{ slug: string }>(server.testApp.database.db, sql`select slug from organisation order by id limit 1`);
  if (!row) throw new Error("the demo data has no organisation");
  return `/organisationen/${row.slug}`;
}

describe("accessibility (axe, WCAG 2.1 A and AA)", () => {
  it.each([
    ["the home page", "/"],
    ["the programme", "/programm"],
    ["the programme filtered by state and format", "/programm?state=BW&format=workshop"],
    ["the agenda", "/programm/agenda"],
    ["a state page", "/laender/bw"],
    ["the trade-fair page", "/messe"],
    ["the archive", "/archiv"],
    ["the English home page", "/?lang=en"],
  ])("finds no violations on %s (%s)", async (_name, path) => {
    await audit(path);
  });

  it("finds no violations on an event page", async () => {
    await audit(await firstEventPath());
  });

  it("finds no violations on a cancelled event page", async () => {
    const path = await cancelledEventPath();
    await audit(path, {
      // Make sure this really is the cancelled view, with its banner.
      check: async (page) => expect(await page.locator(".banner-cancelled").count()).toBe(1),
    });
  });

  it("finds no violations on an organisation page", async () => {
    await audit(await firstOrganisationPath());
  });

  it("finds no violations on the page-not-found page", async () => {
    await audit("/gibt-es-nicht", { status: 404 });
  });
});
