import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runChild, startChild } from "./processes.ts";

/** Issue #15.8: the first `npm start` on a fresh data folder serves its first page in ≤ 10 s. */
export const startTargets = { firstPageMs: 10_000 };

type Start = { firstPageMs: number; startupMs: number | null; usedPreparedDemo: boolean | null };
export type StartFigures = { prepareMs: number; first: Start; restart: Start };

/**
 * Starts the app as `npm start` does (tsx, embedded PGlite, demo seed) on `dataDir` and times it
 * until `/` answers 200; the startup log line says whether the prepared demo was copied.
 */
async function timeStart(dataDir: string): Promise<Start> {
  const app = await startChild("src/server.ts", {
    env: { DATA_DIR: dataDir, LOG_LEVEL: "info" },
    unsetEnv: ["DATABASE_URL", "SEED"],
    readyPath: "/",
    pollMs: 50,
  });
  try {
    const line = app
      .output()
      .split("\n")
      .find((l) => l.includes('"usedPreparedDemo"'));
    const parsed = line ? (JSON.parse(line) as { startupMs?: number; usedPreparedDemo?: boolean }) : {};
    return { firstPageMs: app.readyMs, startupMs: parsed.startupMs ?? null, usedPreparedDemo: parsed.usedPreparedDemo ?? null };
  } finally {
    await app.stop();
  }
}

/**
 * What a newcomer's `npm install && npm start` does: npm install's step that prepares the demo for
 * this code (it is up to date unless src/ changed since the install), the first start on an empty
 * data folder, then a restart on the same folder.
 */
export async function measureFirstStart(log: (line: string) => void): Promise<StartFigures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cw-bench-start-"));
  try {
    log("Preparing the demo for this code, as npm install does …");
    const preparing = performance.now();
    await runChild("src/prepare-demo.ts", [], { LOG_LEVEL: "warn" });
    const prepareMs = Math.round(performance.now() - preparing);
    log("First npm start on an empty data folder …");
    const first = await timeStart(dataDir);
    log("Restart on the same folder …");
    const restart = await timeStart(dataDir);
    return { prepareMs, first, restart };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export function startTable(f: StartFigures): string {
  const row = (label: string, s: Start) =>
    `${label.padEnd(10)} first page after ${String(s.firstPageMs).padStart(6)} ms (listening after ${s.startupMs ?? "?"} ms; prepared demo ${s.usedPreparedDemo === null ? "?" : s.usedPreparedDemo ? "copied" : "not used"})`;
  return [
    `npm install's prepare step (src/prepare-demo.ts): ${f.prepareMs} ms`,
    row("first", f.first),
    row("restart", f.restart),
    `  target first page ≤ ${startTargets.firstPageMs} ms: ${f.first.firstPageMs <= startTargets.firstPageMs ? "met" : "NOT met"}`,
  ].join("\n");
}
