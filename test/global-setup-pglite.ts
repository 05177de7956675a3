import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openPglite } from "../src/db/client.ts";
import { buildTemplate } from "./template.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}

/** Builds one migrated, seeded PGlite per run and dumps it; each test file loads the dump (≈1 s instead of initdb). */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(process.cwd(), ".tmp-test-"));
  const file = path.join(dir, "template.tar");
  const database = await openPglite();
  await buildTemplate(database);
  if (!database.dump) throw new Error("PGlite database without dump()");
  const blob = await database.dump();
  fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  await database.close();
  project.provide("pgliteTemplate", file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
