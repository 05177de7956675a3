import { type Browser, chromium, type Page } from "playwright-core";
import { createTestApp, type TestApp } from "../app.ts";

export type RunningServer = { origin: string; testApp: TestApp; close(): Promise<void> };

/** The real app on a fresh copy of the seeded demo database, listening on a free local port. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const testApp = await createTestApp(env);
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
