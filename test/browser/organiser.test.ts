import { AxeBuilder } from "@axe-core/playwright";
import { and, eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { membership } from "../../src/db/schema/index.ts";
import { ctxOf, makeActor, orgFields } from "../../src/organiser/organiser-test-kit.ts";
import { requestOrganisation } from "../../src/organiser/request-organisation.ts";
import { createUser, type TestUser } from "../accounts.ts";
import { demoOrganisationsInBw } from "../personas.ts";
import { launchBrowser, type RunningServer, recordRequests, startServer } from "./browser.ts";

/** The organiser area in a real browser: keyboard-free form round trips and axe (WCAG 2.1 A/AA) on every page. */
let server: RunningServer;
let browser: Browser;
let owner: TestUser;
let coordinator: TestUser;
let orgSlug = "";

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const db = server.testApp.database.db;
  const [org] = await demoOrganisationsInBw(server.testApp);
  orgSlug = org.slug;
  owner = await createUser(db, { organisationIds: [org.id], name: "Olga Owner" });
  await db
    .update(membership)
    .set({ role: "owner" })
    .where(and(eq(membership.userId, owner.id), eq(membership.organisationId, org.id)));
  coordinator = await createUser(db, { role: "coordinator", stateCodes: ["BW"], name: "Carl Coordinator" });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function loggedIn(user: TestUser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.origin}/anmelden`);
  await page.fill('input[name="email"]', user.email);
  await page.fill('input[name="password"]', user.password);
  await Promise.all([page.waitForURL(/\/mein-bereich/), page.click('form[action^="/anmelden"] button[type="submit"]')]);
  return page;
}

async function audit(page: Page, path: string, status = 200): Promise<void> {
  const requests = recordRequests(page);
  const response = await page.goto(`${server.origin}${path}`);
  expect(response?.status(), path).toBe(status);
  await expectNoViolations(page, path);
  expect(requests.foreign(server.origin), path).toEqual([]);
}

async function expectNoViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const lines = results.violations.flatMap((v) => [`${v.id}: ${v.help}`, ...v.nodes.map((n) => `  ${n.target.join(" ")}`)]);
  expect(results.violations, `${what}:\n${lines.join("\n")}`).toEqual([]);
}

describe("organiser area in a browser", () => {
  it("has no axe violations on the organiser's pages, in German and English", async () => {
    const page = await loggedIn(owner);
    for (const path of [
      "/mein-bereich",
      "/mein-bereich/organisation",
      "/mein-bereich/organisation/mitglieder",
      "/mein-bereich/messe",
      "/mein-bereich/messe/neu",
      "/mein-bereich/organisation/neu",
      "/mein-bereich?lang=en",
    ]) {
      await audit(page, `${path}${path.includes("?") ? "&" : "?"}org=${orgSlug}`);
    }
  });

  it("re-renders a refused form with a linked error summary, accessibly, and saves once corrected", async () => {
    const page = await loggedIn(owner);
    await page.goto(`${server.origin}/mein-bereich/organisation?org=${orgSlug}`);
    await page.fill("#field-name", "");
    await page.fill("#field-website", "kein-link");
    await page.click('form.organiser-form button[type="submit"] >> nth=0');
    expect(await page.locator(".error-summary a").allTextContents()).toEqual([
      "Name: Bitte ausfüllen.",
      "Website: Bitte eine vollständige Adresse mit https:// angeben.",
    ]);
    await expectNoViolations(page, "refused profile form");
    await page.click('.error-summary a[href="#field-name"]');
    await page.fill("#field-name", "Leichtbau Netzwerk Süd");
    await page.fill("#field-website", "https://leichtbau.example");
    await page.click('form.organiser-form button[type="submit"] >> nth=0');
    expect(await page.locator('[role="status"]').textContent()).toBe("Die Änderungen sind gespeichert.");
    expect(await page.inputValue("#field-name")).toBe("Leichtbau Netzwerk Süd");
  });

  it("has no axe violations on the coordinator's request list and the join page", async () => {
    const db = server.testApp.database.db;
    const requester = await makeActor(db);
    await requestOrganisation({ ctx: ctxOf(db, requester), input: orgFields("Photonik Forum Oberrhein", "BW") });
    const page = await loggedIn(coordinator);
    await audit(page, "/mein-bereich");
    await audit(page, "/mein-bereich/anfragen");
    expect(await page.locator(".request h2").allTextContents()).toContain("Photonik Forum Oberrhein");
  });
});
