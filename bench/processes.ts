import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");

export type Child = {
  url: string;
  process: ChildProcess;
  /** From the spawn until `readyPath` first answered 200. */
  readyMs: number;
  /** The end of what the process wrote (standard output and error). */
  output(): string;
  stop(): Promise<void>;
};

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * Starts a TypeScript entry point as its own Node process and waits until `readyPath` answers 200
 * (asked every `pollMs`); `unsetEnv` names variables of this process the child must not inherit.
 */
export async function startChild(
  entry: string,
  options: {
    env?: Record<string, string>;
    unsetEnv?: string[];
    nodeArgs?: string[];
    readyPath: string;
    timeoutMs?: number;
    pollMs?: number;
  },
): Promise<Child> {
  const port = await freePort();
  const env: Record<string, string | undefined> = { ...process.env, ...options.env, PORT: String(port) };
  for (const name of options.unsetEnv ?? []) delete env[name];
  const started = performance.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), "--import", "tsx", entry], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-64_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 180_000);
  while (true) {
    if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode}:\n${output.slice(-4000)}`);
    try {
      const response = await fetch(`${url}${options.readyPath}`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${entry} did not become ready:\n${output.slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 250));
  }
  return {
    url,
    process: child,
    readyMs: Math.round(performance.now() - started),
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
        child.once("exit", () => {
          clearTimeout(force);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}

/** Runs a TypeScript entry point to completion (e.g. the CLI), failing with its output. */
export function runChild(entry: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", entry, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: "pipe",
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${entry} ${args.join(" ")} failed (${code}):\n${output}`))));
  });
}

/**
 * A process's resident memory now and its peak (VmRSS, VmHWM from /proc, Linux only). `resetPeak`
 * starts the peak afresh (clear_refs 5), so a later read covers only what ran in between.
 */
export function processMemory(pid: number, options: { resetPeak?: boolean } = {}): { rssMb: number; peakRssMb: number } {
  if (options.resetPeak) fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"))?.[1] ?? 0);
  return { rssMb: Math.round(kb("VmRSS") / 1024), peakRssMb: Math.round(kb("VmHWM") / 1024) };
}
