import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { FastifyInstance, FastifyReply, FastifyRequest, onSendHookHandler, RouteOptions } from "fastify";
import { sessionCookie } from "../accounts/sessions.ts";
import { cacheKeyOf } from "../cache/cache-key.ts";
import {
  buildEntry,
  CACHE_CONTROL,
  etagOf,
  httpDate,
  lastModifiedOf,
  notModified,
  type Validators,
  variantFor,
  writeCached,
} from "../cache/cached-response.ts";
import {
  COMPRESS_THRESHOLD,
  COMPRESSED_ENCODINGS,
  type CompressedEncoding,
  compressBody,
  isCompressible,
  withVaryAcceptEncoding,
} from "../cache/content-encoding.ts";
import { type DataVersion, DataVersionWatch } from "../cache/data-version-watch.ts";
import { InFlight, type Settle } from "../cache/in-flight.ts";
import { type CachedResponse, type CachedVariant, ResponseStore } from "../cache/response-store.ts";
import { sendStreamed } from "../cache/streamed-response.ts";
import { publicCacheCompressions, publicCacheRequests } from "../metrics/metrics.ts";
import { shareDataVersionWatch } from "./data-version.ts";
import { type RenderVersions, updateKept, watchRender } from "./updated-in-background.ts";

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
    publicCache: {
      key: string;
      version: DataVersion | undefined;
      settle: Settle | undefined;
      /** What the render was handed older than `version` (the programme index during its update). */
      versions: RenderVersions;
    } | null;
  }
}

export type PublicCacheOptions = {
  maxEntries: number;
  maxBytes: number;
  /** Larger responses (big exports) are served but not kept. */
  maxEntryBytes: number;
  /** How often each instance reads data_version besides on each NOTIFY (the fallback). */
  pollIntervalMs: number;
  /** No cached answers when the last successful read started longer ago than this. */
  maxStaleMs: number;
  /** Entries are rendered again after this even without a data change: "next events" move on. */
  maxAgeMs: number;
};

/** A kept response and the data version it was rendered from. */
type KeptResponse = CachedResponse & { dataVersion: number };

/**
 * Whether a request may get the entry of an older data version while the new one renders
 * (stale-while-revalidate): not with a session or a token, so whoever may just have written
 * (read-your-writes) waits for the fresh render instead.
 */
function mayTakeStale(headers: IncomingMessage["headers"]): boolean {
  return headers.authorization === undefined && !(headers.cookie ?? "").includes(`${sessionCookie}=`);
}

/** Every coding of a body, compressed in parallel in the thread pool. */
async function compressAll(body: Buffer): Promise<Partial<Record<CompressedEncoding, Buffer>>> {
  const bodies = await Promise.all(
    COMPRESSED_ENCODINGS.map((encoding) => {
      publicCacheCompressions.inc({ encoding });
      return compressBody(body, encoding);
    }),
  );
  return Object.fromEntries(COMPRESSED_ENCODINGS.map((encoding, i) => [encoding, bodies[i]]));
}

const defaults: PublicCacheOptions = {
  maxEntries: 5000,
  maxBytes: 64 * 1024 * 1024,
  // A whole big edition's feed (5,000 events: ≈ 12 MB of iCalendar) takes seconds to render: worth a slot.
  maxEntryBytes: 16 * 1024 * 1024,
  pollIntervalMs: 500,
  maxStaleMs: 1500,
  maxAgeMs: 60_000,
};

/**
 * The public response cache (ARCHITECTURE.md "Caching"). Call before any other hook or route:
 * its onRequest hook must run first, so a hit is written before helmet, sessions or anything
 * else costs time, and its onRoute hook must see every flagged route.
 */
export function registerPublicCache(app: FastifyInstance, options: Partial<PublicCacheOptions> = {}): void {
  if (!app.config.publicCache) return;
  const poll = app.config.publicCachePollMs;
  const configured = poll === undefined ? {} : { pollIntervalMs: poll, maxStaleMs: 3 * poll };
  const limits = { ...defaults, ...configured, ...options };
  const store = new ResponseStore<KeptResponse>(limits);
  const inFlight = new InFlight();
  const db = app.database.db;
  const watch = new DataVersionWatch(db, {
    intervalMs: limits.pollIntervalMs,
    maxStaleMs: limits.maxStaleMs,
    log: app.log,
    listen: (onNotify) => app.database.listen("cw_data_version", onNotify),
    // Entries stay: each knows its data version, and an older one is served only while its new
    // render runs. The programme index starts its update at once, before the next request asks.
    onChange: (next) => {
      inFlight.clear();
      void updateKept(db, next.version);
    },
  });

  // The programme index and site data go by the same version instead of reading it per request.
  shareDataVersionWatch(db, watch);
  app.decorateRequest("publicCache", null);
  app.addHook("onReady", () => watch.start());
  app.addHook("onClose", () => watch.stop());

  // Miss path: validators and policy on the fresh response, then keep it if the data version did
  // not move while it was rendered (otherwise it may show data older than the version says). A kept
  // text response is compressed here, once in each coding, so no hit ever compresses; what is not
  // kept goes out as it is and @fastify/compress compresses it for this one client.
  const prepare = async (request: FastifyRequest, reply: FastifyReply, body: Buffer, ownPolicy: unknown): Promise<Buffer | null> => {
    const pending = request.publicCache;
    const ownTag = reply.getHeader("etag");
    const etag = typeof ownTag === "string" ? ownTag : etagOf(body);
    reply.header("etag", etag).header("x-cache", "miss");
    publicCacheRequests.inc({ result: "miss" });
    if (ownPolicy === undefined) reply.header("cache-control", CACHE_CONTROL);
    const textual = isCompressible(reply.getHeader("content-type")) && !reply.hasHeader("content-encoding");
    if (textual) reply.header("vary", withVaryAcceptEncoding(reply.getHeader("vary")));
    // Rendered from data older than the version asked for (the index was being updated): sent as
    // it is, ETag only, never kept or dated with the newer version.
    const older =
      pending?.versions.oldest !== undefined && pending.version !== undefined && pending.versions.oldest < pending.version.version;
    const validators = !older && pending?.version && lastModifiedOf(pending.version, Date.now());
    let sent: CachedVariant | undefined;
    const keepable = () => pending?.version !== undefined && watch.current === pending.version && watch.fresh();
    if (pending && validators && keepable() && body.length <= limits.maxEntryBytes) {
      reply.header("last-modified", httpDate(validators.header));
      const encoded = textual && body.length >= COMPRESS_THRESHOLD ? await compressAll(body) : {};
      // Compressing took time: keep the entry only if the version still holds.
      if (keepable()) {
        const built = buildEntry(reply.getHeaders(), body, etag, validators, Date.now() + limits.maxAgeMs, encoded);
        const entry: KeptResponse = { ...built, dataVersion: (pending.version as DataVersion).version };
        store.set(pending.key, entry);
        pending.settle?.(entry);
        sent = variantFor(request.raw.headers, entry);
      }
    } else if (validators) {
      reply.header("last-modified", httpDate(validators.header));
    }
    pending?.settle?.(undefined);
    const tag = sent?.etag ?? etag;
    if (request.raw.method === "GET" && notModified(request.raw.headers, tag, validators ? validators.since : undefined)) {
      reply.code(304).removeHeader("content-type").removeHeader("content-length").header("etag", tag);
      return null;
    }
    if (!sent || sent.body === body) return body;
    // The kept compressed variant, byte for byte what later hits send.
    reply.header("content-encoding", sent.headers["content-encoding"]).header("etag", sent.etag).removeHeader("content-length");
    return sent.body;
  };

  // A streamed response (the whole-edition calendar) leaves as it is rendered, validated by the data
  // version (cache/streamed-response.ts). Its copy (plain and both codings, built while it passes), if
  // it fits, is kept after the last byte and handed to the requests waiting for it.
  const streamed = (request: FastifyRequest, reply: FastifyReply, stream: Readable, ownPolicy: unknown) => {
    const { key, version, settle } = request.publicCache as { key: string; version: DataVersion; settle: Settle | undefined };
    publicCacheRequests.inc({ result: "miss" });
    const keepable = () => watch.current === version && watch.fresh();
    const keep = (body: Buffer, encoded: Partial<Record<CompressedEncoding, Buffer>>, etag: string, validators: Validators) => {
      if (!keepable()) return settle?.(undefined);
      const built = buildEntry(reply.getHeaders(), body, etag, validators, Date.now() + limits.maxAgeMs, encoded);
      const entry: KeptResponse = { ...built, dataVersion: version.version };
      store.set(key, entry);
      settle?.(entry);
    };
    const abandon = () => settle?.(undefined);
    const keeping = settle !== undefined && keepable();
    if (!keeping) abandon();
    const maxBytes = limits.maxEntryBytes;
    return sendStreamed(request, reply, stream, { key, version, ownPolicy, maxBytes, keep: keeping ? keep : undefined, abandon });
  };

  const keepResponse: onSendHookHandler = (request, reply, payload, done) => {
    const pending = request.publicCache;
    // Not kept: requests waiting for this render go and render themselves.
    const pass = () => {
      pending?.settle?.(undefined);
      done(null, payload);
    };
    if (pending === null || reply.statusCode !== 200 || reply.hasHeader("set-cookie")) return pass();
    // A route may set its own policy and validator (a versioned URL may be cached for long).
    const policy = reply.getHeader("cache-control");
    if (typeof policy === "string" && /no-store|private/.test(policy)) return pass();
    if (payload instanceof Readable && pending.version !== undefined) return done(null, streamed(request, reply, payload, policy));
    if (typeof payload !== "string" && !Buffer.isBuffer(payload)) return pass();
    const body = typeof payload === "string" ? Buffer.from(payload) : payload;
    const finish = () =>
      prepare(request, reply, body, policy).then(
        (sent) => done(null, sent),
        (error: Error) => done(error),
      );
    if (pending.version === undefined || watch.fresh()) return void finish();
    // The render outlasted the freshness window: read the version again before keeping the result.
    void watch.check().then(finish);
  };

  // Read-your-writes on this instance: a request that may have changed data re-reads the version
  // before its response leaves, so the page the browser asks for next is already fresh here.
  // The programme index too: it is brought up to this version before the response leaves.
  app.addHook("onSend", async (request) => {
    const method = request.raw.method;
    if (method === "GET" || method === "HEAD" || method === "OPTIONS") return;
    await watch.refresh();
    if (watch.current) await updateKept(db, watch.current.version);
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
  /**
   * What the cache has for a request now: an entry of this version (past its age only while its
   * new render runs: the data did not change), one of an older version while its new render runs
   * (stale, for requests that may take it), else the render to wait for, if any.
   */
  const lookup = (
    key: string,
    headers: IncomingMessage["headers"],
    now: number,
    version: DataVersion,
  ): { entry: KeptResponse; stale: boolean } | { rendering: Promise<CachedResponse | undefined> } | undefined => {
    const entry = store.get(key);
    const rendering = inFlight.wait(key);
    if (entry !== undefined) {
      if (entry.dataVersion === version.version) {
        if (entry.expiresAt > now || rendering !== undefined) return { entry, stale: false };
      } else if (rendering !== undefined && mayTakeStale(headers)) {
        return { entry, stale: true };
      }
    }
    return rendering === undefined ? undefined : { rendering };
  };
  const answer = (request: FastifyRequest, reply: FastifyReply, entry: CachedResponse, stale = false) => {
    reply.hijack();
    publicCacheRequests.inc({ result: stale ? "stale" : "hit" });
    writeCached(request.raw, reply.raw, entry, stale);
  };
  const serve = (request: FastifyRequest, reply: FastifyReply, next: () => void) => {
    const now = Date.now();
    const version = watch.fresh(now) ? watch.current : undefined;
    const key = cacheKeyOf(request.raw.url ?? "/");
    const pending: NonNullable<FastifyRequest["publicCache"]> = { key, version, settle: undefined, versions: { oldest: undefined } };
    request.publicCache = pending;
    // The render runs watched: what it is handed older than `version` is recorded.
    const done = () => watchRender(pending.versions, next);
    if (version === undefined) {
      // The database is away: what was kept for the last version read beats a 503 (stale-if-error).
      const kept = watch.unreachable ? store.get(key) : undefined;
      if (kept !== undefined && kept.dataVersion === watch.current?.version) answer(request, reply, kept);
      return done();
    }
    const found = lookup(key, request.raw.headers, now, version);
    if (found === undefined) {
      pending.settle = inFlight.begin(key, reply.raw);
      return done();
    }
    if ("entry" in found) {
      answer(request, reply, found.entry, found.stale);
      return done();
    }
    void found.rendering.then((rendered) => {
      if (rendered !== undefined) answer(request, reply, rendered);
      done();
    });
  };

  app.addHook("onRequest", (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const method = request.raw.method;
    if ((method !== "GET" && method !== "HEAD") || request.routeOptions.config?.publicCache !== true) return done();
    if (watch.fresh()) return serve(request, reply, done);
    // The timer is late (event loop busy) or the database failed: read the version first.
    void watch.check().then(() => serve(request, reply, done));
  });

  // Requests over a socket are looked up even before Fastify routes them and builds its request,
  // reply and logger (a quarter of a hit's CPU time). Only a flagged GET route can have stored a
  // key, and a path always routes to the same route, so a found key is a public answer. Such hits
  // skip onResponse hooks and Fastify's request log line.
  const server = app.server;
  const [fastifyHandler, ...others] = server.listeners("request") as RequestListener[];
  if (fastifyHandler && others.length === 0) {
    server.removeListener("request", fastifyHandler);
    server.on("request", (req: IncomingMessage, res: ServerResponse) => {
      const method = req.method;
      const now = Date.now();
      const version = watch.current;
      if ((method === "GET" || method === "HEAD") && version !== undefined && watch.fresh(now)) {
        const found = lookup(cacheKeyOf(req.url ?? "/"), req.headers, now, version);
        if (found !== undefined && "entry" in found) {
          publicCacheRequests.inc({ result: found.stale ? "stale" : "hit" });
          return writeCached(req, res, found.entry, found.stale);
        }
        if (found !== undefined) {
          const { rendering } = found;
          void rendering.then((rendered) => {
            if (!rendered) return fastifyHandler.call(server, req, res);
            publicCacheRequests.inc({ result: "hit" });
            writeCached(req, res, rendered);
          });
          return;
        }
      }
      fastifyHandler.call(server, req, res);
    });
  }
}
