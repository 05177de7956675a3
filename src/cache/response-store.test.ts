import { describe, expect, it } from "vitest";
import { cacheKeyOf } from "./cache-key.ts";
import { buildEntry, lastModifiedOf, notModified } from "./cached-response.ts";
import { ResponseStore } from "./response-store.ts";

const entry = (bytes: number) =>
  buildEntry({ "content-type": "text/plain" }, Buffer.alloc(bytes), '"e"', { header: 0, since: 0 }, Number.POSITIVE_INFINITY);

describe("cacheKeyOf", () => {
  it("sorts parameters, drops empty ones and keeps the path as received", () => {
    expect(cacheKeyOf("/programm")).toBe("/programm");
    expect(cacheKeyOf("/programm?")).toBe("/programm");
    expect(cacheKeyOf("/programm?q=&day=")).toBe("/programm");
    expect(cacheKeyOf("/programm?state=BW&format=workshop&q=")).toBe("/programm?format=workshop&state=BW");
    expect(cacheKeyOf("/programm?state=BY&state=BW")).toBe(cacheKeyOf("/programm?state=BW&state=BY"));
    expect(cacheKeyOf("/programm?q=Leichtbau+Luftfahrt")).toBe(cacheKeyOf("/programm?q=Leichtbau%20Luftfahrt"));
    expect(cacheKeyOf("/programm?lang=en")).not.toBe(cacheKeyOf("/programm"));
    expect(cacheKeyOf("/programm/agenda?state=BW")).not.toBe(cacheKeyOf("/programm?state=BW"));
  });
});

describe("ResponseStore", () => {
  it("evicts the least recently used entry beyond the entry limit", () => {
    const store = new ResponseStore({ maxEntries: 2, maxBytes: 1e9 });
    store.set("a", entry(1));
    store.set("b", entry(1));
    store.get("a");
    store.set("c", entry(1));
    expect([store.get("a"), store.get("b"), store.get("c")].map(Boolean)).toEqual([true, false, true]);
    expect(store.size).toBe(2);
  });

  it("keeps its bytes under the byte limit and refuses an entry larger than all of it", () => {
    const store = new ResponseStore({ maxEntries: 100, maxBytes: 10_000 });
    for (let i = 0; i < 10; i++) store.set(`k${i}`, entry(3000));
    expect(store.byteSize).toBeLessThanOrEqual(10_000);
    expect(store.size).toBe(2);
    expect(store.get("k9")).toBeDefined();
    store.set("huge", entry(20_000));
    expect(store.get("huge")).toBeUndefined();
    store.set("k9", entry(10));
    store.clear();
    expect([store.size, store.byteSize]).toEqual([0, 0]);
  });
});

describe("notModified", () => {
  const at = Date.UTC(2026, 3, 2, 10, 0, 0);
  it("compares tags (weakly, in lists, *) and lets If-None-Match decide over If-Modified-Since", () => {
    expect(notModified({ "if-none-match": '"a"' }, '"a"', at)).toBe(true);
    expect(notModified({ "if-none-match": 'W/"a"' }, '"a"', at)).toBe(true);
    expect(notModified({ "if-none-match": '"x", "a"' }, '"a"', at)).toBe(true);
    expect(notModified({ "if-none-match": "*" }, '"a"', at)).toBe(true);
    expect(notModified({ "if-none-match": '"b"', "if-modified-since": new Date(at).toUTCString() }, '"a"', at)).toBe(false);
  });
  it("answers If-Modified-Since by whole seconds and ignores bad dates", () => {
    expect(notModified({ "if-modified-since": new Date(at).toUTCString() }, '"a"', at)).toBe(true);
    expect(notModified({ "if-modified-since": new Date(at - 1000).toUTCString() }, '"a"', at)).toBe(false);
    expect(notModified({ "if-modified-since": "yesterday" }, '"a"', at)).toBe(false);
    expect(notModified({}, '"a"', at)).toBe(false);
  });
});

describe("lastModifiedOf", () => {
  it("caps a date ahead of the clock and then leaves If-Modified-Since out", () => {
    const now = Date.UTC(2026, 3, 2, 10, 0, 0, 500);
    expect(lastModifiedOf({ version: 1, changedAt: now - 60_000 }, now)).toEqual({ header: now - 60_500, since: now - 60_500 });
    expect(lastModifiedOf({ version: 2, changedAt: now + 2000 }, now)).toEqual({ header: now - 500, since: undefined });
  });
});
