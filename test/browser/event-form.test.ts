import type { Browser } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEdition } from "../../src/event-form/event-form.fixtures.ts";
import { createUser, type TestUser } from "../accounts.ts";
import { demoOrganisationsInBw } from "../personas.ts";
import { expectNoViolations, launchBrowser, logIn, type RunningServer, recordRequests, startServer } from "./browser.ts";

/** The organisers' event form in a real browser: without JavaScript-only paths, and axe (WCAG 2.1 A/AA). */
let server: RunningServer;
let browser: Browser;
let owner: TestUser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await openEdition(server.testApp.database.db);
  const [org] = await demoOrganisationsInBw(server.testApp);
  owner = await createUser(server.testApp.database.db, { organisationIds: [org.id], name: "Erika Eventform" });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const loggedIn = (user: TestUser, javaScriptEnabled = true) => logIn(browser, server.origin, user, javaScriptEnabled);

describe("event form in a browser", () => {
  it("creates an event with two dates and an image, shows errors accessibly, previews it", async () => {
    const page = await loggedIn(owner);
    const requests = recordRequests(page);
    const scriptErrors: string[] = [];
    page.on("pageerror", (error) => scriptErrors.push(error.message));
    page.on("console", (message) => {
      // The expected 422 of the refused form is logged as a failed resource; script errors are not.
      if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) scriptErrors.push(message.text());
    });
    await page.goto(`${server.origin}/mein-bereich/veranstaltungen/neu`);
    await expectNoViolations(page, "new event form");
    await page.fill("#f-titleDe", "Browser-Werkstatt");
    await page.fill("#f-summaryDe", "Im Browser angelegt.");
    await page.selectOption("#f-formatCode", "workshop");
    await page.fill("#f-sessions-0-startDate", "2027-04-07");
    await page.fill("#f-sessions-0-startTime", "10:00");
    await page.fill("#f-sessions-0-endTime", "12:00");
    await Promise.all([page.waitForLoadState("load"), page.click('button[value="addDate"]')]);
    expect(await page.locator(".session-row").count()).toBe(2);
    expect(await page.inputValue("#f-titleDe")).toBe("Browser-Werkstatt");
    await page.fill("#f-sessions-1-startDate", "2027-04-31"); // no such day
    await page.fill("#f-sessions-1-startTime", "10:00");
    await page.fill("#f-sessions-1-endTime", "12:00");
    await page.fill("#f-venue-name", "Werkhalle");
    await page.fill("#f-venue-postalCode", "70173");
    await page.fill("#f-venue-city", "Stuttgart");
    await page.selectOption("#f-venue-stateCode", "BW");
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#2a7" } })
      .jpeg()
      .toBuffer();
    await page.setInputFiles("#f-image", { name: "foto.jpg", mimeType: "image/jpeg", buffer: photo });
    await page.fill("#f-imageAlt", "Eine grüne Fläche");
    await page.fill("#f-imageCredit", "Foto: Test");
    await Promise.all([page.waitForLoadState("load"), page.click('.form-actions button[value="save"]')]);
    // The date is refused; the summary has focus and links to the field; the uploaded image is kept.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("error-summary");
    expect(await page.locator('#error-summary a[href="#f-sessions-1-startDate"]').count()).toBe(1);
    expect(await page.getAttribute(".form-image img", "src")).toMatch(/^\/uploads\//);
    await expectNoViolations(page, "form with errors");
    await page.fill("#f-sessions-1-startDate", "2027-04-09");
    await Promise.all([page.waitForURL(/hinweis=saved/), page.click('.form-actions button[value="save"]')]);
    expect(await page.locator(".notice").textContent()).toContain("Gespeichert");
    await expectNoViolations(page, "edit form");
    await Promise.all([page.waitForURL(/vorschau/), page.click('.form-actions button[value="preview"]')]);
    expect(await page.locator(".banner-preview").count()).toBe(1);
    expect(await page.locator(".event-image img").getAttribute("alt")).toBe("Eine grüne Fläche");
    await expectNoViolations(page, "preview");
    await page.goto(`${server.origin}/mein-bereich/veranstaltungen`);
    await expectNoViolations(page, "my events");
    expect(requests.foreign(server.origin)).toEqual([]);
    expect(requests.urls.some((url) => /\/static\/event-form\.[0-9a-f]{10}\.js$/.test(url))).toBe(true);
    expect(scriptErrors).toEqual([]);
  });
});
