import AxeBuilder from "@axe-core/playwright";
import { sql } from "drizzle-orm";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/client.ts";
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

/** Opens the page, runs axe with the WCAG 2.1 A/AA rules, and checks nothing went to another origin. */
async function audit(path: string, expectedStatus = 200): Promise<void> {
  const page = await context.newPage();
  const requests = recordRequests(page);
  try {
    const response = await page.goto(`${server.origin}${path}`);
    expect(response?.status(), path).toBe(expectedStatus);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations, describeViolations(path, results)).toEqual([]);
    expect(requests.foreign(server.origin), `${path} requested another origin`).toEqual([]);
  } finally {
    await page.close();
  }
}

async function firstEventPath(): Promise<string> {
  const page = await context.newPage();
  try {
    await page.goto(`${server.origin}/programm`);
    const href = await page.locator(".event-card-title a").first().getAttribute("href");
    if (!href) throw new Error("the programme lists no event");
    return href;
  } finally {
    await page.close();
  }
}

async function cancelledEventPath(): Promise<string> {
  const [row] = await queryRows<{ id: number; slug: string }>(
    server.testApp.database.db,
    sql`select id, slug from event where status = 'cancelled' order by id limit 1`,
  );
  if (!row) throw new Error("the demo data has no cancelled event");
  return `/veranstaltungen/${row.id}-${row.slug}`;
}

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
    const page = await context.newPage();
    await page.goto(`${server.origin}${path}`);
    // Make sure this really is the cancelled view, with its banner.
    await expect(page.locator(".banner-cancelled").count()).resolves.toBe(1);
    await page.close();
    await audit(path);
  });

  it("finds no violations on an organisation page", async () => {
    await audit(await firstOrganisationPath());
  });

  it("finds no violations on the page-not-found page", async () => {
    await audit("/gibt-es-nicht", 404);
  });
});
