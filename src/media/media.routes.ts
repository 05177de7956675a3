import type { FastifyInstance, FastifyRequest } from "fastify";
import { notFound } from "../lib/errors.ts";
import { contentTypeOf, type StoredFile, UPLOADS } from "../storage/file-store.ts";

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
    const file = await app.storage.read(key);
    if (!file) throw notFound();
    return reply
      .header("content-type", contentTypeOf(name))
      .header("content-length", file.size)
      .header("etag", etagOf(file))
      .header("last-modified", file.modified.toUTCString())
      .header("cache-control", CACHE_CONTROL)
      .send(file.body);
  });
}
