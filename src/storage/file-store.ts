import type { Readable } from "node:stream";

/** One stored object: its key (a relative path such as "uploads/ab12….webp"), size and last change. */
export type StoredFile = { key: string; size: number; modified: Date };

/** An object's bytes as a stream, with what a response needs to describe it (size: the whole object's). */
export type FileBody = StoredFile & { body: Readable };

/** Bytes `start` to `end` of an object, both included (an HTTP byte range, RFC 9110 §14.1.2). */
export type ByteRange = { start: number; end: number };

/**
 * Where uploads (and caches every instance shares, such as share cards) are kept: the local disk under
 * DATA_DIR by default, an S3-compatible bucket when S3_* is configured (src/config.ts). Keys are
 * relative paths with "/" between parts; the same key names the same file in either store.
 */
export interface FileStore {
  readonly kind: "local" | "s3";
  /** Writes or replaces the object; a reader sees the old bytes or the new ones, never half. */
  put(key: string, data: Buffer): Promise<void>;
  /** The object (or the range of it) as a stream, or undefined when there is none. */
  read(key: string, range?: ByteRange): Promise<FileBody | undefined>;
  /** Size and last change, or undefined when there is none. */
  stat(key: string): Promise<StoredFile | undefined>;
  /** Removes the object; nothing happens when there is none. */
  delete(key: string): Promise<void>;
  /** Every object whose key starts with `prefix`, sorted by key. */
  list(prefix: string): Promise<StoredFile[]>;
}

/** The folder (key prefix) of uploaded files, served read-only at /uploads/. */
export const UPLOADS = "uploads/";

/** "/uploads/ab.webp" (as rows keep it) → "uploads/ab.webp" (the key). */
export const keyOfPublicPath = (publicPath: string): string => publicPath.replace(/^\/+/, "");

/** "uploads/ab.webp" → "/uploads/ab.webp". */
export const publicPathOf = (key: string): string => `/${key}`;

/** A key that stays inside the store: relative, no `..`, no empty or hidden parts, plain characters. */
export function isSafeKey(key: string): boolean {
  if (key.length === 0 || key.length > 500 || key.startsWith("/") || key.includes("\\")) return false;
  return key.split("/").every((part) => part !== "" && !part.startsWith(".") && /^[\w.-]+$/.test(part));
}

export function assertSafeKey(key: string): void {
  if (!isSafeKey(key)) throw new Error(`Refusing the storage key ${JSON.stringify(key)}.`);
}

const contentTypes: Record<string, string> = {
  webp: "image/webp",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  pdf: "application/pdf",
};

/** The media type of a stored file by its extension (names are ours, so the extension is trusted). */
export const contentTypeOf = (key: string): string => contentTypes[key.split(".").pop()?.toLowerCase() ?? ""] ?? "application/octet-stream";
