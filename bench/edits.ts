import http from "node:http";
import autocannon from "autocannon";
import { and, asc, desc, eq } from "drizzle-orm";
import { createSession, loadSessionActor } from "../src/accounts/session-store.ts";
import { openDatabase } from "../src/db/client.ts";
import { edition, event, user } from "../src/db/schema/index.ts";
import { decideEvent } from "../src/moderation/decide-event.ts";
import { processMemory } from "./processes.ts";
import { filteredProgrammePaths } from "./scenarios.ts";

/**
 * Issue #15.8: reads while the programme changes, and the whole-edition calendar after a change.
 * Another client (this process, on the same database, as a second instance would) publishes a
 * submitted event every second while autocannon reads a fixed set of filtered + text programme
 * pages, then the API list; afterwards one more publication and the whole-edition ICS on its miss.
 */
export const editTargets = { programmeP99Ms: 50, icsFirstByteMs: 200, icsPeakRssMb: 400 };

type Reads = {
  paths: number;
  requests: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  xCache: Record<string, number>;
};
export type EditFigures = {
  seconds: number;
  publications: number;
  publishMs: { p50: number; max: number };
  programme: Reads;
  api: Reads;
  /** From the app's /metrics: incremental index updates during the run and their mean duration. */
  indexUpdates: { count: number; meanMs: number } | null;
  ics: { afterChange: boolean; firstByteMs: number; totalMs: number; bytes: number; rssBeforeMb: number; peakRssMb: number };
};

type Options = { databaseUrl: string; appUrl: string; appPid: number; metricsToken: string; seconds: number; connections: number };

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;

type Publishing = { ctx: Parameters<typeof decideEvent>[0]["ctx"]; queue: { id: number; version: number }[]; close(): Promise<void> };

/** The submitted events of the newest edition, to publish one after the other, signed in as the national office's editor. */
async function preparePublishing(databaseUrl: string): Promise<Publishing> {
  const database = await openDatabase({ databaseUrl, dataDir: "" });
  const [newest] = await database.db.select({ id: edition.id }).from(edition).orderBy(desc(edition.year)).limit(1);
  const [editor] = await database.db.select({ id: user.id }).from(user).where(eq(user.role, "editor")).orderBy(asc(user.id)).limit(1);
  if (!newest || !editor) throw new Error("no edition or no editor account: seed the demo data first");
  const queue = await database.db
    .select({ id: event.id, version: event.version })
    .from(event)
    .where(and(eq(event.editionId, newest.id), eq(event.status, "submitted")))
    .orderBy(asc(event.id))
    .limit(600);
  const actor = await loadSessionActor(database.db, (await createSession(database.db, editor.id, "bench")).tokenHash);
  return { ctx: { db: database.db, actor, baseUrl: "http://127.0.0.1" }, queue, close: () => database.close() };
}

async function publishNext(p: Publishing): Promise<number | undefined> {
  const next = p.queue.shift();
  if (!next) return undefined;
  const started = performance.now();
  await decideEvent({ ctx: p.ctx, input: { id: next.id, version: next.version, action: "publish" } });
  return performance.now() - started;
}

/** Publishes the next submitted event every second until stopped, keeping the last one back. */
function publishEverySecond(p: Publishing, log: (line: string) => void) {
  const timings: number[] = [];
  let stopped = false;
  const run = (async () => {
    while (!stopped && p.queue.length > 1) {
      const ms = (await publishNext(p)) ?? 0;
      timings.push(ms);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 - ms)));
    }
    if (!stopped) log("  the publisher ran out of submitted events");
  })();
  // A failed publication ends the loop and fails the run when the readers are done (not before:
  // an unhandled rejection would end the benchmark with the app still running).
  const settled = run.then(
    () => undefined,
    (error: unknown) => error,
  );
  return {
    timings,
    stop: async () => {
      stopped = true;
      const failure = await settled;
      if (failure) throw failure;
    },
  };
}

async function readUnderEdits(url: string, paths: string[], seconds: number, connections: number): Promise<Reads> {
  const xCache: Record<string, number> = {};
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: "GET",
        setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] ?? "/" }),
        onResponse: (_status, _body, _context, headers) => {
          const state = headers["x-cache"] ?? "none";
          xCache[state] = (xCache[state] ?? 0) + 1;
        },
      },
    ],
  });
  return {
    paths: paths.length,
    requests: result.requests.total,
    reqPerSec: Math.round(result.requests.total / seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts + result.non2xx,
    xCache,
  };
}

/** Time to the first body byte and to the end of one GET, reading and dropping the body as a calendar app would. */
function timedGet(url: string): Promise<{ firstByteMs: number; totalMs: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstByteMs = 0;
    let bytes = 0;
    http
      .get(url, (response) => {
        if (response.statusCode !== 200) reject(new Error(`GET ${url}: ${response.statusCode}`));
        response.on("data", (chunk: Buffer) => {
          if (bytes === 0) firstByteMs = performance.now() - started;
          bytes += chunk.length;
        });
        response.on("end", () => resolve({ firstByteMs, totalMs: performance.now() - started, bytes }));
      })
      .on("error", reject);
  });
}

async function indexUpdates(appUrl: string, token: string): Promise<{ count: number; sum: number } | null> {
  const response = await fetch(`${appUrl}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) return null;
  const text = await response.text();
  const value = (name: string) => Number(text.match(new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, "m"))?.[1] ?? 0);
  return {
    count: value("cw_programme_index_update_duration_seconds_count"),
    sum: value("cw_programme_index_update_duration_seconds_sum"),
  };
}

type ApiEvent = Parameters<typeof filteredProgrammePaths>[0][number];

export async function measureEdits(options: Options, log: (line: string) => void): Promise<EditFigures> {
  const { appUrl } = options;
  const listed = (await (await fetch(`${appUrl}/api/v1/events?pageSize=100`)).json()) as { data: ApiEvent[] };
  const paths = filteredProgrammePaths(listed.data, 20);
  for (const path of [...paths, "/api/v1/events"]) await timedGet(`${appUrl}${path}`); // cached before the run
  const before = await indexUpdates(appUrl, options.metricsToken);

  log(
    `Reading ${paths.length} filtered + text programme pages, then the API list, ${options.seconds} s each, while an event is published every second …`,
  );
  const publishing = await preparePublishing(options.databaseUrl);
  const every = publishEverySecond(publishing, log);
  let programme: Reads;
  let api: Reads;
  try {
    programme = await readUnderEdits(appUrl, paths, options.seconds, options.connections);
    api = await readUnderEdits(appUrl, ["/api/v1/events"], options.seconds, options.connections);
  } finally {
    await every.stop();
  }
  const after = await indexUpdates(appUrl, options.metricsToken);

  log("The whole-edition ICS right after one more publication …");
  const changed = (await publishNext(publishing)) !== undefined;
  await publishing.close();
  await new Promise((resolve) => setTimeout(resolve, 1500)); // the app has seen the new data version
  const rssBeforeMb = processMemory(options.appPid).rssMb;
  processMemory(options.appPid, { resetPeak: true });
  const ics = await timedGet(`${appUrl}/feeds/events.ics`);
  const peakRssMb = processMemory(options.appPid).peakRssMb;

  const timings = every.timings;
  const updates = before && after ? { count: after.count - before.count, sum: after.sum - before.sum } : null;
  return {
    seconds: options.seconds * 2,
    publications: timings.length,
    publishMs: { p50: Math.round(percentile(timings, 0.5)), max: Math.round(Math.max(0, ...timings)) },
    programme,
    api,
    indexUpdates: updates ? { count: updates.count, meanMs: updates.count ? Math.round((updates.sum / updates.count) * 1000) : 0 } : null,
    ics: {
      afterChange: changed,
      firstByteMs: Math.round(ics.firstByteMs),
      totalMs: Math.round(ics.totalMs),
      bytes: ics.bytes,
      rssBeforeMb,
      peakRssMb,
    },
  };
}

const met = (ok: boolean) => (ok ? "met" : "NOT met");

export function editsTable(f: EditFigures): string {
  const reads = (label: string, r: Reads) =>
    `${label.padEnd(36)} ${String(r.reqPerSec).padStart(7)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms  max ${String(r.max).padStart(5)} ms  errors ${r.errors}  x-cache ${JSON.stringify(r.xCache)}`;
  return [
    `While publishing (${f.publications} publications in ${f.seconds} s, each p50 ${f.publishMs.p50} ms, max ${f.publishMs.max} ms):`,
    reads(`programme, 3 filters + text (${f.programme.paths} URLs)`, f.programme),
    reads("API /api/v1/events", f.api),
    f.indexUpdates
      ? `programme index: ${f.indexUpdates.count} incremental updates, mean ${f.indexUpdates.meanMs} ms`
      : "programme index: /metrics not readable",
    `  target p99 ≤ ${editTargets.programmeP99Ms} ms: ${met(f.programme.p99 <= editTargets.programmeP99Ms)}`,
    `Whole-edition ICS ${f.ics.afterChange ? "after a change" : "(no event left to publish: maybe a cache hit)"}: first byte ${f.ics.firstByteMs} ms, all ${f.ics.bytes} bytes in ${f.ics.totalMs} ms; app RSS ${f.ics.rssBeforeMb} MB before, peak ${f.ics.peakRssMb} MB during`,
    `  targets first byte ≤ ${editTargets.icsFirstByteMs} ms: ${met(f.ics.firstByteMs <= editTargets.icsFirstByteMs)}; peak ≤ ${editTargets.icsPeakRssMb} MB: ${met(f.ics.peakRssMb <= editTargets.icsPeakRssMb)}`,
  ].join("\n");
}
