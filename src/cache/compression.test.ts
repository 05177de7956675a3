import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { publicCacheCompressions } from "../metrics/metrics.ts";
import { hashAssets, hashedNameOf } from "../views/assets.ts";
import { negotiateEncoding } from "./content-encoding.ts";

// The whole app with the cache on, as in production; a second one with it off.
let t: TestApp;
let uncached: TestApp;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_CACHE: "on" });
  uncached = await createTestApp({}, t.database);
});
afterAll(async () => {
  await uncached?.close();
  await t?.close();
});

const get = (url: string, headers: Record<string, string> = {}, app = t.app) => app.inject({ method: "GET", url, headers });
const decode = { br: zlib.brotliDecompressSync, gzip: zlib.gunzipSync } as const;
const compressions = async () =>
  Object.fromEntries((await publicCacheCompressions.get()).values.map((v) => [String(v.labels.encoding), v.value]));

describe.each([
  ["a page", "/programm?state=BW"],
  ["an API read", "/api/v1/events?pageSize=20"],
  ["the ICS feed", "/feeds/events.ics?state=BY"],
  ["an RSS feed", "/feeds/events.rss"],
  ["a CSV export", "/export/events.csv?state=NW"],
])("%s from the public cache", (_name, url) => {
  it("comes in Brotli and gzip that decode to the identical body, each with its own ETag, Vary on all", async () => {
    const plain = await get(url);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
    const tags = new Set([plain.headers.etag]);
    for (const encoding of ["br", "gzip"] as const) {
      const response = await get(url, { "accept-encoding": encoding === "br" ? "gzip, deflate, br" : "gzip" });
      expect(response.headers["content-encoding"], encoding).toBe(encoding);
      expect(response.headers.vary).toMatch(/Accept-Encoding/i);
      expect(Number(response.headers["content-length"])).toBe(response.rawPayload.length);
      expect(response.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
      expect(decode[encoding](response.rawPayload).equals(plain.rawPayload), encoding).toBe(true);
      tags.add(response.headers.etag);
    }
    expect(tags.size).toBe(3);
  });

  it("serves hits the stored variant without compressing again, and 304 for its own ETag", async () => {
    const first = await get(url, { "accept-encoding": "br" });
    const counted = await compressions();
    for (let i = 0; i < 5; i++) {
      for (const encoding of ["br", "gzip"] as const) {
        const hit = await get(url, { "accept-encoding": encoding });
        expect(hit.headers["x-cache"]).toBe("hit");
        expect(hit.headers["content-encoding"]).toBe(encoding);
        if (encoding === "br") expect(hit.rawPayload.equals(first.rawPayload)).toBe(true);
      }
    }
    expect(await compressions()).toEqual(counted);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/-br"$/);
    const notModified = await get(url, { "accept-encoding": "br", "if-none-match": etag });
    expect([notModified.statusCode, notModified.headers.etag, notModified.headers["x-cache"]]).toEqual([304, etag, "hit"]);
    expect(notModified.headers.vary).toMatch(/Accept-Encoding/i);
    // The identity tag does not stand for the Brotli bytes, nor the other way round.
    const plainTag = etag.replace(/-br"$/, '"');
    expect((await get(url, { "accept-encoding": "br", "if-none-match": plainTag })).statusCode).toBe(200);
    expect((await get(url, { "if-none-match": plainTag })).statusCode).toBe(304);
    expect((await get(url, { "if-none-match": etag })).statusCode).toBe(200);
    const head = await t.app.inject({ method: "HEAD", url, headers: { "accept-encoding": "br" } });
    expect([head.statusCode, head.headers["content-encoding"], head.headers["content-length"], head.body]).toEqual([
      200,
      "br",
      String(first.rawPayload.length),
      "",
    ]);
  });
});

describe("compression", () => {
  it("compresses a kept entry once per coding, on its miss, whatever the client asked for", async () => {
    const url = `/programm?q=Kunststoff${Date.now()}`;
    const before = await compressions();
    const miss = await get(url);
    expect(miss.headers["x-cache"]).toBe("miss");
    const after = await compressions();
    expect([after.br, after.gzip]).toEqual([(before.br ?? 0) + 1, (before.gzip ?? 0) + 1]);
    const hit = await get(url, { "accept-encoding": "gzip" });
    expect([hit.headers["x-cache"], hit.headers["content-encoding"]]).toEqual(["hit", "gzip"]);
    expect(zlib.gunzipSync(hit.rawPayload).equals(miss.rawPayload)).toBe(true);
    expect(await compressions()).toEqual(after);
  });

  it("compresses responses the cache does not keep: with the cache off, pages that load the session, a flagged route's 404", async () => {
    for (const [app, url, status] of [
      [uncached.app, "/programm", 200],
      [t.app, "/anmelden", 200],
      [t.app, "/veranstaltungen/999999999-gibt-es-nicht", 404],
      [t.app, "/api/v1/events/999999999", 404],
    ] as const) {
      const plain = await get(url, {}, app);
      const br = await get(url, { "accept-encoding": "br" }, app);
      expect(br.statusCode, url).toBe(status);
      if (plain.rawPayload.length < 1024) continue;
      expect(br.headers["content-encoding"], url).toBe("br");
      expect(br.headers.vary, url).toMatch(/accept-encoding/i);
      // Session pages carry a fresh CSRF token: compare the frame, not the bytes.
      const text = zlib.brotliDecompressSync(br.rawPayload).toString("utf8");
      expect(text.length, url).toBeGreaterThan(plain.body.length * 0.9);
      if (url !== "/anmelden") expect(text, url).toBe(plain.body);
    }
  });

  it("compresses the 404 page of an unknown path (no route) in Brotli and gzip, Vary on all", async () => {
    for (const url of ["/gibt-es-nicht", "/en/nothing/here?x=1"]) {
      const plain = await get(url);
      expect(plain.statusCode, url).toBe(404);
      expect(plain.headers["content-type"], url).toMatch(/^text\/html/);
      expect(plain.headers["content-encoding"], url).toBeUndefined();
      expect(plain.headers.vary, url).toMatch(/accept-encoding/i);
      expect(plain.rawPayload.length, url).toBeGreaterThan(1024);
      for (const encoding of ["br", "gzip"] as const) {
        const response = await get(url, { "accept-encoding": encoding === "br" ? "br, gzip" : "gzip" });
        expect([response.statusCode, response.headers["content-encoding"]], url).toEqual([404, encoding]);
        expect(response.headers.vary, url).toMatch(/accept-encoding/i);
        expect(Number(response.headers["content-length"])).toBe(response.rawPayload.length);
        expect(response.rawPayload.length, url).toBeLessThan(plain.rawPayload.length / 2);
        expect(decode[encoding](response.rawPayload).toString("utf8"), url).toBe(plain.body);
      }
    }
  });

  it("leaves images and small bodies alone", async () => {
    const tiny = await get("/healthz", { "accept-encoding": "br" });
    expect(tiny.headers["content-encoding"]).toBeUndefined();
    const share = (await get("/veranstaltungen/1")).body.match(/\/veranstaltungen\/\d+\/teilen\.png\?v=\w+/)?.[0];
    if (share) expect((await get(share, { "accept-encoding": "br" })).headers["content-encoding"]).toBeUndefined();
  });

  it("picks Brotli, then gzip, by q-value; identity when neither is acceptable", () => {
    expect(negotiateEncoding(undefined)).toBe("identity");
    expect(negotiateEncoding("gzip, deflate, br")).toBe("br");
    expect(negotiateEncoding("gzip")).toBe("gzip");
    expect(negotiateEncoding("br;q=0.5, gzip")).toBe("gzip");
    expect(negotiateEncoding("br;q=0, gzip;q=0")).toBe("identity");
    expect(negotiateEncoding("*")).toBe("br");
    expect(negotiateEncoding("*;q=0.1, gzip;q=0.5")).toBe("gzip");
    expect(negotiateEncoding("x-gzip")).toBe("gzip");
    expect(negotiateEncoding("identity, deflate")).toBe("identity");
    expect(negotiateEncoding("BR")).toBe("br");
    expect(negotiateEncoding(";;,,q=1")).toBe("identity");
  });
});

describe("static assets", () => {
  it("are linked by content-hashed name and served immutable for a year; the plain name for a day", async () => {
    const doc = parseHtml((await get("/")).body);
    const css = doc.querySelector('link[rel="stylesheet"]')?.getAttribute("href") ?? "";
    expect(css).toMatch(/^\/static\/site\.[0-9a-f]{10}\.css$/);
    expect(doc.querySelector(".brand img")?.getAttribute("src")).toMatch(/^\/static\/logo\.[0-9a-f]{10}\.svg$/);
    const hashed = await get(css, { "accept-encoding": "br" });
    expect(hashed.statusCode).toBe(200);
    expect(hashed.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(hashed.headers["content-type"]).toMatch(/^text\/css/);
    expect(hashed.headers["content-encoding"]).toBe("br");
    const plain = await get("/static/site.css");
    expect(plain.headers["cache-control"]).toBe("public, max-age=86400");
    expect(zlib.brotliDecompressSync(hashed.rawPayload).equals(plain.rawPayload)).toBe(true);
    expect(plain.rawPayload.equals(fs.readFileSync(new URL("../../public/site.css", import.meta.url)))).toBe(true);
    // Revalidation of the plain name still works.
    const etag = String(plain.headers.etag);
    expect((await get("/static/site.css", { "if-none-match": etag })).statusCode).toBe(304);
    expect((await get(css.replace(/\.[0-9a-f]{10}\./, ".0000000000."))).statusCode).toBe(404);
    const head = await t.app.inject({ method: "HEAD", url: css });
    expect([head.statusCode, head.body]).toEqual([200, ""]);
  });

  it("get a new name when their content changes, and the same name for the same content", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cw-assets-"));
    try {
      fs.writeFileSync(path.join(dir, "site.css"), "body { color: #000 }");
      const before = hashAssets(dir).get("site.css");
      expect(before?.hashedName).toMatch(/^site\.[0-9a-f]{10}\.css$/);
      expect(hashAssets(dir).get("site.css")).toEqual(before);
      fs.writeFileSync(path.join(dir, "site.css"), "body { color: #111 }");
      const after = hashAssets(dir).get("site.css");
      expect(after?.hashedName).not.toBe(before?.hashedName);
      expect(hashedNameOf("a.b.js", Buffer.from("x")).hashedName).toMatch(/^a\.b\.[0-9a-f]{10}\.js$/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
