import { AxeBuilder } from "@axe-core/playwright";
import { sql } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/client.ts";
import { createEventDraft } from "../../src/event-form/create-event-draft.ts";
import { makeActor, openEdition, sampleEvent } from "../../src/event-form/event-form.fixtures.ts";
import { submitEvent } from "../../src/event-form/submit-event.ts";
import { assetUrl } from "../../src/views/assets.ts";
import { createUser, type TestUser } from "../accounts.ts";
import { demoOrganisationsInBw } from "../personas.ts";
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

describe("accessibility of the review pages (axe, WCAG 2.1 A and AA, logged in)", () => {
  let submittedId: number;
  let coordinator: TestUser;
  let editor: TestUser;

  beforeAll(async () => {
    const db = server.testApp.database.db;
    await openEdition(db);
    const [orgA] = await demoOrganisationsInBw(server.testApp);
    const owner = await makeActor(db, "organiser", { organisationIds: [orgA.id] });
    const ctx = { db, actor: owner, baseUrl: server.origin };
    const { id } = await createEventDraft({ ctx, input: { organisationId: orgA.id, event: sampleEvent({ titleDe: "Axe Prüfung" }) } });
    await submitEvent({ ctx, input: { id, version: 1 } });
    submittedId = id;
    coordinator = await createUser(db, { role: "coordinator", stateCodes: ["BW"], name: "Axe Coordinator" });
    editor = await createUser(db, { role: "editor", name: "Axe Editor" });
  });

  /** Logs in through /anmelden in a fresh context, then audits each path as that user. */
  async function auditAs(user: TestUser, paths: string[]): Promise<void> {
    const userContext = await browser.newContext();
    try {
      const page = await userContext.newPage();
      await page.goto(`${server.origin}/anmelden`);
      await page.fill('input[name="email"]', user.email);
      await page.fill('input[name="password"]', user.password);
      await Promise.all([page.waitForURL(/\/mein-bereich/), page.click('form[action^="/anmelden"] button[type="submit"]')]);
      for (const path of paths) {
        const requests = recordRequests(page);
        const response = await page.goto(`${server.origin}${path}`);
        expect(response?.status(), path).toBe(200);
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
        expect(results.violations, describeViolations(path, results)).toEqual([]);
        expect(requests.foreign(server.origin), `${path} requested another origin`).toEqual([]);
      }
    } finally {
      await userContext.close();
    }
  }

  it("finds no violations on the queue, a review page, its preview, the audit log and the coordination page as coordinator BW", async () => {
    await auditAs(coordinator, [
      "/mein-bereich/pruefung",
      `/mein-bereich/pruefung/${submittedId}`,
      `/mein-bereich/pruefung/${submittedId}/vorschau`,
      "/mein-bereich/protokoll",
      "/mein-bereich/land/BW",
      "/mein-bereich/pruefung?lang=en",
    ]);
  }, 120_000);

  it("finds no violations on the queue, a review page, the reject reasons and the audit log as editor", async () => {
    await auditAs(editor, [
      "/mein-bereich/pruefung",
      `/mein-bereich/pruefung/${submittedId}`,
      "/mein-bereich/pruefung/gruende",
      "/mein-bereich/protokoll",
      `/mein-bereich/pruefung/${submittedId}?lang=en`,
    ]);
  }, 120_000);
});
