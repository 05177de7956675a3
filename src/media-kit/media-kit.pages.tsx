import type { FastifyInstance } from "fastify";
import { notFound } from "../lib/errors.ts";
import { pageCtxOf } from "../lib/request-ctx.ts";
import { currentEdition } from "../organiser/current-edition.ts";
import { sendPage } from "../views/render.ts";
import { loadMediaKit } from "./media-kit-queries.ts";
import { mediaKitZip } from "./media-kit-zip.ts";
import { MediaKitPage, mediaKitPath, mediaKitZipPath } from "./views/MediaKitPage.tsx";

/** The public media kit of the current edition: /presse/medienpaket (cached) and the ZIP of all its files (streamed). */
export function registerMediaKitPages(app: FastifyInstance): void {
  const db = app.database.db;
  app.get(mediaKitPath, { config: { publicCache: true } }, async (request, reply) => {
    const edition = await currentEdition(db);
    return sendPage(reply, <MediaKitPage ctx={pageCtxOf(request)} kit={edition ? await loadMediaKit(db, edition) : undefined} />);
  });

  app.get(mediaKitZipPath, async (_request, reply) => {
    const edition = await currentEdition(db);
    const kit = edition ? await loadMediaKit(db, edition) : undefined;
    if (!kit) throw notFound("No edition");
    return reply
      .type("application/zip")
      .header("content-disposition", `attachment; filename="clusterwoche-${kit.edition.year}-medienpaket.zip"`)
      .header("cache-control", "public, max-age=60")
      .send(mediaKitZip(app.storage, kit));
  });
}
