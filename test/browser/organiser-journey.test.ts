import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtp, type TestSmtp } from "../smtp.ts";
import { launchBrowser, type RunningServer, recordRequests, startServer } from "./browser.ts";

let smtp: TestSmtp;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  smtp = await startSmtp();
  [server, browser] = await Promise.all([startServer({ SMTP_URL: smtp.url }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await smtp?.close();
});

/** axe (WCAG 2.1 AA) on the page as it is now. */
async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(found, page.url()).toEqual([]);
}

describe("organiser journey: register → mail → confirm → log in → my area", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`works ${javaScriptEnabled ? "with" : "without"} JavaScript`, async () => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      const requests = recordRequests(page);
      const email = `journey-${javaScriptEnabled ? "js" : "nojs"}@example.test`;
      const password = "mein sicheres Passwort";
      try {
        // From the footer link of a public page: anonymous → login → registration.
        await page.goto(`${server.origin}/`);
        await page.getByRole("link", { name: "Für Veranstalter" }).click();
        await page.waitForURL(/\/anmelden\?next=/);
        await page.getByRole("link", { name: "Jetzt registrieren" }).click();
        await page.waitForURL(/\/registrieren$/);

        // A refused form first: the summary names the problems, the name stays.
        await page.getByLabel("Name").fill("Jana Journey");
        await page.getByLabel("E-Mail-Adresse").fill(email);
        await page.getByLabel("Passwort").fill("zu kurz");
        await page.getByRole("button", { name: "Konto anlegen" }).click();
        await expect(page.locator(".error-summary").textContent()).resolves.toContain("mindestens 10 Zeichen");
        await expect(page.getByLabel("Name").inputValue()).resolves.toBe("Jana Journey");
        if (javaScriptEnabled) {
          // The enhancement moves the focus to the summary; its links lead to the fields.
          await expect(page.evaluate(() => document.activeElement?.classList.contains("error-summary"))).resolves.toBe(true);
          await page.getByRole("link", { name: /Passwort: / }).click();
          await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("field-password");
        }
        if (javaScriptEnabled) await expectAccessible(page);

        await page.getByLabel("Passwort").fill(password);
        await page.getByRole("button", { name: "Konto anlegen" }).click();
        await page.waitForURL(/\/registrieren\/pruefen$/);
        await expect(page.locator("h1").textContent()).resolves.toBe("Bitte prüfen Sie Ihr Postfach");

        // The mail arrives at a real SMTP server; its link confirms the address.
        const mail = await smtp.waitFor(email);
        const link = mail.text?.match(/http:\/\/localhost:3000(\/konto\/bestaetigen\?\S+)/)?.[1];
        expect(link).toBeTruthy();
        await page.goto(`${server.origin}${link}`);
        await page.waitForURL(/\/anmelden\?notice=verified/);
        await expect(page.locator("[role=status]").textContent()).resolves.toContain("bestätigt");

        await page.getByLabel("E-Mail-Adresse").fill(email);
        await page.getByLabel("Passwort").fill(password);
        await page.getByLabel("Passwort").press("Enter");
        await page.waitForURL((url) => url.pathname === "/mein-bereich");
        expect(await page.locator("main h1").count()).toBe(1);

        await page.goto(`${server.origin}/konto`);
        await expect(page.locator("main").textContent()).resolves.toContain(email);
        if (javaScriptEnabled) {
          await expectAccessible(page);
          for (const path of ["/anmelden", "/passwort-vergessen", "/konto/loeschen"]) {
            await page.goto(`${server.origin}${path}`);
            await expectAccessible(page);
          }
        }

        const cookies = await context.cookies();
        const session = cookies.find((c) => c.name === "cw_session");
        expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
        expect(requests.foreign(server.origin)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
