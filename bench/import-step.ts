// One step of the import benchmark in a process of its own, so its peak RSS is that step's alone:
//   import-step.ts preview FILE ORG_ID YEAR   → {"ms", "cpuMs", "peakRssMb", "planId", "counts"}
//   import-step.ts confirm PLAN_ID            → {"ms", "cpuMs", "peakRssMb", "result"}
// cpuMs: user + system CPU time of this process during the step (the database server's work is not in it).
// The same verbs as the web import and the CLI (acting as the CLI's system actor), on the configured database.
import fs from "node:fs";
import { loadConfig } from "../src/config.ts";
import { openDatabase } from "../src/db/client.ts";
import { confirmImport } from "../src/imports/confirm-import.ts";
import { CLI_ACTOR_NAME } from "../src/imports/import.cli.ts";
import { planImport } from "../src/imports/plan-import.ts";
import { systemActor } from "../src/lib/actor.ts";

const [step, ...args] = process.argv.slice(2);
const database = await openDatabase(loadConfig());
const ctx = { db: database.db, actor: systemActor(CLI_ACTOR_NAME) };
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return Math.round((used.user + used.system) / 1000);
};
try {
  if (step === "preview") {
    const [file = "", organisationId = "", year = ""] = args;
    const bytes = fs.readFileSync(file);
    const started = performance.now();
    const cpu = process.cpuUsage();
    const plan = await planImport({
      ctx,
      input: { organisationId: Number(organisationId), year: Number(year), file: bytes, fileName: "bench.xlsx", importAs: "submitted" },
    });
    const ms = Math.round(performance.now() - started);
    console.log(JSON.stringify({ ms, cpuMs: cpuMsSince(cpu), peakRssMb: peakRssMb(), planId: plan.id, counts: plan.body.counts }));
  } else if (step === "confirm") {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = await confirmImport({ ctx, input: { planId: args[0] ?? "" } });
    const ms = Math.round(performance.now() - started);
    console.log(JSON.stringify({ ms, cpuMs: cpuMsSince(cpu), peakRssMb: peakRssMb(), result }));
  } else throw new Error(`unknown step ${step}`);
} finally {
  await database.close();
}
