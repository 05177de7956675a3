import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { and, asc, eq } from "drizzle-orm";
import { openDatabase } from "../src/db/client.ts";
import { edition, event, organisation } from "../src/db/schema/index.ts";
import { basicKeys, type Row, validRow, xlsxOf } from "../src/imports/import.fixtures.ts";
import { root } from "./processes.ts";

/** Issue #9 point 7: a 10,000-row sheet, preview ≤ 5 s and confirm ≤ 10 s, each process ≤ 400 MB peak RSS. */
export const importTargets = { rows: 10_000, previewMs: 5_000, confirmMs: 10_000, peakRssMb: 400 };

/** A step's wall time, the CPU time of its Node process (user + system: what load does not inflate much) and its peak RSS. */
type Step = { ms: number; cpuMs: number; peakRssMb: number };
export type ImportFigures = {
  rows: number;
  fileBytes: number;
  preview: Step & { counts: Record<string, number> };
  confirm: Step & { result: Record<string, number> };
};

/** The benchmark's own edition; a run first removes the events of earlier runs (they would be likely duplicates of this one's). */
const YEAR = 2098;
const topics = ["KI", "Wasserstoff", "Robotik", "Batterie", "Quanten", "Textil", "Holzbau", "Photonik", "Medizintechnik", "Logistik"];
const kinds = ["Workshop", "Werkstattgespräch", "Netzwerktreffen", "Hackathon", "Fachforum", "Exkursion", "Sprechstunde"];
const cities = ["Stuttgart", "Karlsruhe", "Ulm", "Freiburg", "Mannheim", "Heilbronn", "Reutlingen"];

/** The sheet an initiative with many events would send: one row per event over the week, varied titles. */
async function benchSheet(rows: number, runId: string, year: number): Promise<Buffer> {
  const data: Row[] = [];
  for (let i = 0; i < rows; i++) {
    const day = `${year}-04-${String(6 + (i % 10)).padStart(2, "0")}`;
    const hour = 8 + (i % 10);
    const title = `${kinds[i % kinds.length]} ${topics[Math.floor(i / 7) % topics.length]} ${cities[i % cities.length]} Nr. ${i + 1}`;
    data.push(
      validRow(`${runId}-${i + 1}`, day, {
        titleDe: title,
        start: new Date(`${day}T${String(hour).padStart(2, "0")}:00:00Z`),
        end: new Date(`${day}T${String(hour + 2).padStart(2, "0")}:00:00Z`),
      }),
    );
  }
  return xlsxOf(basicKeys, data);
}

/** An edition open for submissions now, for the benchmark's import only (2098, emptied first), and an active BW organisation. */
async function prepare(env: Record<string, string>, dataDir: string): Promise<{ organisationId: number; year: number }> {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir });
  try {
    const day = 86_400_000;
    const year = YEAR;
    const [earlier] = await database.db.select({ id: edition.id }).from(edition).where(eq(edition.year, year));
    if (earlier) {
      await database.db.delete(event).where(eq(event.editionId, earlier.id));
      await database.db.delete(edition).where(eq(edition.id, earlier.id));
    }
    await database.db.insert(edition).values({
      year,
      titleDe: `Clusterwoche ${year} (Benchmark)`,
      titleEn: `Cluster Week ${year} (benchmark)`,
      startsOn: `${year}-04-06`,
      endsOn: `${year}-04-15`,
      status: "open",
      submissionOpensAt: new Date(Date.now() - day),
      submissionClosesAt: new Date(Date.now() + 30 * day),
    });
    const [org] = await database.db
      .select({ id: organisation.id })
      .from(organisation)
      .where(and(eq(organisation.stateCode, "BW"), eq(organisation.status, "active")))
      .orderBy(asc(organisation.id))
      .limit(1);
    if (!org) throw new Error("no active organisation in BW (seed the demo data first)");
    return { organisationId: org.id, year };
  } finally {
    await database.close();
  }
}

function step<T>(args: string[], env: Record<string, string>, nodeArgs: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "bench/import-step.ts", ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: "pipe",
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("exit", (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split("\n").pop() ?? "{}"))
        : reject(new Error(`import ${args[0]} failed (${code}):\n${err}`)),
    );
  });
}

/** Generates the sheet, then runs the preview and the confirm, each in its own process (with nodeArgs, e.g. --cpu-prof). */
export async function measureImport(
  env: Record<string, string>,
  dataDir: string,
  log: (line: string) => void,
  { nodeArgs = [] }: { nodeArgs?: string[] } = {},
): Promise<ImportFigures> {
  const { organisationId, year } = await prepare(env, dataDir);
  const rows = importTargets.rows;
  const file = path.join(dataDir, "bench-import.xlsx");
  fs.writeFileSync(file, await benchSheet(rows, `B${Date.now().toString(36)}`, year));
  const fileBytes = fs.statSync(file).size;
  log(`Import: ${rows} rows (${Math.round(fileBytes / 1024)} kB XLSX) — preview …`);
  const preview = await step<ImportFigures["preview"] & { planId: string }>(
    ["preview", file, String(organisationId), String(year)],
    env,
    nodeArgs,
  );
  log(`Import: preview ${preview.ms} ms (CPU ${preview.cpuMs} ms), peak RSS ${preview.peakRssMb} MB — confirm …`);
  const confirm = await step<ImportFigures["confirm"]>(["confirm", preview.planId], env, nodeArgs);
  log(`Import: confirm ${confirm.ms} ms (CPU ${confirm.cpuMs} ms), peak RSS ${confirm.peakRssMb} MB.`);
  const { planId: _planId, ...previewFigures } = preview;
  return { rows, fileBytes, preview: previewFigures, confirm };
}

/** The figures against the targets, one line each. */
export function importTable(f: ImportFigures): string {
  const t = importTargets;
  const mark = (ok: boolean) => (ok ? "ok" : "MISSED");
  return [
    `Import of ${f.rows} rows (${Math.round(f.fileBytes / 1024)} kB XLSX):`,
    `  preview ${f.preview.ms} ms (target ≤ ${t.previewMs}) ${mark(f.preview.ms <= t.previewMs)}, CPU ${f.preview.cpuMs} ms, peak RSS ${f.preview.peakRssMb} MB (≤ ${t.peakRssMb}) ${mark(f.preview.peakRssMb <= t.peakRssMb)}; ${JSON.stringify(f.preview.counts)}`,
    `  confirm ${f.confirm.ms} ms (target ≤ ${t.confirmMs}) ${mark(f.confirm.ms <= t.confirmMs)}, CPU ${f.confirm.cpuMs} ms, peak RSS ${f.confirm.peakRssMb} MB (≤ ${t.peakRssMb}) ${mark(f.confirm.peakRssMb <= t.peakRssMb)}; ${JSON.stringify(f.confirm.result)}`,
  ].join("\n");
}
