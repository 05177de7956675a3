import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, type TestUser } from "../accounts.ts";
import { unzip } from "../zip.ts";
import { expectNoViolations, launchBrowser, logIn, type RunningServer, recordRequests, startServer } from "./browser.ts";

/** The media kit and taxonomies back office in a real browser (plain forms; axe needs JavaScript to run): the public page and its ZIP. */
let server: RunningServer;
let browser: Browser;
let editor: TestUser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  editor = await createUser(server.testApp.database.db, { role: "editor", name: "Edda Editor" });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function submit(page: Page, form: string): Promise<void> {
  await Promise.all([page.waitForLoadState("load"), page.click(`${form} button[type="submit"]`)]);
}

describe("media kit in a browser", () => {
  it("an editor uploads a logo, is told why an SVG is refused, generates an image; the public page lists them and the ZIP has them", async () => {
    const page = await logIn(browser, server.origin, editor);
    await page.goto(`${server.origin}/mein-bereich/medienpaket`);
    expect(page.url()).toMatch(/\/mein-bereich\/medienpaket\/\d{4}$/);
    await expectNoViolations(page, "media kit, empty");

    const logo = await sharp({ create: { width: 600, height: 300, channels: 4, background: "#0b4a8f" } })
      .png()
      .toBuffer();
    await page.fill("#field-titleDe", "Logo blau");
    await page.fill("#field-titleEn", "Logo blue");
    await page.setInputFiles("#field-file", { name: "logo.png", mimeType: "image/png", buffer: logo });
    await submit(page, 'form[action$="/dateien"]');
    expect(await page.locator(".notice").first().textContent()).toContain("Die Datei ist im Medienpaket.");
    expect(await page.locator(".media-kit-file").count()).toBe(1);

    await page.fill("#field-titleDe", "Logo als SVG");
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await page.setInputFiles("#field-file", { name: "logo.svg", mimeType: "image/svg+xml", buffer: svg });
    await submit(page, 'form[action$="/dateien"]');
    expect(await page.locator(".error-summary").textContent()).toContain("SVG-Dateien werden nicht angenommen");
    await expectNoViolations(page, "media kit, refused upload");

    await submit(page, 'form[action$="/erzeugen"]');
    expect(await page.locator(".media-kit-file").count()).toBe(2);
    await page.fill("#field-usageDe", "Bitte nur unverändert verwenden.");
    await submit(page, 'form[action$="/hinweise"]');
    await expectNoViolations(page, "media kit with files");

    const visitor = await (await browser.newContext()).newPage();
    const requests = recordRequests(visitor);
    for (const path of ["/presse/medienpaket", "/presse/medienpaket?lang=en"]) {
      expect((await visitor.goto(`${server.origin}${path}`))?.status(), path).toBe(200);
      await expectNoViolations(visitor, path);
    }
    expect(requests.foreign(server.origin)).toEqual([]);
    await visitor.goto(`${server.origin}/presse/medienpaket`);
    expect(await visitor.locator("tr.media-kit-file .kit-pixels").allTextContents()).toEqual(["600 × 300 px", "1200 × 630 px"]);
    const zip = await visitor.request.get(`${server.origin}/presse/medienpaket.zip`);
    expect(zip.status()).toBe(200);
    const names = [...(await unzip(Buffer.from(await zip.body()))).keys()];
    expect(names[0]).toBe("LIESMICH.txt");
    expect(names).toContain("logo-blau.png");
    expect(names).toHaveLength(3);
  });

  it("the taxonomies pages pass axe, and a field added in the browser is listed", async () => {
    const page = await logIn(browser, server.origin, editor);
    await page.goto(`${server.origin}/mein-bereich/taxonomien/technologiefelder`);
    await expectNoViolations(page, "technology fields");
    await page.fill("#field-nameDe", "Quantentechnologie");
    await page.fill("#field-nameEn", "Quantum technology");
    await submit(page, "form.organiser-form");
    expect(await page.locator('tr[data-code="quantentechnologie"]').count()).toBe(1);
    await expectNoViolations(page, "technology fields after adding");
    await page.goto(`${server.origin}/mein-bereich/taxonomien/zielgruppen?lang=en`);
    await expectNoViolations(page, "target groups (en)");
  });
});
