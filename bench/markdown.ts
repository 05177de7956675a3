import type { EditFigures } from "./edits.ts";
import type { StartFigures } from "./first-start.ts";
import type { ImportFigures } from "./import-bench.ts";
import type { Machine } from "./machine.ts";
import type { ScenarioResult } from "./measure.ts";
import type { Percentiles, QueryTiming } from "./query-timing.ts";

export type Report = {
  startedAt: string;
  machine: Machine;
  settings: { database: string; events: number | null; durationSeconds: number; connections: number };
  loadAverage: { before: number; after: number };
  scenarios: ScenarioResult[];
  queryTiming: QueryTiming[];
  import: ImportFigures | null;
  edits: EditFigures | null;
  start: StartFigures | null;
};

/** The run as Markdown tables, for docs/PERFORMANCE.md. */
export function markdownReport(report: Report, file: string): string {
  const { machine, settings } = report;
  const lines = [
    `${settings.database === "postgres" ? "PostgreSQL" : "PGlite"}${settings.events ? ` with ${settings.events.toLocaleString("en")} events` : ", demo data"}; ${settings.durationSeconds} s × ${settings.connections} connections per scenario; ${report.startedAt.slice(0, 16).replace("T", " ")} UTC; load average ${report.loadAverage.before} → ${report.loadAverage.after}; ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB, Node ${machine.node} (\`${file}\`)`,
    "",
  ];
  if (report.scenarios.length) {
    lines.push(
      "| scenario | req/s | p50 ms | p99 ms | baseline req/s | p50 | p99 | × req/s | body bytes | x-cache hits | errors | × same headers |",
      "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
      ...report.scenarios.map(
        (r) =>
          `| ${r.label} | ${r.app.reqPerSec} | ${r.app.p50} | ${r.app.p99} | ${r.baseline.reqPerSec} | ${r.baseline.p50} | ${r.baseline.p99} | ${r.ratio.reqPerSec} | ${r.bodyBytes} | ${r.cacheHitShare === null ? "–" : `${Math.round(r.cacheHitShare * 100)} %`} | ${r.app.errors + r.app.non2xx} | ${r.sameHeaders ? r.sameHeaders.ratio.reqPerSec : "–"} |`,
      ),
      "",
    );
  }
  if (report.queryTiming.length) {
    lines.push(
      "| programme queries | runs | facet count p50 / p95 ms | first page p50 / p95 ms | both p50 / p95 / p99 ms | events matched p50 / p95 |",
      "|---|--:|--:|--:|--:|--:|",
      ...report.queryTiming.map(
        (t) =>
          `| ${t.label} | ${t.total.runs} | ${pair(t.count)} | ${pair(t.list)} | ${t.total.p50} / ${t.total.p95} / ${t.total.p99} | ${t.matches.p50} / ${t.matches.p95} |`,
      ),
      "",
    );
  }
  if (report.import) {
    const { preview, confirm, rows, fileBytes } = report.import;
    lines.push(
      `| import of ${rows.toLocaleString("en")} rows (${Math.round(fileBytes / 1024)} kB XLSX) | time ms | CPU ms | peak RSS MB | result |`,
      "|---|--:|--:|--:|---|",
      `| preview (read, validate, check, store) | ${preview.ms} | ${preview.cpuMs} | ${preview.peakRssMb} | ${JSON.stringify(preview.counts)} |`,
      `| confirm (one transaction) | ${confirm.ms} | ${confirm.cpuMs} | ${confirm.peakRssMb} | ${JSON.stringify(confirm.result)} |`,
      "",
    );
  }
  return lines.join("\n");
}

/** p50 / p95, or a dash where the case does not time that part separately. */
function pair(p: Percentiles): string {
  return p.runs ? `${p.p50} / ${p.p95}` : "–";
}
