import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, type TestUser } from "../accounts.ts";
import { expectNoViolations, launchBrowser, logIn, type RunningServer, recordRequests, startServer } from "./browser.ts";

// Many pages, each with an axe run, on a shared machine: longer than the default 30 s.
/** The coordinators' tools in a real browser: axe (WCAG 2.1 A/AA) on every page, and the intro preview and save without JavaScript. */
let server: RunningServer;
let browser: Browser;
let coordinator: TestUser;
let editor: TestUser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const db = server.testApp.database.db;
  coordinator = await createUser(db, { role: "coordinator", stateCodes: ["BW"], name: "Carla Coordinator" });
  editor = await createUser(db, { role: "editor", name: "Edda Editor" });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const loggedIn = (user: TestUser, javaScriptEnabled = true) => logIn(browser, server.origin, user, javaScriptEnabled);

describe("coordination tools in a browser", () => {
  it("have no axe violations, in German and English, and request nothing from other origins", async () => {
    const page = await loggedIn(coordinator);
    for (const path of [
      "/mein-bereich/laender",
      "/mein-bereich/land/BW",
      "/mein-bereich/land/BW/einladen",
      "/mein-bereich/land/BW/seite",
      "/mein-bereich/land/BW/hervorgehoben",
      "/mein-bereich/land/BW?lang=en",
      "/konto",
    ]) {
      const requests = recordRequests(page);
      const response = await page.goto(`${server.origin}${path}`);
      expect(response?.status(), path).toBe(200);
      await expectNoViolations(page, path);
      expect(requests.foreign(server.origin), path).toEqual([]);
    }
    // A refused invitation: the error summary and the fields' messages.
    await page.goto(`${server.origin}/mein-bereich/land/BW/einladen`);
    await page.fill("#field-email", "kein-mail");
    await page.click('form[action="/mein-bereich/land/BW/einladen"] button[type="submit"]');
    await expect.poll(() => page.locator(".error-summary").count()).toBe(1);
    await expectNoViolations(page, "refused invitation");
    // The intro preview (axe needs JavaScript in the page; the no-JS round trip is the next test).
    await page.goto(`${server.origin}/mein-bereich/land/BW/seite`);
    await page.fill("#field-introEn", "Welcome to **BW**.");
    await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.click('button[value="preview"]')]);
    await page.waitForLoadState();
    await expectNoViolations(page, "intro preview");
    const editorPage = await loggedIn(editor);
    await editorPage.goto(`${server.origin}/mein-bereich/startseite/hervorgehoben`);
    await expectNoViolations(editorPage, "home featured");
  }, 180_000);

  it("previews and saves a Land page's intro without JavaScript, and the public page shows it", async () => {
    const page = await loggedIn(coordinator, false);
    await page.goto(`${server.origin}/mein-bereich/land/BW/seite`);
    await page.fill("#field-introDe", "## Willkommen\n\nDas **Ländle** lädt ein.");
    const [preview] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.click('button[value="preview"]'),
    ]);
    expect(preview.status()).toBe(200);
    await page.waitForLoadState();
    expect(await page.locator(".intro-preview strong").textContent({ timeout: 10_000 })).toBe("Ländle");
    await Promise.all([page.waitForURL(/notice=saved/), page.click('button[value="save"]')]);
    await page.goto(`${server.origin}/laender/bw`);
    expect(await page.locator(".prose strong").first().textContent()).toBe("Ländle");
  }, 120_000);
});
