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

async function load(url: string, paths: string[], options: Load, onHeaders?: (headers: Record<string, string>) => void): Promise<Figures> {
  let next = 0;
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.duration,
    requests: [
      {
        method: "GET",
        setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] ?? "/" }),
        ...(onHeaders
          ? { onResponse: (_status: number, _body: string, _context: unknown, headers: Record<string, string>) => onHeaders(headers) }
          : {}),
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

async function bodySize(url: string, paths: string[]): Promise<number> {
  // Sizes from the tail of the list, which a short run does not reach, so the run stays uncached.
  const sample = paths.length > 1 ? paths.slice(-20) : paths;
  let bytes = 0;
  for (const path of sample) {
    const response = await fetch(`${url}${path}`);
    if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
    bytes += (await response.arrayBuffer()).byteLength;
  }
  return Math.round(bytes / sample.length);
}

const ratio = (a: number, b: number) => (b > 0 ? Number((a / b).toPrecision(2)) : 0);

/** Runs one scenario against the app, then the same load against the baseline with a body of the same size. */
export async function measureScenario(scenario: Scenario, appUrl: string, baselineUrl: string, options: Load): Promise<ScenarioResult> {
  const bodyBytes = await bodySize(appUrl, scenario.paths);
  let hits = 0;
  let seen = 0;
  const app = await load(appUrl, scenario.paths, options, (headers) => {
    seen++;
    if (headers["x-cache"] === "hit") hits++;
  });
  const baseline = await load(baselineUrl, [`/bytes/${bodyBytes}`], options);
  return {
    name: scenario.name,
    label: scenario.label,
    cached: scenario.cached,
    distinctPaths: scenario.paths.length,
    bodyBytes,
    cacheHitShare: seen ? Math.round((hits / seen) * 1000) / 1000 : null,
    app,
    baseline,
    ratio: { reqPerSec: ratio(app.reqPerSec, baseline.reqPerSec), p50: ratio(app.p50, baseline.p50), p99: ratio(app.p99, baseline.p99) },
  };
}
