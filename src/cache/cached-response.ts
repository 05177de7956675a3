import { createHash } from "node:crypto";
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { type CompressedEncoding, negotiateEncoding } from "./content-encoding.ts";
import type { DataVersion } from "./data-version-watch.ts";
import type { CachedResponse, CachedVariant } from "./response-store.ts";

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

export type Validators = {
  /** The Last-Modified header's time. */
  header: number;
  /** What If-Modified-Since is compared with; undefined: only ETags are answered with 304. */
  since: number | undefined;
};

/**
 * Last-Modified from the data version's time in whole seconds. data_version keeps versions at
 * least a second apart, so the date moves with every change, but after several writes within one
 * second it lies ahead of the clock for a moment: the header is then capped at now (RFC 9110
 * §8.8.2.1) and If-Modified-Since is not answered from that capped date (ETags still are).
 */
export function lastModifiedOf(version: DataVersion, now: number): Validators {
  const header = Math.floor(Math.min(version.changedAt, now) / 1000) * 1000;
  return { header, since: version.changedAt > now ? undefined : header };
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

/** The ETag of a compressed representation: a different one per coding (RFC 9110 §8.8.3), `"x"` → `"x-br"`. */
export const encodedEtag = (etag: string, encoding: CompressedEncoding) => `${etag.slice(0, -1)}-${encoding}"`;

function variantOf(headers: OutgoingHttpHeaders, body: Buffer, etag: string, validators: Validators): CachedVariant {
  const all: OutgoingHttpHeaders = { ...headers, etag, "content-length": body.length, "x-cache": "hit" };
  const notModifiedHeaders: OutgoingHttpHeaders = { etag, "last-modified": httpDate(validators.header), "x-cache": "hit" };
  for (const name of repeatedOn304) if (all[name] !== undefined) notModifiedHeaders[name] = all[name];
  return { body, etag, headers: all, notModifiedHeaders };
}

/**
 * The response as it will be replayed: the miss's headers (security headers included), fixed once,
 * with its compressed variants (`encoded`), each with its own Content-Encoding, length and ETag.
 */
export function buildEntry(
  replyHeaders: Record<string, number | string | string[] | undefined>,
  body: Buffer,
  etag: string,
  validators: Validators,
  expiresAt: number,
  encodedBodies: Partial<Record<CompressedEncoding, Buffer>> = {},
): CachedResponse {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(replyHeaders)) {
    const lower = name.toLowerCase();
    if (value !== undefined && !notReplayed.has(lower) && lower !== "content-encoding") headers[lower] = value;
  }
  const encoded: CachedResponse["encoded"] = {};
  for (const [encoding, bytes] of Object.entries(encodedBodies) as [CompressedEncoding, Buffer][]) {
    encoded[encoding] = variantOf({ ...headers, "content-encoding": encoding }, bytes, encodedEtag(etag, encoding), validators);
  }
  return { ...variantOf(headers, body, etag, validators), lastModified: validators.since, expiresAt, encoded };
}

/** The representation a request gets: the compressed one its Accept-Encoding prefers, if kept, else identity. */
export function variantFor(headers: IncomingHttpHeaders, entry: CachedResponse): CachedVariant {
  const encoding = negotiateEncoding(headers["accept-encoding"]);
  return (encoding !== "identity" && entry.encoded[encoding]) || entry;
}

/**
 * Writes a cached response, or its 304 when the request's validators match; `stale`: an entry of an
 * older data version served while its new render runs (`x-cache: stale`).
 */
export function writeCached(req: IncomingMessage, res: ServerResponse, entry: CachedResponse, stale = false): void {
  const variant = variantFor(req.headers, entry);
  if (notModified(req.headers, variant.etag, entry.lastModified)) {
    res.writeHead(304, stale ? { ...variant.notModifiedHeaders, "x-cache": "stale" } : variant.notModifiedHeaders);
    res.end();
  } else {
    res.writeHead(200, stale ? { ...variant.headers, "x-cache": "stale" } : variant.headers);
    if (req.method === "HEAD") res.end();
    else res.end(variant.body);
  }
}
