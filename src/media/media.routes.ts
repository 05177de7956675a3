import fs from "node:fs";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { uploadsDir } from "./store-image.ts";

/**
 * Serves DATA_DIR/uploads read-only at /uploads/ with a long cache (file names are random and never
 * reused). Nothing outside that folder is reachable: no listing, no dotfiles, no index files.
 */
export async function registerMediaRoutes(app: FastifyInstance): Promise<void> {
  const root = uploadsDir(app.config.dataDir);
  fs.mkdirSync(root, { recursive: true });
  await app.register(fastifyStatic, {
    root,
    prefix: "/uploads/",
    decorateReply: false,
    index: false,
    list: false,
    dotfiles: "deny",
    maxAge: "365d",
    immutable: true,
    allowedPath: (pathName) => /^\/[a-f0-9]{32}\.(webp|jpg|pdf)$/.test(pathName),
  });
}
