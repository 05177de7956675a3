import { Readable } from "node:stream";
import zlib from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheOnlyApp, flagged } from "../../test/cache-app.ts";
import { openTestDatabase } from "../../test/database.ts";
import type { Database } from "../db/client.ts";

// The plugin on a small app of its own with streamed routes; how often a stream was started tells
// whether an answer came from the cache, and how many chunks it had produced when it was answered.
let app: FastifyInstance;
let database: Database;
const started = new Map<string, number>();
const line = (name: string, i: number) => `${name} line ${String(i).padStart(5, "0")} ${"x".repeat(60)}\r\n`;

/** `lines` lines, each its own chunk, produced only as they are read. */
function lines(name: string, count: number): Readable {
  return Readable.from(
    (async function* () {
      started.set(name, (started.get(name) ?? 0) + 1);
      for (let i = 0; i < count; i++) yield line(name, i);
    })(),
    { objectMode: false },
  );
}
const whole = (name: string, count: number) => Array.from({ length: count }, (_, i) => line(name, i)).join("");

beforeAll(async () => {
  database = await openTestDatabase();
  app = cacheOnlyApp(database, { pollIntervalMs: 100, maxStaleMs: 400, maxEntryBytes: 64 * 1024 });
  app.get("/small", flagged, async (_request, reply) => reply.type("text/plain").send(lines("small", 200)));
  // ≈ 90 kB: above the 64 KiB entry limit of this app.
  app.get("/large", flagged, async (_request, reply) => reply.type("text/plain").send(lines("large", 1200)));
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: "GET", url, headers });

describe("streamed public responses", () => {
  it("are kept after the last byte, with an ETag from the data version, and hits equal the miss", async () => {
    const miss = await get("/small");
    expect([miss.statusCode, miss.headers["x-cache"], miss.headers["content-length"]]).toEqual([200, "miss", undefined]);
    expect(miss.body).toBe(whole("small", 200));
    expect(miss.headers.etag).toMatch(/^"v\d+-\d+-[\w-]{16}"$/);
    expect(miss.headers["cache-control"]).toBe("public, max-age=0, must-revalidate");
    expect(miss.headers.vary).toMatch(/Accept-Encoding/);
    const hit = await get("/small");
    expect([hit.headers["x-cache"], hit.headers.etag, Number(hit.headers["content-length"])]).toEqual([
      "hit",
      miss.headers.etag,
      miss.rawPayload.length,
    ]);
    expect(hit.body).toBe(miss.body);
    expect(started.get("small")).toBe(1);
    // Both codings were compressed while it streamed: hits send them without rendering again.
    for (const [encoding, decode] of [
      ["br", zlib.brotliDecompressSync],
      ["gzip", zlib.gunzipSync],
    ] as const) {
      const coded = await get("/small", { "accept-encoding": encoding });
      expect([coded.headers["x-cache"], coded.headers["content-encoding"], coded.headers.etag]).toEqual([
        "hit",
        encoding,
        String(miss.headers.etag).replace(/"$/, `-${encoding}"`),
      ]);
      expect(decode(coded.rawPayload).toString()).toBe(miss.body);
    }
    expect(started.get("small")).toBe(1);
  });

  it("answer a matching If-None-Match with 304 on a miss too, without starting the stream", async () => {
    // Too large to be kept, so every request is a miss.
    const first = await get("/large", { "accept-encoding": "br" });
    expect([first.headers["x-cache"], first.headers["content-encoding"]]).toEqual(["miss", "br"]);
    expect(zlib.brotliDecompressSync(first.rawPayload).toString()).toBe(whole("large", 1200));
    const tag = String(first.headers.etag);
    expect(tag).toMatch(/-br"$/);
    const before = started.get("large");
    const notModified = await get("/large", { "accept-encoding": "br", "if-none-match": tag });
    expect([notModified.statusCode, notModified.headers.etag, notModified.headers["x-cache"], notModified.body]).toEqual([
      304,
      tag,
      "miss",
      "",
    ]);
    // The Brotli tag does not stand for the plain bytes.
    expect((await get("/large", { "if-none-match": tag })).statusCode).toBe(200);
    expect(started.get("large")).toBe((before ?? 0) + 1);
  });

  it("are passed on whole but not kept above the entry limit", async () => {
    const before = started.get("large") ?? 0;
    const first = await get("/large");
    expect(first.body).toBe(whole("large", 1200));
    expect(first.headers["x-cache"]).toBe("miss");
    const second = await get("/large");
    expect([second.headers["x-cache"], second.body === first.body]).toEqual(["miss", true]);
    expect(started.get("large")).toBe(before + 2);
  });
});
