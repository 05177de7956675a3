import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { page as pageTable } from "../../src/db/schema/index.ts";
import { createUser, type TestUser } from "../accounts.ts";
import { demoOrganisationsInBw } from "../personas.ts";
import { expectNoViolations, launchBrowser, logIn, type RunningServer, startServer } from "./browser.ts";

/**
 * axe (WCAG 2.1 A/AA) on every page of the national office's back office, as an editor sees it, in a
 * real browser: lists, forms, previews, revisions, and the forms refused with their error summary.
 */
let server: RunningServer;
let browser: Browser;
let editor: TestUser;
let paths: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const db = server.testApp.database.db;
  editor = await createUser(db, { role: "editor", name: "Axel Axe" });
  const someone = await createUser(db, { role: "coordinator", stateCodes: ["BW"] });
  const [imprint] = await db.select({ id: pageTable.id }).from(pageTable).where(eq(pageTable.slug, "impressum"));
  const [a, b] = await demoOrganisationsInBw(server.testApp);
  paths = [
    "/mein-bereich/ausgaben",
    "/mein-bereich/ausgaben/neu",
    "/mein-bereich/ausgaben/neu-aus-vorjahr",
    "/mein-bereich/ausgaben/2019",
    "/mein-bereich/seiten",
    "/mein-bereich/seiten/neu",
    `/mein-bereich/seiten/${imprint?.id}`,
    `/mein-bereich/seiten/${imprint?.id}/versionen`,
    "/mein-bereich/aktuelles",
    "/mein-bereich/aktuelles/neu",
    "/mein-bereich/aktuelles/pressekontakte",
    "/mein-bereich/nutzer",
    "/mein-bereich/nutzer/neu",
    `/mein-bereich/nutzer/${someone.id}`,
    "/mein-bereich/organisationen",
    `/mein-bereich/organisationen/${a.id}`,
    `/mein-bereich/organisationen/${a.id}/zusammenfuehren?target=${b.id}`,
    "/mein-bereich/statistik",
    "/mein-bereich/medienpaket",
    "/mein-bereich/taxonomien",
  ];
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function submitAndCheck(page: Page, button: string, what: string) {
  await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: button, exact: true }).click()]);
  await expectNoViolations(page, what);
}

describe("axe on the back office", () => {
  it("finds nothing on any back-office page an editor opens", async () => {
    const page = await logIn(browser, server.origin, editor);
    for (const path of paths) {
      const response = await page.goto(`${server.origin}${path}`);
      expect(response?.status(), path).toBe(200);
      await expectNoViolations(page, path);
    }
  }, 240_000);

  it("finds nothing on refused forms (error summary, messages at the fields) and the greeting preview", async () => {
    const page = await logIn(browser, server.origin, editor);
    await page.goto(`${server.origin}/mein-bereich/ausgaben/2019`);
    await page.getByLabel("Titel (deutsch)").fill("");
    await page.locator('input[name="titleDe"]').evaluate((el) => el.removeAttribute("required"));
    await submitAndCheck(page, "Speichern", "edition form refused");
    expect(await page.locator(".error-summary").count()).toBe(1);
    await page.goto(`${server.origin}/mein-bereich/ausgaben/2019`);
    await submitAndCheck(page, "Vorschau des Grußworts", "edition greeting preview");
    await page.goto(`${server.origin}/mein-bereich/aktuelles/neu`);
    await page.locator("form [required]").evaluateAll((els) => {
      for (const el of els) el.removeAttribute("required");
    });
    await submitAndCheck(page, "Meldung anlegen", "news form refused");
    expect(await page.locator(".error-summary").count()).toBe(1);
    await page.goto(`${server.origin}/mein-bereich/nutzer/neu`);
    await page.locator("form [required]").evaluateAll((els) => {
      for (const el of els) el.removeAttribute("required");
    });
    await page.locator('input[type="email"]').evaluateAll((els) => {
      for (const el of els) el.setAttribute("type", "text");
    });
    await page.locator('input[name="email"]').fill("kein-mail");
    const create = page.locator('form[action*="/mein-bereich/nutzer/neu"] button[type="submit"]');
    await Promise.all([page.waitForNavigation(), create.click()]);
    await expectNoViolations(page, "new user form refused");
    expect(await page.locator(".error-summary").count()).toBe(1);
  }, 120_000);
});
