import { sql } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/client.ts";
import { decideEvent } from "../../src/moderation/decide-event.ts";
import { actorOf } from "../../src/organiser/organiser-test-kit.ts";
import { createUser, type TestUser } from "../accounts.ts";
import { expectNoViolations, launchBrowser, logIn, type RunningServer, recordRequests, startServer } from "./browser.ts";

/** The reasons page, the audit log and the organiser's side of review in a real browser: axe (WCAG 2.1 A/AA), no JavaScript needed. */
let server: RunningServer;
let browser: Browser;
let editor: TestUser;
let organiser: TestUser;
let eventId = 0;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const db = server.testApp.database.db;
  // A demo submission; a member of its organisation gets a change request on it.
  const [waiting] = await queryRows<{ id: number; version: number; organisation_id: number }>(
    db,
    sql`select e.id, e.version, e.organisation_id from event e join edition ed on ed.id = e.edition_id
        where e.status = 'submitted' and e.revision_of is null and ed.status <> 'archived' order by e.id limit 1`,
  );
  if (!waiting) throw new Error("the demo data has no submission");
  eventId = Number(waiting.id);
  editor = await createUser(db, { role: "editor", name: "Edda Editor" });
  organiser = await createUser(db, { role: "organiser", organisationIds: [Number(waiting.organisation_id)], name: "Olli Organiser" });
  const reviewer = await actorOf(db, editor.id);
  await decideEvent({
    ctx: { db, actor: reviewer, baseUrl: server.origin },
    input: {
      id: eventId,
      version: Number(waiting.version),
      action: "request_changes",
      message: "Bitte Ort und Termine prüfen.",
      fields: ["venue.city", "sessions", "mode", "topics"],
    },
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const loggedIn = (user: TestUser, javaScriptEnabled = true) => logIn(browser, server.origin, user, javaScriptEnabled);

describe("review extras in a browser", () => {
  it("keep the reasons list without JavaScript, and axe finds nothing on reasons and audit pages", async () => {
    const page = await loggedIn(editor, false);
    await page.goto(`${server.origin}/mein-bereich/pruefung/gruende`);
    await page.fill("#field-textEn", "Not about clusters");
    await Promise.all([page.waitForLoadState(), page.click('form[action="/mein-bereich/pruefung/gruende"] button[type="submit"]')]);
    expect(await page.locator(".error-summary").count()).toBe(1);
    await page.fill("#field-textDe", "Kein Clusterbezug");
    await Promise.all([
      page.waitForURL(/notice=reasonAdded/),
      page.click('form[action="/mein-bereich/pruefung/gruende"] button[type="submit"]'),
    ]);
    expect(await page.locator(".reason").count()).toBe(1);
    await Promise.all([page.waitForURL(/notice=reasonRetired/), page.click(".reason button")]);
    expect(await page.locator(".reason").count()).toBe(0);

    const axe = await loggedIn(editor);
    for (const path of [
      "/mein-bereich/pruefung/gruende",
      "/mein-bereich/pruefung/gruende?lang=en",
      "/mein-bereich/protokoll",
      "/mein-bereich/protokoll?lang=en&objectType=reject_reason",
      "/mein-bereich/protokoll?from=nicht-datum",
    ]) {
      const requests = recordRequests(axe);
      const response = await axe.goto(`${server.origin}${path}`);
      expect(response?.status(), path).toBe(path.includes("nicht-datum") ? 400 : 200);
      await expectNoViolations(axe, path);
      expect(requests.foreign(server.origin), path).toEqual([]);
    }
    expect(await axe.locator(".audit-entry").count()).toBe(0);
    await axe.goto(`${server.origin}/mein-bereich/protokoll?objectType=reject_reason`);
    expect(await axe.locator(".audit-entry").count()).toBe(2);
    await axe.goto(`${server.origin}/mein-bereich/pruefung/gruende`);
    await axe.fill("#field-textDe", "<script>x</script>");
    await axe.click('form[action="/mein-bereich/pruefung/gruende"] button[type="submit"]');
    await expect.poll(() => axe.locator(".error-summary").count()).toBe(1);
    await expectNoViolations(axe, "refused reason");
  }, 180_000);

  it("shows the organiser the message and marked fields, the holder and the dashboard messages, with no axe findings", async () => {
    const page = await loggedIn(organiser);
    for (const path of [
      `/mein-bereich/veranstaltungen/${eventId}`,
      `/mein-bereich/veranstaltungen/${eventId}?lang=en`,
      "/mein-bereich",
      "/mein-bereich/veranstaltungen",
    ]) {
      const response = await page.goto(`${server.origin}${path}`);
      expect(response?.status(), path).toBe(200);
      await expectNoViolations(page, path);
    }
    await page.goto(`${server.origin}/mein-bereich/veranstaltungen/${eventId}`);
    expect(await page.locator(".review-message-text").textContent()).toBe("Bitte Ort und Termine prüfen.");
    expect(await page.locator(".field-marked").count()).toBe(4);
    await page.click('.marked-fields a[href="#f-venue-city"]');
    expect(page.url()).toMatch(/#f-venue-city$/);
    await page.goto(`${server.origin}/mein-bereich`);
    expect(await page.locator(".review-messages .review-message-item").count()).toBe(1);
  }, 120_000);
});
