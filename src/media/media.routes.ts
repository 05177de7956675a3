import type { FastifyInstance, FastifyRequest } from "fastify";
import parseRange from "range-parser";
import { notFound } from "../lib/errors.ts";
import { type ByteRange, contentTypeOf, type StoredFile, UPLOADS } from "../storage/file-store.ts";

/** Our upload names: random hex, one of the types storeImage/storePdf/storeOriginalImage write. Anything else is 404. */
const UPLOAD_NAME = /^[a-f0-9]{32}\.(webp|jpg|png|pdf)$/;
/** Names are random and never reused, so a copy may be kept for a year without asking again. */
const CACHE_CONTROL = "public, max-age=31536000, immutable";

/** The validator @fastify/static (send) gives a file: size and modification time in hex. */
const etagOf = (file: StoredFile) => `W/"${file.size.toString(16)}-${file.modified.getTime().toString(16)}"`;

function notModified(request: FastifyRequest, file: StoredFile): boolean {
  const match = request.headers["if-none-match"];
  if (match) {
    const etag = etagOf(file);
    return match === "*" || match.split(/\s*,\s*/).some((tag) => tag === etag || `W/${tag}` === etag);
  }
  const since = Date.parse(request.headers["if-modified-since"] ?? "");
  return Number.isFinite(since) && Math.floor(file.modified.getTime() / 1000) * 1000 <= since;
}

/**
 * The one byte range a request asks for (PDF viewers and media players ask for parts), "unsatisfiable"
 * (416), or undefined for the whole file: no or a malformed Range, several ranges (allowed to be
 * answered whole, RFC 9110 §14.2), or an If-Range naming another version of the file.
 */
function requestedRange(request: FastifyRequest, file: StoredFile): ByteRange | "unsatisfiable" | undefined {
  const header = request.headers.range;
  if (header === undefined || request.method !== "GET") return undefined;
  const ifRange = request.headers["if-range"];
  if (ifRange !== undefined && ifRange !== etagOf(file) && ifRange !== file.modified.toUTCString()) return undefined;
  const ranges = parseRange(file.size, header, { combine: true });
  if (ranges === -1) return "unsatisfiable";
  if (ranges === -2 || ranges.type !== "bytes" || ranges.length !== 1) return undefined;
  return ranges[0];
}

/**
 * Serves the uploads read-only at /uploads/ from the file store (DATA_DIR or the bucket), streamed,
 * with a long cache and the ETag and Last-Modified that @fastify/static gave them before. Only our
 * own file names are reachable: no listing, no dotfiles, no other folders.
 */
export function registerMediaRoutes(app: FastifyInstance): void {
  app.get<{ Params: { name: string } }>("/uploads/:name", async (request, reply) => {
    const name = request.params.name;
    if (!UPLOAD_NAME.test(name)) throw notFound();
    const key = UPLOADS + name;
    // A revalidation asks only for the headers (a HEAD to the bucket), not the bytes.
    if (request.headers["if-none-match"] || request.headers["if-modified-since"]) {
      const file = await app.storage.stat(key);
      if (!file) throw notFound();
      if (notModified(request, file)) {
        return reply
          .status(304)
          .header("etag", etagOf(file))
          .header("last-modified", file.modified.toUTCString())
          .header("cache-control", CACHE_CONTROL)
          .send();
      }
    }
    // Only a range request asks for the size first (a HEAD to the bucket): the range depends on it.
    const whole = request.headers.range === undefined ? undefined : await app.storage.stat(key);
    const asked = whole && requestedRange(request, whole);
    if (whole && asked === "unsatisfiable") {
      return reply.status(416).header("content-range", `bytes */${whole.size}`).header("accept-ranges", "bytes").send();
    }
    const range = asked === "unsatisfiable" ? undefined : asked;
    const file = await app.storage.read(key, range);
    if (!file) throw notFound();
    if (range) reply.status(206).header("content-range", `bytes ${range.start}-${range.end}/${file.size}`);
    return reply
      .header("content-type", contentTypeOf(name))
      .header("accept-ranges", "bytes")
      .header("content-length", range ? range.end - range.start + 1 : file.size)
      .header("etag", etagOf(file))
      .header("last-modified", file.modified.toUTCString())
      .header("cache-control", CACHE_CONTROL)
      .send(file.body);
  });
}
