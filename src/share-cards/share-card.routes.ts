import type { FastifyInstance } from "fastify";
import { eventIdFromParam } from "../events/event-path.ts";
import { notFound } from "../lib/errors.ts";
import { langOf } from "../lib/language.ts";
import { getShareCard } from "./get-share-card.ts";

const LONG = "public, max-age=31536000, immutable";
const REVALIDATE = "public, max-age=0, must-revalidate";

/** The share image (Open Graph card) of a public event; the event page links it in og:image. */
export function registerShareCardRoutes(app: FastifyInstance): void {
  app.get<{ Params: { param: string }; Querystring: { v?: string } }>(
    "/veranstaltungen/:param/teilen.png",
    { config: { publicCache: true } },
    async (request, reply) => {
      const id = eventIdFromParam(request.params.param);
      const ctx = { db: app.database.db, store: app.storage };
      const card = id === undefined ? undefined : await getShareCard({ ctx, input: { id, lang: langOf(request.query) } });
      if (!card) throw notFound("Event not found");
      // The hash is of what the card shows: a changed title is a new ETag and a new `v` in og:image,
      // so the versioned URL never changes its bytes and may be kept for long; any other is revalidated.
      const etag = `"sc-${card.hash}"`;
      reply.header("etag", etag).header("cache-control", request.query.v === card.hash ? LONG : REVALIDATE);
      if (request.headers["if-none-match"]?.split(/\s*,\s*/).includes(etag)) return reply.status(304).send();
      return reply.type("image/png").send(card.png);
    },
  );
}
