import { Script } from "node:vm";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: "GET", url, headers });

describe("GET /widget.js", () => {
  it("serves the custom element as JavaScript that any origin may load and cache for an hour, without cookies", async () => {
    const res = await get("/widget.js");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    expect(res.headers["cross-origin-resource-policy"]).toBe("cross-origin");
    expect(res.headers["cache-control"]).toMatch(/^public, max-age=3600\b/);
    expect(res.headers["set-cookie"]).toBeUndefined();
    expect(res.body).toContain('customElements.define("clusterwoche-events"');
    expect(res.body).toContain('credentials: "omit"');
    // Valid script (not a module: it reads document.currentScript).
    expect(() => new Script(res.body)).not.toThrow();
  });

  it("carries the format names in both languages from the taxonomy", async () => {
    const body = (await get("/widget.js")).body;
    expect(body).not.toContain("/*@formats*/");
    const match = /const FORMAT_NAMES = (\{.*?\});/.exec(body);
    const names = JSON.parse(match?.[1] ?? "{}") as Record<string, { de: string; en: string }>;
    expect(names.workshop).toEqual({ de: "Workshop", en: "Workshop" });
    expect(Object.keys(names).length).toBeGreaterThanOrEqual(10);
  });

  it("answers 304 to a matching If-None-Match", async () => {
    const first = await get("/widget.js");
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get("/widget.js", { "if-none-match": etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
  });

  it("stays small", async () => {
    const body = (await get("/widget.js")).body;
    expect(Buffer.byteLength(body)).toBeLessThan(16_000);
    expect(gzipSync(body).length).toBeLessThan(5_000);
  });
});

describe("GET /embed", () => {
  it("offers the filters in a GET form and the snippets of both variants with absolute URLs", async () => {
    const res = await get("/embed?state=BW&format=workshop&limit=5");
    expect(res.statusCode).toBe(200);
    const doc = parseHtml(res.body);
    expect(doc.querySelector("h1")?.textContent).toBe("Programm einbinden");
    const form = doc.querySelector("form.embed-form");
    expect(form?.getAttribute("method")).toBe("get");
    for (const name of ["state", "format", "topic", "mode", "limit", "widgetLang"]) {
      const field = form?.querySelector(`[name="${name}"]`);
      expect(field, name).not.toBeNull();
      expect(doc.querySelector(`label[for="${field?.id}"]`), `label of ${name}`).not.toBeNull();
    }
    expect((form?.querySelector('[name="state"] option[selected]') as HTMLOptionElement | null)?.value).toBe("BW");

    const script = doc.querySelector("#snippet-script")?.textContent ?? "";
    expect(script).toContain('<script src="http://localhost:3000/widget.js" async></script>');
    expect(script).toContain('<clusterwoche-events state="BW" format="workshop" limit="5">');
    expect(script).toContain('href="http://localhost:3000/programm?state=BW&amp;format=workshop"');
    const iframe = doc.querySelector("#snippet-iframe")?.textContent ?? "";
    expect(iframe).toContain('src="http://localhost:3000/embed/events?state=BW&amp;format=workshop&amp;limit=5"');
    expect(iframe).toContain('title="Veranstaltungen der Clusterwoche"');
  });

  it("states the script's real size, raw and gzipped", async () => {
    const body = (await get("/widget.js")).body;
    const bytes = Buffer.byteLength(body);
    const gzipBytes = gzipSync(Buffer.from(body), { level: 9 }).length;
    const doc = parseHtml((await get("/embed")).body);
    const de = new Intl.NumberFormat("de-DE");
    expect(doc.querySelector(".embed-size")?.textContent).toBe(
      `Größe des Scripts: ${de.format(bytes)} Bytes, gzip-komprimiert ${de.format(gzipBytes)} Bytes. Es braucht keine weiteren Dateien.`,
    );
  });

  it("documents the attributes and the CSS custom properties", async () => {
    const doc = parseHtml((await get("/embed")).body);
    const names = [...doc.querySelectorAll(".embed-table th[scope=row] code")].map((c) => c.textContent);
    expect(names).toEqual(expect.arrayContaining(["state", "limit", "lang", "heading-level", "--cw-font", "--cw-color", "--cw-accent"]));
    expect(names).toEqual(expect.arrayContaining(["--cw-background", "--cw-border"]));
  });

  it("shows live previews of both variants from our own origin", async () => {
    const doc = parseHtml((await get("/embed?state=BW&limit=3&widgetLang=en")).body);
    const element = doc.querySelector("clusterwoche-events");
    expect(element?.getAttribute("state")).toBe("BW");
    expect(element?.getAttribute("limit")).toBe("3");
    expect(element?.getAttribute("lang")).toBe("en");
    expect(doc.querySelector('script[src="/widget.js"]')).not.toBeNull();
    const frame = doc.querySelector("iframe.embed-preview-frame");
    expect(frame?.getAttribute("src")).toBe("/embed/events?state=BW&limit=3&lang=en");
    expect(frame?.getAttribute("title")).toBeTruthy();
  });

  it("is in English with lang=en, keeping the language in the form", async () => {
    const doc = parseHtml((await get("/embed?lang=en")).body);
    expect(doc.documentElement.getAttribute("lang")).toBe("en");
    expect(doc.querySelector("h1")?.textContent).toBe("Embed the programme");
    expect(doc.querySelector('form.embed-form input[name="lang"]')?.getAttribute("value")).toBe("en");
    // The embedded programme's language follows the page's unless chosen.
    expect(doc.querySelector("#snippet-script")?.textContent).toContain('lang="en"');
  });

  it("lists unknown form values instead of failing", async () => {
    const res = await get("/embed?state=XX&limit=viele&mode=zoom");
    expect(res.statusCode).toBe(200);
    const doc = parseHtml(res.body);
    const notice = doc.querySelector(".notice")?.textContent ?? "";
    expect(notice).toContain("state=XX");
    expect(notice).toContain("limit=viele");
    expect(notice).toContain("mode=zoom");
    expect(doc.querySelector("#snippet-script")?.textContent).toContain("<clusterwoche-events>");
  });

  it("is linked from the footer of every page", async () => {
    const de = parseHtml((await get("/")).body);
    expect(de.querySelector('.site-footer a[href="/embed"]')?.textContent).toBe("Programm einbinden");
    const en = parseHtml((await get("/programm?lang=en")).body);
    expect(en.querySelector('.site-footer a[href="/embed?lang=en"]')?.textContent).toBe("Embed the programme");
  });
});
