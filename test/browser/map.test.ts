import http from "node:http";
import type { AddressInfo } from "node:net";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assetUrl } from "../../src/views/assets.ts";
import { contrastRatio } from "../contrast.ts";
import { launchBrowser, type RunningServer, recordRequests, startServer } from "./browser.ts";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function withPage<T>(use: (page: Page) => Promise<T>, options: { javaScriptEnabled?: boolean } = {}): Promise<T> {
  const context = await browser.newContext(options);
  try {
    return await use(await context.newPage());
  } finally {
    await context.close();
  }
}

/** Presses Tab until the focused element matches the selector; fails after `max` presses. */
async function tabTo(page: Page, selector: string, max = 250): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");

describe("programme map in a browser", () => {
  it("reaches the states by keyboard; Enter on Bavaria opens the programme filtered by BY", async () => {
    await withPage(async (page) => {
      const requests = recordRequests(page);
      await page.goto(`${server.origin}/programm/karte`);
      await tabTo(page, "svg a.map-state");
      // States come in alphabetical order: Baden-Württemberg first, then Bavaria.
      expect(await focusedLabel(page)).toMatch(/^Baden-Württemberg: \d+ Veranstaltungen$/);
      await page.keyboard.press("Tab");
      const label = await focusedLabel(page);
      expect(label).toMatch(/^Bayern: \d+ Veranstaltungen$/);
      // Focus is visible: the focused state takes the focus colour.
      const fill = await page.evaluate(() => {
        const path = document.activeElement?.querySelector("path");
        return path ? getComputedStyle(path).fill : "";
      });
      expect(fill).toBe("rgb(255, 191, 71)");

      await Promise.all([page.waitForURL(/\/programm\?state=BY$/), page.keyboard.press("Enter")]);
      expect(await page.locator("#f-state-BY").isChecked()).toBe(true);
      const heading = await page.locator("#results-heading").textContent();
      expect(heading?.replace(/\D/g, "")).toBe(/: (\d+) /.exec(label)?.[1]);
      expect(requests.urls).toContain(`${server.origin}${assetUrl("map.css")}`);
      expect(requests.foreign(server.origin)).toEqual([]);
    });
  });

  it("renders every count label as ink in a halo with at least 4.5:1 contrast", async () => {
    await withPage(async (page) => {
      await page.goto(`${server.origin}/programm/karte`);
      const styles = await page.$$eval(".map-counts text", (texts) =>
        texts.map((text) => {
          const style = getComputedStyle(text);
          return { fill: style.fill, stroke: style.stroke, width: Number.parseFloat(style.strokeWidth), order: style.paintOrder };
        }),
      );
      expect(styles.length).toBe(16);
      for (const style of styles) {
        expect(style.order).toMatch(/^stroke/);
        expect(style.width).toBeGreaterThanOrEqual(3);
        expect(contrastRatio(style.fill, style.stroke)).toBeGreaterThanOrEqual(4.5);
      }
    });
  });

  it("takes a keyboard user from a marker to that place's events, without JavaScript too", async () => {
    await withPage(
      async (page) => {
        await page.goto(`${server.origin}/programm/karte`);
        await tabTo(page, "svg a.map-marker");
        const label = await focusedLabel(page);
        const href = await page.evaluate(() => document.activeElement?.getAttribute("href") ?? "");
        expect(label).toMatch(/^.+: \d+ Veranstaltung(en)?$/);
        await page.keyboard.press("Enter");
        await page.waitForURL(new RegExp(`${href}$`));
        const place = page.locator(`${href}`);
        expect(await place.locator("h4").textContent()).toContain(label.split(":")[0]);
        expect(await place.locator("a[href^='/veranstaltungen/']").count()).toBeGreaterThan(0);
      },
      { javaScriptEnabled: false },
    );
  });

  it.each([
    ["the map", "/programm/karte"],
    ["the English map filtered by state and format", "/programm/karte?lang=en&state=BY&format=workshop"],
  ])("finds no axe violations on %s and requests nothing from elsewhere", async (_name, path) => {
    await withPage(async (page) => {
      const requests = recordRequests(page);
      const response = await page.goto(`${server.origin}${path}`);
      expect(response?.status()).toBe(200);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      expect(summary).toEqual([]);
      expect(requests.foreign(server.origin)).toEqual([]);
      expect(requests.urls.some((url) => /leaflet/.test(url))).toBe(false);
    });
  });
});

describe("programme map with an operator's tile server", () => {
  let tiles: http.Server;
  let tileOrigin: string;
  let tiled: RunningServer;
  const tileRequests: string[] = [];
  // A 1×1 transparent PNG stands in for every tile.
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

  beforeAll(async () => {
    tiles = http.createServer((request, response) => {
      tileRequests.push(request.url ?? "");
      response.writeHead(200, { "content-type": "image/png" }).end(png);
    });
    await new Promise<void>((resolve) => tiles.listen(0, "127.0.0.1", resolve));
    tileOrigin = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}`;
    tiled = await startServer({ MAP_TILE_URL: `${tileOrigin}/{z}/{x}/{y}.png`, MAP_TILE_ATTRIBUTION: "© Test tiles" });
  });
  afterAll(async () => {
    await tiled?.close();
    await new Promise((resolve) => tiles?.close(resolve));
  });

  it("draws a Leaflet map with tiles from that server only, within the page's CSP", async () => {
    await withPage(async (page) => {
      const requests = recordRequests(page);
      const cspErrors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") cspErrors.push(message.text());
      });
      await page.goto(`${tiled.origin}/programm/karte`);
      await page.locator(".tile-map-section").waitFor({ state: "visible" });
      await page.locator("#tile-map .leaflet-tile-loaded").first().waitFor();
      expect(await page.locator("#tile-map .leaflet-interactive").count()).toBeGreaterThan(30);
      expect(await page.locator("#tile-map .leaflet-control-attribution").textContent()).toContain("© Test tiles");
      expect(requests.urls).toContain(`${tiled.origin}/programm/karte/leaflet.js`);
      // Everything foreign is a tile from the configured server.
      const foreign = requests.foreign(tiled.origin);
      expect(foreign.length).toBeGreaterThan(0);
      for (const url of foreign) expect(url.startsWith(`${tileOrigin}/`), url).toBe(true);
      expect(tileRequests.length).toBeGreaterThan(0);
      expect(cspErrors).toEqual([]);
    });
  });
});
