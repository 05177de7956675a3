import http from "node:http";
import autocannon from "autocannon";
import type { Scenario } from "./scenarios.ts";

export type Figures = { reqPerSec: number; p50: number; p99: number; requests: number; errors: number; non2xx: number };
export type ScenarioResult = {
  name: string;
  label: string;
  cached: boolean;
  distinctPaths: number;
  bodyBytes: number;
  /** Responses the app marked `x-cache: hit`, as a share of all (uncached scenarios should stay near 0). */
  cacheHitShare: number | null;
  app: Figures;
  baseline: Figures;
  ratio: { reqPerSec: number; p50: number; p99: number };
  /** `--same-headers`: the bare server replaying the app's headers too; its ratio is the app's cost beyond its header bytes. */
  sameHeaders?: { baseline: Figures; ratio: { reqPerSec: number } };
};

type Load = { duration: number; connections: number; sameHeaders?: boolean };

// The same callback on both runs, so the client does the same work per response (autocannon turns
// the raw header list into an object only when a request has onResponse).
type OnHeaders = (headers: Record<string, string>) => void;

/** One side of the comparison: its URLs (taken in turn across rounds) and what each round measured. */
type Target = { url: string; paths: string[]; next: number; onHeaders: OnHeaders; rounds: Figures[]; acceptEncoding?: string | undefined };

async function loadRound(target: Target, connections: number, seconds: number): Promise<void> {
  const result = await autocannon({
    url: target.url,
    connections,
    duration: seconds,
    ...(target.acceptEncoding ? { headers: { "accept-encoding": target.acceptEncoding } } : {}),
    requests: [
      {
        method: "GET",
        setupRequest: (request) => ({ ...request, path: target.paths[target.next++ % target.paths.length] ?? "/" }),
        onResponse: (_status: number, _body: string, _context: unknown, headers: Record<string, string>) => target.onHeaders(headers),
      },
    ],
  });
  target.rounds.push({
    reqPerSec: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  });
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** The rounds (of equal length) as one figure: all requests over all seconds, the median round's p50, the worst round's p99. */
function combine(rounds: Figures[]): Figures {
  const requests = sum(rounds.map((r) => r.requests));
  return {
    reqPerSec: Math.round(sum(rounds.map((r) => r.reqPerSec)) / rounds.length),
    p50: median(rounds.map((r) => r.p50)),
    p99: Math.max(...rounds.map((r) => r.p99)),
    requests,
    errors: sum(rounds.map((r) => r.errors)),
    non2xx: sum(rounds.map((r) => r.non2xx)),
  };
}

/**
 * Loads app and baseline in alternating one-second rounds (app–baseline, then baseline–app; with a
 * third target each takes its turn first), so
 * other work on the machine falls on both alike instead of on whichever ran while it happened.
 * Responses slower than a tenth of a round get one round each of the whole duration instead: a
 * short round would end with most of them unfinished and leave the app rendering them.
 */
async function loadAlternately(targets: Target[], options: Load, typicalMs: number): Promise<void> {
  const alternate = typicalMs < 100 && options.duration >= 2;
  const rounds = alternate ? Math.round(options.duration) : 1;
  const seconds = alternate ? 1 : options.duration;
  for (let round = 0; round < rounds; round++) {
    const order = [...targets.slice(round % targets.length), ...targets.slice(0, round % targets.length)];
    for (const target of order) await loadRound(target, options.connections, seconds);
  }
}

/** Counts `x-cache: hit` answers; the baseline run counts too (and its count is dropped). */
function hitCounter(): { count: OnHeaders; share: () => number | null } {
  let hits = 0;
  let seen = 0;
  return {
    count: (headers) => {
      seen++;
      if (headers["x-cache"] === "hit") hits++;
    },
    share: () => (seen ? Math.round((hits / seen) * 1000) / 1000 : null),
  };
}

type Sample = { body: Buffer; type: string; encoding: string | undefined; headers: http.IncomingHttpHeaders; ms: number };

/** The bytes as sent (fetch would decode a compressed body), with their type and coding. */
function getRaw(url: string, acceptEncoding: string | undefined): Promise<Omit<Sample, "ms">> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding ? { "accept-encoding": acceptEncoding } : {};
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          if (response.statusCode !== 200) return reject(new Error(`GET ${url}: ${response.statusCode}`));
          const encoding = response.headers["content-encoding"];
          resolve({
            body: Buffer.concat(chunks),
            type: response.headers["content-type"] ?? "text/html",
            encoding,
            headers: response.headers,
          });
        });
      })
      .on("error", reject);
  });
}

async function sampleBodies(url: string, paths: string[], acceptEncoding: string | undefined): Promise<Sample[]> {
  // Samples from the tail of the list, which a short run does not reach, so the run stays uncached.
  // A single path is fetched twice: the second answer is what the load sees (a cache hit if cached).
  const sample = paths.length > 1 ? paths.slice(-20) : [...paths, ...paths];
  const bodies: Sample[] = [];
  for (const path of sample) {
    const started = performance.now();
    const raw = await getRaw(`${url}${path}`, acceptEncoding);
    bodies.push({ ...raw, ms: performance.now() - started });
  }
  return paths.length > 1 ? bodies : bodies.slice(-1);
}

/** Hands the app's bodies to the baseline server; returns the paths that replay them. */
async function uploadBodies(baselineUrl: string, scenario: string, bodies: Sample[], sameHeaders = false): Promise<string[]> {
  const paths: string[] = [];
  for (const [index, { body, type, encoding, headers: sent }] of bodies.entries()) {
    const path = `/bodies/${scenario}/${index}`;
    const headers: Record<string, string> = { "content-type": type, ...(encoding ? { "x-content-encoding": encoding } : {}) };
    // Node adds date, connection and keep-alive itself, as for the app.
    const own = Object.entries(sent).filter(
      ([name]) => !["date", "connection", "keep-alive", "content-length", "transfer-encoding"].includes(name),
    );
    if (sameHeaders) headers["x-replay-headers"] = JSON.stringify(Object.fromEntries(own));
    const response = await fetch(`${baselineUrl}${path}`, { method: "PUT", body: new Uint8Array(body), headers });
    if (!response.ok) throw new Error(`PUT ${path} on the baseline: ${response.status}`);
    paths.push(path);
  }
  return paths;
}

const ratio = (a: number, b: number) => (b > 0 ? Number((a / b).toPrecision(2)) : 0);

/**
 * Runs one scenario against the app and the same load against the baseline replaying the app's
 * own bodies for that scenario (one for a cached scenario, a few cycled for an uncached one).
 */
export async function measureScenario(scenario: Scenario, appUrl: string, baselineUrl: string, options: Load): Promise<ScenarioResult> {
  const samples = await sampleBodies(appUrl, scenario.paths, scenario.acceptEncoding);
  const bodyBytes = Math.round(sum(samples.map((s) => s.body.length)) / samples.length);
  const baselinePaths = await uploadBodies(baselineUrl, scenario.name, samples);
  const appHits = hitCounter();
  const acceptEncoding = scenario.acceptEncoding;
  const appTarget: Target = { url: appUrl, paths: scenario.paths, next: 0, onHeaders: appHits.count, rounds: [], acceptEncoding };
  const baselineTarget: Target = {
    url: baselineUrl,
    paths: baselinePaths,
    next: 0,
    onHeaders: hitCounter().count,
    rounds: [],
    acceptEncoding,
  };
  const control: Target | undefined =
    options.sameHeaders && scenario.cached
      ? {
          url: baselineUrl,
          paths: await uploadBodies(baselineUrl, `${scenario.name}-headers`, samples, true),
          next: 0,
          onHeaders: hitCounter().count,
          rounds: [],
          acceptEncoding,
        }
      : undefined;
  await loadAlternately([appTarget, baselineTarget, ...(control ? [control] : [])], options, median(samples.map((s) => s.ms)));
  const app = combine(appTarget.rounds);
  const baseline = combine(baselineTarget.rounds);
  const sameHeaders = control ? combine(control.rounds) : undefined;
  return {
    name: scenario.name,
    label: scenario.label,
    cached: scenario.cached,
    distinctPaths: scenario.paths.length,
    bodyBytes,
    cacheHitShare: appHits.share(),
    app,
    baseline,
    ratio: { reqPerSec: ratio(app.reqPerSec, baseline.reqPerSec), p50: ratio(app.p50, baseline.p50), p99: ratio(app.p99, baseline.p99) },
    ...(sameHeaders ? { sameHeaders: { baseline: sameHeaders, ratio: { reqPerSec: ratio(app.reqPerSec, sameHeaders.reqPerSec) } } } : {}),
  };
}
