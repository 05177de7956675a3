import type { Database } from "./client.ts";
import { seedDemo } from "./seed/demo/seed-demo.ts";
import { ensureReferenceData } from "./seed/reference-data.ts";

/** Brings a database up to date: migrations, reference data, and the demo edition when SEED=demo. */
export async function prepareDatabase(database: Database, options: { seed: "demo" | "none" }): Promise<{ seeded: boolean }> {
  await database.migrate();
  await ensureReferenceData(database.db);
  if (options.seed !== "demo") return { seeded: false };
  const result = await seedDemo(database.db);
  return { seeded: result.events > 0 };
}
