import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EventList } from "../../src/api/events.schemas.ts";
import { launchBrowser, type RunningServer, recordRequests, startServer } from "./browser.ts";

// The app is reached as http://localhost:PORT, the portal as http://127.0.0.1:PORT2: two sites,
// so a cookie of the app could never be sent along by accident of a shared host name.
let server: RunningServer;
let app: string;
let portal: Server;
let portalOrigin: string;
let browser: Browser;
let context: BrowserContext;

/** A partner portal's page: its own style, our script, elements and an iframe. */
function portalPage(body: string): string {
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Landesportal</title>
<style>.themed { --cw-accent: rgb(200, 0, 0); --cw-font: Georgia, serif; }</style></head>
<body><h1>Landesportal</h1>${body}<script src="${app}/widget.js" async></script></body></html>`;
}

const pages: Record<string, () => string> = {
  "/": () =>
    portalPage(`<div class="themed"><clusterwoche-events id="bw" state="BW" limit="5"></clusterwoche-events></div>
<clusterwoche-events id="plain" state="BW" limit="1" heading-level="none"></clusterwoche-events>
<clusterwoche-events id="bad" state="XX"></clusterwoche-events>`),
  "/iframe": () =>
    portalPage(`<iframe src="${app}/embed/events?state=BW&amp;limit=5" title="Clusterwoche" width="600" height="600"></iframe>`),
};

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  app = server.origin.replace("127.0.0.1", "localhost");
  portal = createServer((request, response) => {
    const page = pages[request.url ?? ""];
    if (!page) return response.writeHead(404).end();
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page());
  });
  await new Promise<void>((resolve) => portal.listen(0, "127.0.0.1", resolve));
  portalOrigin = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
  context = await browser.newContext();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => portal?.close(resolve));
  await server?.close();
});

async function apiEvents(query: string) {
  const res = await server.testApp.app.inject(`/api/v1/events?${query}`);
  return EventList.parse(res.json());
}

async function withPage<T>(use: (page: Page) => Promise<T>): Promise<T> {
  const page = await context.newPage();
  try {
    return await use(page);
  } finally {
    await page.close();
  }
}

describe("<clusterwoche-events> on another site", () => {
  it("lists Baden-Württemberg's events like the API, links to our event pages, takes the host's theme, sets no cookie", async () => {
    // A cookie of our site in the browser: the widget must not send it (credentials: "omit").
    await context.addCookies([{ name: "probe", value: "1", url: app }]);
    await withPage(async (page) => {
      const requests = recordRequests(page);
      const apiRequests: { url: string; cookie: string | undefined }[] = [];
      page.on("request", async (request) => {
        if (request.url().includes("/api/v1/")) apiRequests.push({ url: request.url(), cookie: (await request.allHeaders()).cookie });
      });
      await page.goto(`${portalOrigin}/`);
      const items = page.locator("#bw li");
      await expect.poll(() => items.count()).toBe(5);

      const expected = await apiEvents("state=BW&pageSize=5");
      expect(await page.locator("#bw li .cw-title").allTextContents()).toEqual(expected.data.map((e) => e.title));
      const hrefs = await page.locator("#bw li a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
      expect(hrefs).toEqual(expected.data.map((e) => `${app}/veranstaltungen/${e.id}-${e.slug}`));
      const datetimes = await page.locator("#bw li time").evaluateAll((times) => times.map((t) => t.getAttribute("datetime")));
      expect(datetimes).toEqual(expected.data.map((e) => new Date(e.startsAt).toISOString()));
      expect(await page.locator("#bw h2").textContent()).toBe("Veranstaltungen der Clusterwoche");
      expect(await page.locator("#bw h3").count()).toBe(5);
      const more = page.locator("#bw a[part=more]");
      expect(await more.getAttribute("href")).toBe(`${app}/programm?state=BW`);
      expect(await more.textContent()).toContain(`Alle ${expected.meta.total} Veranstaltungen`);

      // The host's custom properties reach inside the shadow root; elsewhere the defaults hold.
      const color = (selector: string) =>
        page
          .locator(selector)
          .first()
          .evaluate((a) => getComputedStyle(a).color);
      expect(await color("#bw li a")).toBe("rgb(200, 0, 0)");
      expect(await color("#plain li a")).not.toBe("rgb(200, 0, 0)");
      expect(
        await page
          .locator("#bw li")
          .first()
          .evaluate((li) => getComputedStyle(li).fontFamily),
      ).toBe("Georgia, serif");
      // heading-level="none": no headings at all.
      expect(await page.locator("#plain h1, #plain h2, #plain h3").count()).toBe(0);

      expect(apiRequests.length).toBeGreaterThan(0);
      for (const r of apiRequests) expect(r.cookie, r.url).toBeUndefined();
      expect(await page.evaluate(() => document.cookie)).toBe("");
      expect(await context.cookies(portalOrigin)).toEqual([]);
      expect(requests.urls.every((url) => url.startsWith(portalOrigin) || url.startsWith(app))).toBe(true);
    });
    await context.clearCookies();
  });

  it("shows a readable message for an unknown value", async () => {
    await withPage(async (page) => {
      await page.goto(`${portalOrigin}/`);
      await expect.poll(() => page.locator("#bad [role=alert]").textContent()).toBe("Unbekannter Wert für state: XX");
      expect(await page.locator("#bad a[part=more]").getAttribute("href")).toBe(`${app}/programm?state=XX`);
    });
  });

  it("reacts to attribute changes: language and filter", async () => {
    await withPage(async (page) => {
      await page.goto(`${portalOrigin}/`);
      await expect.poll(() => page.locator("#bw li").count()).toBe(5);
      await page.locator("#bw").evaluate((el) => {
        el.setAttribute("lang", "en");
        el.setAttribute("state", "BY");
        el.setAttribute("limit", "3");
      });
      const expected = await apiEvents("state=BY&pageSize=3&lang=en");
      await expect.poll(() => page.locator("#bw li .cw-title").allTextContents()).toEqual(expected.data.map((e) => e.title));
      expect(await page.locator("#bw h2").textContent()).toBe("Clusterwoche events");
      expect(await page.locator("#bw li a").first().getAttribute("href")).toMatch(/\?lang=en$/);
      expect(await page.locator("#bw a[part=more]").textContent()).toContain("See all");
      await page.locator("#bw").evaluate((el) => el.setAttribute("mode", "teleport"));
      await expect.poll(() => page.locator("#bw [role=alert]").textContent()).toBe("Unknown value for mode: teleport");
    });
  });

  it("says so when the programme cannot be reached", async () => {
    await withPage(async (page) => {
      await page.route("**/api/v1/events**", (route) => route.abort("connectionrefused"));
      await page.goto(`${portalOrigin}/`);
      await expect
        .poll(() => page.locator("#bw [role=alert]").textContent())
        .toBe("Die Veranstaltungen konnten nicht geladen werden. Bitte versuchen Sie es später noch einmal.");
    });
  });
});

describe("the iframe variant on another site", () => {
  it("renders Baden-Württemberg's events inside the frame, with links that leave the frame", async () => {
    await withPage(async (page) => {
      await page.goto(`${portalOrigin}/iframe`);
      const frame = page.frameLocator("iframe");
      await expect.poll(() => frame.locator(".embed-item").count()).toBe(5);
      const expected = await apiEvents("state=BW&pageSize=5");
      expect((await frame.locator(".embed-item-title").allTextContents()).map((s) => s.trim())).toEqual(expected.data.map((e) => e.title));
      expect(await frame.locator(".embed-item-title a").first().getAttribute("target")).toBe("_top");
      expect(await context.cookies(portalOrigin)).toEqual([]);
    });
  });
});

describe("/embed (axe, WCAG 2.1 A and AA)", () => {
  it.each([
    ["German", "/embed?state=BW&limit=3"],
    ["English", "/embed?lang=en&state=BY&limit=3&widgetLang=en"],
  ])("has no violations in %s, previews included", async (_name, path) => {
    await withPage(async (page) => {
      const requests = recordRequests(page);
      await page.goto(`${server.origin}${path}`);
      await expect.poll(() => page.locator("clusterwoche-events li").count()).toBe(3);
      await expect.poll(() => page.frameLocator("iframe.embed-preview-frame").locator(".embed-item").count()).toBeGreaterThan(0);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      expect(summary).toEqual([]);
      expect(requests.foreign(server.origin)).toEqual([]);
    });
  });
});
