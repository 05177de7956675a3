import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { assetOfHashedName, PUBLIC_DIR } from "./assets.ts";

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * public/ under /static/: by content-hashed name (assetUrl) for a year, immutable; by plain name
 * for a day (bookmarks, old pages). ETag/Last-Modified and 304 as @fastify/static gives them.
 */
export async function registerStaticAssets(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: "/static/", maxAge: "1d", immutable: false });
  app.get<{ Params: { name: string } }>("/static/:name", (request, reply) => {
    const asset = assetOfHashedName(request.params.name);
    if (asset) return reply.sendFile(asset.file, { maxAge: YEAR_MS, immutable: true });
    return reply.sendFile(request.params.name);
  });
}
