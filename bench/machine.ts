import { execFileSync } from "node:child_process";
import os from "node:os";

export type Machine = { cpu: string; cores: number; ramGiB: number; node: string; os: string; lscpu?: string };

/** The 1-minute load average: on a shared machine it says how much else was running. */
export const loadAverage = () => Math.round((os.loadavg()[0] ?? 0) * 100) / 100;

/** What the figures were measured on (docs/PERFORMANCE.md cites it). */
export function describeMachine(): Machine {
  const cpus = os.cpus();
  let lscpu: string | undefined;
  try {
    const text = execFileSync("lscpu", { encoding: "utf8" });
    lscpu = /^Model name:\s*(.+)$/m.exec(text)?.[1]?.trim();
  } catch {
    lscpu = undefined;
  }
  return {
    cpu: lscpu ?? cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    ...(lscpu ? { lscpu } : {}),
  };
}
