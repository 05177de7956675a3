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
};

type Load = { duration: number; connections: number };

// The same callback on both runs, so the client does the same work per response (autocannon turns
// the raw header list into an object only when a request has onResponse).
type OnHeaders = (headers: Record<string, string>) => void;

async function load(url: string, paths: string[], options: Load, onHeaders: OnHeaders): Promise<Figures> {
  let next = 0;
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.duration,
    requests: [
      {
        method: "GET",
        setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] ?? "/" }),
        onResponse: (_status: number, _body: string, _context: unknown, headers: Record<string, string>) => onHeaders(headers),
      },
    ],
  });
  return {
    reqPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
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

type Sample = { body: Buffer; type: string };

async function sampleBodies(url: string, paths: string[]): Promise<Sample[]> {
  // Samples from the tail of the list, which a short run does not reach, so the run stays uncached.
  const sample = paths.length > 1 ? paths.slice(-20) : paths;
  const bodies: Sample[] = [];
  for (const path of sample) {
    const response = await fetch(`${url}${path}`);
    if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
    bodies.push({ body: Buffer.from(await response.arrayBuffer()), type: response.headers.get("content-type") ?? "text/html" });
  }
  return bodies;
}

/** Hands the app's bodies to the baseline server; returns the paths that replay them. */
async function uploadBodies(baselineUrl: string, scenario: string, bodies: Sample[]): Promise<string[]> {
  const paths: string[] = [];
  for (const [index, { body, type }] of bodies.entries()) {
    const path = `/bodies/${scenario}/${index}`;
    const response = await fetch(`${baselineUrl}${path}`, { method: "PUT", body: new Uint8Array(body), headers: { "content-type": type } });
    if (!response.ok) throw new Error(`PUT ${path} on the baseline: ${response.status}`);
    paths.push(path);
  }
  return paths;
}

const ratio = (a: number, b: number) => (b > 0 ? Number((a / b).toPrecision(2)) : 0);

/**
 * Runs one scenario against the app, then the same load against the baseline replaying the app's
 * own bodies for that scenario (one for a cached scenario, a few cycled for an uncached one).
 */
export async function measureScenario(scenario: Scenario, appUrl: string, baselineUrl: string, options: Load): Promise<ScenarioResult> {
  const samples = await sampleBodies(appUrl, scenario.paths);
  const bodyBytes = Math.round(samples.reduce((sum, s) => sum + s.body.length, 0) / samples.length);
  const baselinePaths = await uploadBodies(baselineUrl, scenario.name, samples);
  const appHits = hitCounter();
  const app = await load(appUrl, scenario.paths, options, appHits.count);
  const baseline = await load(baselineUrl, baselinePaths, options, hitCounter().count);
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
  };
}
