import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** public/: style sheets, scripts, logo and favicon, served under /static/. */
export const PUBLIC_DIR = new URL("../../public", import.meta.url).pathname;

/** A year, and the browser never revalidates: a changed file gets a new name. */
export const IMMUTABLE = "public, max-age=31536000, immutable";

export type Asset = { file: string; hashedName: string; hash: string };

/** "site.css" → "site.3f9a0c1d2e.css": the first 10 hex digits of the content's SHA-256. */
export function hashedNameOf(file: string, content: Buffer): Asset {
  const hash = createHash("sha256").update(content).digest("hex").slice(0, 10);
  const ext = path.extname(file);
  return { file, hash, hashedName: `${file.slice(0, file.length - ext.length)}.${hash}${ext}` };
}

/** Reads every file of a folder once and names it by its content. */
export function hashAssets(dir: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile()) assets.set(entry.name, hashedNameOf(entry.name, fs.readFileSync(path.join(dir, entry.name))));
  }
  return assets;
}

// Computed at start-up from the files themselves, so every instance of one release names them alike.
const assets = hashAssets(PUBLIC_DIR);
const byHashedName = new Map([...assets.values()].map((a) => [a.hashedName, a]));

/** The URL templates use for a file of public/: content-hashed, cached for a year. */
export function assetUrl(file: string): string {
  const asset = assets.get(file);
  if (!asset) throw new Error(`no such asset: public/${file}`);
  return `/static/${asset.hashedName}`;
}

/** The file of public/ a hashed name stands for; undefined for unknown or outdated names. */
export function assetOfHashedName(name: string): Asset | undefined {
  return byHashedName.get(name);
}
