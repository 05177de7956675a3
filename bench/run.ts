import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import { openDatabase } from "../src/db/client.ts";
import { type EditFigures, editsTable, measureEdits } from "./edits.ts";
import { measureFirstStart, type StartFigures, startTable } from "./first-start.ts";
import { generateEvents } from "./generate-events.ts";
import { type ImportFigures, importTable, measureImport } from "./import-bench.ts";
import { describeMachine, loadAverage } from "./machine.ts";
import { markdownReport, type Report } from "./markdown.ts";
import { measureScenario, type ScenarioResult } from "./measure.ts";
import { root, runChild, startChild } from "./processes.ts";
import { type QueryTiming, timeProgrammeQueries } from "./query-timing.ts";
import { buildScenarios } from "./scenarios.ts";

type Options = {
  duration: number;
  connections: number;
  databaseUrl?: string;
  events?: number;
  only?: string;
  section: string;
  queryTiming: boolean;
  queryRuns: number;
  cpuProf: boolean;
  markdown: boolean;
  sameHeaders: boolean;
};

const program = new Command("bench")
  .description("Load-tests the app (child process) against a bare node:http baseline; see docs/PERFORMANCE.md")
  .option("--duration <seconds>", "seconds per scenario and per baseline", Number, 5)
  .option("--connections <n>", "concurrent connections", Number, 10)
  .option("--database-url <url>", "run against this PostgreSQL database (migrated and demo-seeded if empty) instead of embedded PGlite")
  .option("--events <n>", "with --database-url: generate events until the current edition has n", Number)
  .option("--only <names>", "comma-separated scenario names (home, programme, programme-filtered, event, api-list, ics)")
  .option(
    "--section <names>",
    "comma-separated parts to run: http (the load test), edits (reads while publishing, ICS after a change; needs --database-url), import (10,000-row sheet), start (first npm start)",
    "http,edits,import,start",
  )
  .option("--query-timing", "also time the programme queries directly on the database", false)
  .option("--query-runs <n>", "runs per query-timing case", Number, 300)
  .option("--cpu-prof", "write V8 CPU profiles of the app and of the import steps to bench/results/", false)
  .option(
    "--same-headers",
    "also load a bare server replaying the app's headers with its bodies (the app's cost beyond its header bytes)",
    false,
  )
  .option("--markdown", "also print the figures as Markdown tables (for docs/PERFORMANCE.md)", false);

const log = (line: string) => process.stderr.write(`${line}\n`);
const pad = (value: string | number, width: number) => String(value).padStart(width);

function table(results: ScenarioResult[]): string {
  const head = `${"scenario".padEnd(40)} ${pad("req/s", 7)} ${pad("p50 ms", 7)} ${pad("p99 ms", 7)} │ ${pad("base r/s", 8)} ${pad("p50", 5)} ${pad("p99", 5)} │ ${pad("×req/s", 7)} ${pad("×p50", 6)} ${pad("×p99", 6)} ${pad("bytes", 8)} ${pad("hits", 5)} ${pad("errors", 6)} ${pad("×same-h", 7)}`;
  const rows = results.map(
    (r) =>
      `${r.label.padEnd(40)} ${pad(r.app.reqPerSec, 7)} ${pad(r.app.p50, 7)} ${pad(r.app.p99, 7)} │ ${pad(r.baseline.reqPerSec, 8)} ${pad(r.baseline.p50, 5)} ${pad(r.baseline.p99, 5)} │ ${pad(r.ratio.reqPerSec, 7)} ${pad(r.ratio.p50, 6)} ${pad(r.ratio.p99, 6)} ${pad(r.bodyBytes, 8)} ${pad(r.cacheHitShare === null ? "-" : `${Math.round(r.cacheHitShare * 100)}%`, 5)} ${pad(r.app.errors + r.app.non2xx, 6)} ${pad(r.sameHeaders ? r.sameHeaders.ratio.reqPerSec : "-", 7)}`,
  );
  return [head, "─".repeat(head.length), ...rows].join("\n");
}

function timingTable(timings: QueryTiming[]): string {
  const rows = timings.map(
    (t) =>
      `${t.label.padEnd(28)} ${t.count.runs ? `count p50 ${pad(t.count.p50, 7)} p95 ${pad(t.count.p95, 7)} │ list p50 ${pad(t.list.p50, 7)} p95 ${pad(t.list.p95, 7)}` : " ".repeat(59)} │ both p50 ${pad(t.total.p50, 7)} p95 ${pad(t.total.p95, 7)} p99 ${pad(t.total.p99, 7)} ms (${t.total.runs} runs; events matched p50 ${t.matches.p50}, p95 ${t.matches.p95})`,
  );
  return rows.join("\n");
}

async function main(options: Options): Promise<void> {
  const machine = describeMachine();
  const startedAt = new Date();
  const loadBefore = loadAverage();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cw-bench-"));
  const resultsDir = path.join(root, "bench", "results");
  fs.mkdirSync(resultsDir, { recursive: true });
  const databaseEnv: Record<string, string> = options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {};
  let events: number | undefined;
  if (options.events && !options.databaseUrl) log("--events needs --database-url (PGlite keeps the demo data); ignored.");
  if (options.databaseUrl) {
    log("Preparing the PostgreSQL database (migrations, demo data) …");
    await runChild("src/cli.ts", ["seed", "--demo"], { ...databaseEnv, DATA_DIR: dataDir, LOG_LEVEL: "warn" });
    if (options.events) {
      const started = performance.now();
      events = await generateEvents(options.databaseUrl, options.events, log);
      log(`${events} events in the current edition (${Math.round((performance.now() - started) / 1000)} s).`);
    }
  }

  const sections = new Set(options.section.split(",").map((s) => s.trim()));
  const results: ScenarioResult[] = [];
  let timings: QueryTiming[] = [];
  let edits: EditFigures | null = null;
  if (sections.has("edits") && !options.databaseUrl)
    log("The edits section needs --database-url (a second writer beside the app); skipped.");
  const runEdits = sections.has("edits") && options.databaseUrl !== undefined;
  if (sections.has("http") || runEdits) {
    log("Starting the app and the baseline server …");
    const metricsToken = "bench-metrics-token-0123456789";
    const app = await startChild("src/server.ts", {
      env: { ...databaseEnv, DATA_DIR: dataDir, SEED: "demo", LOG_LEVEL: "warn", METRICS_TOKEN: metricsToken },
      nodeArgs: options.cpuProf ? ["--cpu-prof", `--cpu-prof-dir=${resultsDir}`] : [],
      readyPath: "/readyz",
    });
    const baseline = await startChild("bench/baseline-server.ts", { readyPath: "/readyz" });
    try {
      const only = options.only?.split(",").map((s) => s.trim());
      const scenarios = sections.has("http") ? (await buildScenarios(app.url)).filter((s) => !only || only.includes(s.name)) : [];
      for (const scenario of scenarios) {
        log(`Measuring ${scenario.label} (${scenario.paths.length} distinct paths) …`);
        results.push(await measureScenario(scenario, app.url, baseline.url, options));
      }
      if (runEdits && options.databaseUrl && app.process.pid) {
        const settings = { seconds: Math.max(options.duration, 15), connections: options.connections };
        edits = await measureEdits(
          { ...settings, databaseUrl: options.databaseUrl, appUrl: app.url, appPid: app.process.pid, metricsToken },
          log,
        );
      }
    } finally {
      await app.stop();
      await baseline.stop();
    }
  }
  let importFigures: ImportFigures | null = null;
  if (sections.has("import")) {
    // PGlite gets its demo data from the app's first start; without the http section, seed it here.
    if (!options.databaseUrl && !sections.has("http"))
      await runChild("src/cli.ts", ["seed", "--demo"], { DATA_DIR: dataDir, LOG_LEVEL: "warn" });
    importFigures = await measureImport({ ...databaseEnv, DATA_DIR: dataDir, LOG_LEVEL: "warn" }, dataDir, log, {
      nodeArgs: options.cpuProf ? ["--cpu-prof", `--cpu-prof-dir=${resultsDir}`] : [],
    });
  }
  const start: StartFigures | null = sections.has("start") ? await measureFirstStart(log) : null;
  if (options.queryTiming) {
    log(`Timing the programme queries directly (${options.queryRuns} runs per case) …`);
    const database = await openDatabase({ databaseUrl: options.databaseUrl, dataDir });
    try {
      timings = await timeProgrammeQueries(database, options.queryRuns);
    } finally {
      await database.close();
    }
  }
  fs.rmSync(dataDir, { recursive: true, force: true });

  const report: Report = {
    startedAt: startedAt.toISOString(),
    machine,
    settings: {
      database: options.databaseUrl ? "postgres" : "pglite",
      events: events ?? null,
      durationSeconds: options.duration,
      connections: options.connections,
    },
    loadAverage: { before: loadBefore, after: loadAverage() },
    scenarios: results,
    queryTiming: timings,
    import: importFigures,
    edits,
    start,
  };
  const file = path.join(resultsDir, `${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    `\n${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM, Node ${machine.node}; ${report.settings.database}${events ? ` with ${events} events` : ""}; ${options.duration} s × ${options.connections} connections per scenario; load average ${report.loadAverage.before} before, ${report.loadAverage.after} after\n`,
  );
  if (results.length) console.log(table(results));
  if (timings.length) console.log(`\nProgramme queries on the database:\n${timingTable(timings)}`);
  if (edits) console.log(`\n${editsTable(edits)}`);
  if (importFigures) console.log(`\n${importTable(importFigures)}`);
  if (start) console.log(`\nFirst start (embedded PGlite, demo data):\n${startTable(start)}`);
  if (options.markdown) console.log(`\n${markdownReport(report, path.relative(root, file))}`);
  console.log(`\nWritten to ${path.relative(root, file)}`);
}

program.parse();
main(program.opts<Options>()).catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
