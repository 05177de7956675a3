import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

/**
 * Process-wide metrics (one registry per process, as Prometheus scrapes a process): counted where
 * the work happens — the public cache, the programme index, the error handler. Gauges that read
 * the database are registered per app (metrics.plugin.ts) and merged in at scrape time.
 */
export const processRegistry = new Registry();
collectDefaultMetrics({ register: processRegistry, prefix: "cw_" });

export const httpRequestDuration = new Histogram({
  name: "cw_http_request_duration_seconds",
  help: "Duration of HTTP requests answered by a route (cache hits served before routing are counted in cw_public_cache_requests_total only)",
  labelNames: ["method", "route", "status"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [processRegistry],
});

export const publicCacheRequests = new Counter({
  name: "cw_public_cache_requests_total",
  help: "Requests of publicly cached routes, by result (hit: answered from memory; stale: an older version while its new render runs; miss: rendered)",
  labelNames: ["result"] as const,
  registers: [processRegistry],
});

export const publicCacheCompressions = new Counter({
  name: "cw_public_cache_compressions_total",
  help: "Bodies the public cache compressed for an entry, by coding (once per kept entry; hits never compress)",
  labelNames: ["encoding"] as const,
  registers: [processRegistry],
});

export const programmeIndexBuild = new Histogram({
  name: "cw_programme_index_build_duration_seconds",
  help: "Programme index (re)builds and their duration; _count is the number of builds",
  buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [processRegistry],
});

export const programmeIndexUpdate = new Histogram({
  name: "cw_programme_index_update_duration_seconds",
  help: "Incremental programme index updates (only changed events read) and their duration",
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [processRegistry],
});

export const databaseErrors = new Counter({
  name: "cw_database_errors_total",
  help: "Database errors (failed queries, unreachable server) that reached a request or a worker",
  labelNames: ["where"] as const,
  registers: [processRegistry],
});
