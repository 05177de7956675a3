// Test kit for the import command (imported only by *.test.ts files): a database a child process can
// open, and the real CLI (`tsx src/cli.ts import …`) run against it.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import { inject } from "vitest";
import { connectionStringOf, openTestDatabase } from "../../test/database.ts";
import { type Database, openPglite } from "../db/client.ts";
import { auditLog, event, eventHistory, eventSession, importPlan } from "../db/schema/index.ts";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * A seeded test database for the CLI: on PostgreSQL a copy of the template (the child gets DATABASE_URL);
 * on PGlite a data folder of its own (DATA_DIR), which admits one process at a time — so the test opens
 * it only between runs of the CLI, through `use`.
 */
export type CliDatabase = {
  env: Record<string, string>;
  dir: string;
  use<T>(run: (db: Database["db"]) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export async function openCliDatabase(): Promise<CliDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cw-import-cli-"));
  const base = { PATH: process.env.PATH ?? "", LOG_LEVEL: "silent", SEED: "none", DATA_DIR: dir };
  if (process.env.TEST_DB_KIND === "postgres") {
    const database = await openTestDatabase();
    return {
      env: { ...base, DATABASE_URL: connectionStringOf(database) ?? "" },
      dir,
      use: (run) => run(database.db),
      close: async () => {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const dataDir = path.join(dir, "pglite");
  const open = (loadDataDir?: Blob) => openPglite({ dataDir, ...(loadDataDir ? { loadDataDir } : {}) });
  await (await open(new Blob([fs.readFileSync(inject("pgliteTemplate"))]))).close();
  return {
    env: base,
    dir,
    async use(run) {
      const database = await open();
      try {
        return await run(database.db);
      } finally {
        await database.close();
      }
    },
    close: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export type CliRun = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/** Starts `npm run cli -- import ARGS` as the operator would (without npm's own output); `child` lets a test kill it. */
export function startImportCli(env: Record<string, string>, args: string[]): { child: ChildProcess; done: Promise<CliRun> } {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", "import", ...args], { cwd: root, env, timeout: 170_000 });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout?.on("data", (chunk: Buffer) => out.push(chunk));
  child.stderr?.on("data", (chunk: Buffer) => err.push(chunk));
  const done = new Promise<CliRun>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) =>
      resolve({ code, signal, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }),
    );
  });
  return { child, done };
}

export const runImportCli = (env: Record<string, string>, args: string[]) => startImportCli(env, args).done;

/** Row counts of every table an import writes to: equal before and after means nothing was written. */
export async function importTableCounts(db: Database["db"]) {
  const n = async (table: typeof event | typeof eventSession | typeof eventHistory | typeof auditLog | typeof importPlan) =>
    (await db.select({ n: count() }).from(table))[0]?.n ?? 0;
  return {
    event: await n(event),
    eventSession: await n(eventSession),
    eventHistory: await n(eventHistory),
    auditLog: await n(auditLog),
    importPlan: await n(importPlan),
  };
}
