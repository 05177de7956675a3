import type { FastifyInstance, FastifyReply, FastifyRequest, onSendHookHandler, RouteOptions } from "fastify";
import { cacheKeyOf } from "../cache/cache-key.ts";
import { buildEntry, CACHE_CONTROL, etagOf, httpDate, notModified } from "../cache/cached-response.ts";
import { type DataVersion, DataVersionWatch } from "../cache/data-version-watch.ts";
import { ResponseStore } from "../cache/response-store.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * Marks a GET route whose response is the same for every visitor (no session, no cookies):
     * it gets ETag/Last-Modified/Cache-Control, 304s, and the in-process response cache.
     */
    publicCache?: boolean;
  }
  interface FastifyRequest {
    /** Set on GET/HEAD requests of flagged routes: where the response goes in the cache. */
    publicCache: { key: string; version: DataVersion | undefined } | null;
  }
}

export type PublicCacheOptions = {
  maxEntries: number;
  maxBytes: number;
  /** Larger responses (big exports) are served but not kept. */
  maxEntryBytes: number;
  /** How often each instance reads data_version. */
  pollIntervalMs: number;
  /** No cached answers when the last successful read started longer ago than this. */
  maxStaleMs: number;
};

const defaults: PublicCacheOptions = {
  maxEntries: 5000,
  maxBytes: 64 * 1024 * 1024,
  maxEntryBytes: 4 * 1024 * 1024,
  pollIntervalMs: 500,
  maxStaleMs: 1500,
};

/**
 * The public response cache (ARCHITECTURE.md "Caching"). Call before any other hook or route:
 * its onRequest hook must run first, so a hit is written before helmet, sessions or anything
 * else costs time, and its onRoute hook must see every flagged route.
 */
export function registerPublicCache(app: FastifyInstance, options: Partial<PublicCacheOptions> = {}): void {
  if (!app.config.publicCache) return;
  const limits = { ...defaults, ...options };
  const store = new ResponseStore(limits);
  const watch = new DataVersionWatch(app.database.db, {
    intervalMs: limits.pollIntervalMs,
    maxStaleMs: limits.maxStaleMs,
    log: app.log,
    onChange: () => store.clear(),
  });

  app.decorateRequest("publicCache", null);
  app.addHook("onReady", () => watch.start());
  app.addHook("onClose", () => watch.stop());

  // Miss path: validators and policy on the fresh response, then keep it if the data version did
  // not move while it was rendered (otherwise it may show data older than the version says).
  const keepResponse: onSendHookHandler = (request, reply, payload, done) => {
    const pending = request.publicCache;
    if (pending === null || reply.statusCode !== 200 || reply.hasHeader("set-cookie")) return done(null, payload);
    if (typeof payload !== "string" && !Buffer.isBuffer(payload)) return done(null, payload);
    // A route may set its own policy and validator (a versioned URL may be cached for long).
    const policy = reply.getHeader("cache-control");
    if (typeof policy === "string" && /no-store|private/.test(policy)) return done(null, payload);

    const body = typeof payload === "string" ? Buffer.from(payload) : payload;
    const ownTag = reply.getHeader("etag");
    const etag = typeof ownTag === "string" ? ownTag : etagOf(body);
    const now = Date.now();
    // An HTTP date must not lie ahead of the response's Date (RFC 9110 §8.8.2.1).
    const lastModified = pending.version && Math.floor(Math.min(pending.version.changedAt, now) / 1000) * 1000;
    reply.header("etag", etag).header("x-cache", "miss");
    if (policy === undefined) reply.header("cache-control", CACHE_CONTROL);
    if (lastModified) reply.header("last-modified", httpDate(lastModified));
    if (lastModified && watch.current === pending.version && watch.fresh(now) && body.length <= limits.maxEntryBytes) {
      store.set(pending.key, buildEntry(reply.getHeaders(), body, etag, lastModified));
    }
    if (request.raw.method === "GET" && notModified(request.raw.headers, etag, lastModified || undefined)) {
      reply.code(304).removeHeader("content-type").removeHeader("content-length");
      return done(null, null);
    }
    done(null, body);
  };

  // Read-your-writes on this instance: a request that may have changed data re-reads the version
  // before its response leaves, so the page the browser asks for next is already fresh here.
  app.addHook("onSend", async (request) => {
    const method = request.raw.method;
    if (method !== "GET" && method !== "HEAD" && method !== "OPTIONS") await watch.refresh();
  });

  app.addHook("onRoute", (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (route.config?.publicCache !== true || !methods.some((m) => m === "GET" || m === "HEAD")) return;
    const hooks = route.onSend === undefined ? [] : Array.isArray(route.onSend) ? route.onSend : [route.onSend];
    // Route-level hooks run after all others, so the body and headers seen here are final; on the
    // HEAD twin Fastify's own last hook drops the body, so ours goes before it.
    route.onSend = route.method === "HEAD" ? [keepResponse, ...hooks] : [...hooks, keepResponse];
  });

  // Hit path: no database, no rendering, no hashing — a prepared Buffer and header object.
  const serve = (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const version = watch.fresh() ? watch.current : undefined;
    const key = cacheKeyOf(request.raw.url ?? "/");
    request.publicCache = { key, version };
    const entry = version === undefined ? undefined : store.get(key);
    if (entry === undefined) return done();
    reply.hijack();
    const res = reply.raw;
    if (notModified(request.raw.headers, entry.etag, entry.lastModified)) {
      res.writeHead(304, entry.notModifiedHeaders);
      res.end();
    } else {
      res.writeHead(200, entry.headers);
      if (request.raw.method === "HEAD") res.end();
      else res.end(entry.body);
    }
    done();
  };

  app.addHook("onRequest", (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const method = request.raw.method;
    if ((method !== "GET" && method !== "HEAD") || request.routeOptions.config?.publicCache !== true) return done();
    if (watch.fresh()) return serve(request, reply, done);
    // The timer is late (event loop busy) or the database failed: read the version first.
    void watch.check().then(() => serve(request, reply, done));
  });
}
