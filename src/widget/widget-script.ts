import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { Term } from "../taxonomies/taxonomy-queries.ts";

// public/ sits next to src/ and dist/ alike, so the path works in development and in the build.
const source = readFileSync(new URL("../../public/widget.js", import.meta.url), "utf8");
const PLACEHOLDER = "/*@formats*/ {}";
if (!source.includes(PLACEHOLDER)) throw new Error("public/widget.js lost its format-name placeholder");

export type WidgetScript = { body: string; etag: string };

/** The widget's source with the format names (German and English) filled in from the taxonomy. */
export function widgetScript(formats: readonly Term[]): WidgetScript {
  const names = Object.fromEntries(formats.map((f) => [f.code, { de: f.nameDe, en: f.nameEn }]));
  const body = source.replace(PLACEHOLDER, JSON.stringify(names));
  return { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` };
}

/** What the widget costs a page: bytes as served, and gzipped (as a compressing proxy would send it). */
export function scriptSize(body: string): { bytes: number; gzipBytes: number } {
  const buffer = Buffer.from(body, "utf8");
  return { bytes: buffer.length, gzipBytes: gzipSync(buffer, { level: 9 }).length };
}
