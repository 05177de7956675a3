import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect } from "vitest";
import { createTestApp, type TestApp } from "../app.ts";

export type RunningServer = { origin: string; testApp: TestApp; close(): Promise<void> };

/** The real app on a fresh copy of the seeded demo database, listening on a free local port (`clock`: the app's time). */
export async function startServer(env: Record<string, string> = {}, options: { clock?: () => Date } = {}): Promise<RunningServer> {
  const testApp = await createTestApp(env, undefined, options);
  const address = await testApp.app.listen({ port: 0, host: "127.0.0.1" });
  return { origin: new URL(address).origin, testApp, close: () => testApp.close() };
}

/** Headless Chromium from the system, with everything that would phone home switched off. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-quic",
    ],
  });
}

export type RequestRecorder = {
  /** Every URL the page requested since recording started (or since the last clear). */
  readonly urls: string[];
  /** The recorded URLs whose origin differs from the given one. */
  foreign(origin: string): string[];
  clear(): void;
};

/** Records the URL of every request the page makes, so a test can assert nothing left the site. */
export function recordRequests(page: Page): RequestRecorder {
  const urls: string[] = [];
  page.on("request", (request) => {
    urls.push(request.url());
  });
  return {
    urls,
    foreign: (origin) => urls.filter((url) => !sameOrigin(url, origin)),
    clear: () => {
      urls.length = 0;
    },
  };
}

// data: and blob: URLs never reach the network; everything else must come from the site itself.
function sameOrigin(url: string, origin: string): boolean {
  if (url.startsWith("data:") || url.startsWith("blob:")) return true;
  return new URL(url).origin === origin;
}

/** A fresh browser context logged in as `user` through the real /anmelden form (optionally without JavaScript). */
export async function logIn(
  browser: Browser,
  origin: string,
  user: { email: string; password: string },
  javaScriptEnabled = true,
): Promise<Page> {
  const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
  await page.goto(`${origin}/anmelden`);
  await page.fill('input[name="email"]', user.email);
  await page.fill('input[name="password"]', user.password);
  await Promise.all([page.waitForURL(/\/mein-bereich/), page.click('form[action^="/anmelden"] button[type="submit"]')]);
  return page;
}

/** Runs axe with the WCAG 2.1 A/AA rules on the page; fails listing every violation and its elements. */
export async function expectNoViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const lines = results.violations.flatMap((v) => [`${v.id}: ${v.help}`, ...v.nodes.map((n) => `  ${n.target.join(" ")}`)]);
  expect(results.violations, `${what}:\n${lines.join("\n")}`).toEqual([]);
}
