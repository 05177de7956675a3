import { promisify } from "node:util";
import zlib from "node:zlib";

/** The content codings the app sends, in order of preference. */
export type Encoding = "br" | "gzip" | "identity";
export type CompressedEncoding = Exclude<Encoding, "identity">;
export const COMPRESSED_ENCODINGS: readonly CompressedEncoding[] = ["br", "gzip"];

/** Bodies smaller than this go out as they are: the coding's overhead would eat the saving. */
export const COMPRESS_THRESHOLD = 1024;

/**
 * Brotli quality 5 and gzip level 6: within a few per cent of the smallest output at a fraction of
 * the time (quality 11 takes ≈ 20× longer on a 130 kB page); @fastify/compress uses the same.
 */
export const BROTLI_OPTIONS: zlib.BrotliOptions = {
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT },
};
export const GZIP_OPTIONS: zlib.ZlibOptions = { level: 6 };

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Compresses in libuv's thread pool, so a large feed does not hold up the event loop. */
export function compressBody(body: Buffer, encoding: CompressedEncoding): Promise<Buffer> {
  return encoding === "br" ? brotli(body, BROTLI_OPTIONS) : gzip(body, GZIP_OPTIONS);
}

const compressibleType = /^(?:text\/|image\/svg\+xml|application\/(?:json|javascript|xml|[\w.-]+\+(?:json|xml)))/i;

/** Text-like media types (HTML, CSS, JS, JSON, XML, feeds, iCalendar, CSV, SVG); not images or XLSX (already zipped). */
export function isCompressible(contentType: unknown): boolean {
  return typeof contentType === "string" && compressibleType.test(contentType);
}

/**
 * The coding to send for an Accept-Encoding header (RFC 9110 §12.5.3): the highest q among br and
 * gzip, br on a tie; identity when neither is acceptable or the header is missing.
 */
export function negotiateEncoding(header: string | string[] | undefined): Encoding {
  if (header === undefined) return "identity";
  if (typeof header !== "string") return parseAndChoose(header.join(","));
  // Clients send a handful of distinct headers: the hit path looks the answer up instead of parsing.
  let encoding = negotiated.get(header);
  if (encoding === undefined) {
    encoding = parseAndChoose(header);
    if (negotiated.size >= 256) negotiated.clear();
    negotiated.set(header, encoding);
  }
  return encoding;
}

const negotiated = new Map<string, Encoding>();

function parseAndChoose(header: string): Encoding {
  const q: Record<string, number> = {};
  for (const part of header.split(",")) {
    const [token = "", ...params] = part.trim().toLowerCase().split(";");
    if (!token) continue;
    const weight = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    q[token === "x-gzip" ? "gzip" : token] = weight === undefined ? 1 : Number(weight);
  }
  const weightOf = (coding: CompressedEncoding) => q[coding] ?? q["*"] ?? 0;
  const [best] = [...COMPRESSED_ENCODINGS].sort((a, b) => weightOf(b) - weightOf(a));
  return best && weightOf(best) > 0 ? best : "identity";
}

/** Adds Accept-Encoding to a Vary header value, keeping what is there. */
export function withVaryAcceptEncoding(vary: unknown): string {
  const current = Array.isArray(vary) ? vary.join(", ") : typeof vary === "string" ? vary : "";
  if (/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(current)) return current;
  return current ? `${current}, Accept-Encoding` : "Accept-Encoding";
}
