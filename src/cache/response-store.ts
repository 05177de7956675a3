import type { OutgoingHttpHeaders } from "node:http";
import type { CompressedEncoding } from "./content-encoding.ts";

/** One representation of a response: its bytes and the headers that go with them. */
export type CachedVariant = {
  body: Buffer;
  etag: string;
  /** Every header of the 200 (content-length, etag, the app's security headers…). */
  headers: OutgoingHttpHeaders;
  /** The headers a 304 repeats (RFC 9110 §15.4.5). */
  notModifiedHeaders: OutgoingHttpHeaders;
};

/** A rendered public response, ready to be written as it is. */
export type CachedResponse = CachedVariant & {
  /** Compared with If-Modified-Since (whole seconds); undefined when only the ETag may give a 304. */
  lastModified: number | undefined;
  /** After this (ms) the entry is rendered again even without a data change (pages that show "next" events). */
  expiresAt: number;
  /** The same response in Brotli and gzip, compressed once when stored; empty for what is not compressed. */
  encoded: Partial<Record<CompressedEncoding, CachedVariant>>;
};

export type StoreLimits = { maxEntries: number; maxBytes: number };

/**
 * A bounded LRU of responses by cache key. A Map keeps insertion order, so re-inserting on a hit
 * moves the entry to the young end and the oldest key is the first one.
 */
export class ResponseStore<T extends CachedResponse = CachedResponse> {
  private readonly entries = new Map<string, T>();
  private bytes = 0;

  constructor(private readonly limits: StoreLimits) {}

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: T): void {
    const size = sizeOf(key, entry);
    if (size > this.limits.maxBytes) return;
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += size;
    while (this.entries.size > this.limits.maxEntries || this.bytes > this.limits.maxBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get byteSize(): number {
    return this.bytes;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.bytes -= sizeOf(key, entry);
  }
}

// Headers are a few hundred bytes; counting the bodies and key is what matters for the bound.
const sizeOf = (key: string, entry: CachedResponse) =>
  entry.body.length + (entry.encoded.br?.body.length ?? 0) + (entry.encoded.gzip?.body.length ?? 0) + key.length * 2 + 1024;
