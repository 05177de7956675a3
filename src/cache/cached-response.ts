import { createHash } from "node:crypto";
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";
import type { CachedResponse } from "./response-store.ts";

/**
 * Browsers and proxies may keep a copy but must ask before every reuse: a revalidation costs one
 * 304 from the in-process cache, and nobody sees a programme older than the instance's (≤ 2 s).
 * A max-age of even a minute would let a cancelled event show as on for that minute.
 */
export const CACHE_CONTROL = "public, max-age=0, must-revalidate";

/** A strong validator from the bytes, so every instance gives the same body the same tag. */
export function etagOf(body: Buffer): string {
  return `"${createHash("sha1").update(body).digest("base64url")}"`;
}

export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/** RFC 9110 §13.1.1–2: If-None-Match wins; If-Modified-Since only counts without it. */
export function notModified(headers: IncomingHttpHeaders, etag: string, lastModified: number | undefined): boolean {
  const tags = headers["if-none-match"];
  if (tags !== undefined) {
    if (tags === etag || tags.trim() === "*") return true;
    return tags.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
  }
  const since = headers["if-modified-since"];
  if (since === undefined || lastModified === undefined) return false;
  const time = Date.parse(since);
  return !Number.isNaN(time) && lastModified <= time;
}

// Written by Node itself per response, or owned by the cache.
const notReplayed = new Set(["content-length", "date", "connection", "keep-alive", "transfer-encoding", "x-cache", "set-cookie"]);
// What a 304 repeats of the 200 (RFC 9110 §15.4.5), besides the validators.
const repeatedOn304 = ["cache-control", "vary", "content-location", "expires"];

/** The response as it will be replayed: the miss's headers (security headers included), fixed once. */
export function buildEntry(
  replyHeaders: Record<string, number | string | string[] | undefined>,
  body: Buffer,
  etag: string,
  lastModified: number,
): CachedResponse {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(replyHeaders)) {
    if (value !== undefined && !notReplayed.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
  }
  headers["content-length"] = body.length;
  headers["x-cache"] = "hit";
  const notModifiedHeaders: OutgoingHttpHeaders = { etag, "last-modified": httpDate(lastModified), "x-cache": "hit" };
  for (const name of repeatedOn304) if (headers[name] !== undefined) notModifiedHeaders[name] = headers[name];
  return { body, etag, lastModified, headers, notModifiedHeaders };
}
