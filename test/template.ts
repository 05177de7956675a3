import type { Database } from "../src/db/client.ts";
import { prepareDatabase } from "../src/db/prepare-database.ts";

/** What every test database starts from: migrated, reference data, demo editions. */
export async function buildTemplate(database: Database): Promise<void> {
  await prepareDatabase(database, { seed: "demo" });
}
