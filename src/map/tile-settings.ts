/** The operator's tile server (MAP_TILE_URL, MAP_TILE_ATTRIBUTION): only then the map page loads tiles. */
export type TileSettings = { url: string; attribution: string | undefined };

/** True for an http(s) URL template with {z}, {x} and {y}, as Leaflet's tileLayer takes it. */
export function isTileUrlTemplate(value: string): boolean {
  if (!/^https?:\/\/[^/?#\s]+\//.test(value)) return false;
  if (!["{z}", "{x}", "{y}"].every((p) => value.includes(p))) return false;
  try {
    new URL(value.replace(/\{[a-z]+\}/g, "a"));
    return true;
  } catch {
    return false;
  }
}

/**
 * The CSP source for the tile server: its origin, with a `{s}` subdomain placeholder turned into a
 * wildcard ("https://{s}.tiles.example.org/…" → "https://*.tiles.example.org").
 */
export function tileOrigin(template: string): string {
  const match = /^(https?:)\/\/([^/?#]+)/.exec(template);
  if (!match) throw new Error(`not a tile URL template: ${template}`);
  const [, protocol, host = ""] = match;
  return `${protocol}//${host.replace(/\{s\}/g, "*").replace(/\{[a-z]+\}/g, "*")}`;
}

/** The host named to readers ("tiles.example.org"), without placeholders. */
export function tileHost(template: string): string {
  return tileOrigin(template)
    .replace(/^https?:\/\//, "")
    .replace(/^\*\./, "");
}

/** The CSP with the tile server added to img-src (only the map page sends it). */
export function widenImgSrc(csp: string, origin: string): string {
  if (/(^|;)\s*img-src\s/.test(csp)) return csp.replace(/((?:^|;)\s*img-src\s[^;]*)/, `$1 ${origin}`);
  return `${csp}${csp && !csp.trim().endsWith(";") ? ";" : ""}img-src 'self' data: ${origin}`;
}
