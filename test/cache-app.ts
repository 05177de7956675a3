import Fastify, { type FastifyInstance } from "fastify";
import { loadConfig } from "../src/config.ts";
import type { Database } from "../src/db/client.ts";
import { type PublicCacheOptions, registerPublicCache } from "../src/lib/public-cache.ts";

/** Route options that put a route under the public cache. */
export const flagged = { config: { publicCache: true } };

/**
 * A bare Fastify app with only the public cache in front (the config and database it reads), for
 * the cache's own tests: add routes, then `ready()`.
 */
export function cacheOnlyApp(database: Database, options: Partial<PublicCacheOptions>): FastifyInstance {
  const app = Fastify();
  app.decorate("config", loadConfig({ LOG_LEVEL: "silent", PUBLIC_CACHE: "on" }));
  app.decorate("database", database);
  registerPublicCache(app, options);
  return app;
}
