import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildApp } from "./app.ts";
import { loadConfig } from "./config.ts";
import { openPostgres } from "./db/client.ts";

const root = path.resolve(import.meta.dirname, "..");

function run(script: "server" | "cli", env: Record<string, string>, args: string[] = []) {
  const result = spawnSync(process.execPath, ["--import", "tsx", `src/${script}.ts`, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "silent", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stderr: result.stderr };
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "cw-startup-"));

describe("start-up", () => {
  it("stops with a message naming each invalid variable, without a stack trace", () => {
    const { code, stderr } = run("server", { PORT: "abc", SEED: "lots", DATABASE_URL: "mysql://x" });
    expect(code).toBe(2);
    expect(stderr).toContain("PORT");
    expect(stderr).toContain("SEED");
    expect(stderr).toContain("must be demo or none");
    expect(stderr).toContain("DATABASE_URL");
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("stops when DATA_DIR is a file", () => {
    const file = path.join(tmp(), "not-a-folder");
    fs.writeFileSync(file, "x");
    const { code, stderr } = run("server", { DATA_DIR: file, PORT: "0" });
    expect(code).toBe(2);
    expect(stderr).toContain("is a file, not a folder");
  });

  it("stops when DATA_DIR cannot be created or written", () => {
    const file = path.join(tmp(), "file");
    fs.writeFileSync(file, "x");
    const { code, stderr } = run("server", { DATA_DIR: path.join(file, "below"), PORT: "0" });
    expect(code).toBe(2);
    expect(stderr).toContain("is not writable");
  });

  it("stops when DATA_DIR holds something that is not our database", () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, "pglite"));
    fs.writeFileSync(path.join(dir, "pglite", "holiday.jpg"), "x");
    const { code, stderr } = run("server", { DATA_DIR: dir, PORT: "0" });
    expect(code).toBe(2);
    expect(stderr).toContain("not an embedded PostgreSQL database");
    expect(fs.readdirSync(path.join(dir, "pglite"))).toEqual(["holiday.jpg"]);
  });

  it("refuses a second process on the same embedded database with a clear message", () => {
    const dir = tmp();
    // This test process stands in for a running server: it holds the lock with its own live pid.
    fs.writeFileSync(path.join(dir, "pglite.lock"), String(process.pid));
    const { code, stderr } = run("cli", { DATA_DIR: dir }, ["migrate"]);
    expect(code).toBe(2);
    expect(stderr).toContain(`in use by process ${process.pid}`);
    expect(fs.readFileSync(path.join(dir, "pglite.lock"), "utf8")).toBe(String(process.pid));
  });
});

describe("readyz", () => {
  it("answers 503 while the database is unreachable", async () => {
    const database = openPostgres("postgres://postgres@127.0.0.1:1/none", 1);
    const app = await buildApp({ config: loadConfig({ LOG_LEVEL: "silent" }), database });
    const response = await app.inject({ method: "GET", url: "/readyz" });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ status: "unavailable" });
    expect((await app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);
    await app.close();
    await database.close();
  });
});
