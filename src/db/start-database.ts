import type { Config } from "../config.ts";
import type { FileStore } from "../storage/file-store.ts";
import { type Database, openDatabase } from "./client.ts";
import { prepareDatabase } from "./prepare-database.ts";
import type { DemoAccount } from "./seed/demo/demo-users.ts";
import {
  copyPreparedDemo,
  defaultCacheRoot,
  findPreparedDemo,
  finishPreparedDemo,
  preparedDemoPending,
} from "./seed/demo/prepared-demo.ts";

/**
 * The server's database at start: opened, migrated and, with SEED=demo, seeded. A fresh embedded
 * database is copied from the prepared demo when `npm install` built one for this code (issue #15.8:
 * no initdb, no row-by-row seed, no password hashing), and only the upcoming edition is seeded;
 * otherwise, and on PostgreSQL, it is seeded row by row. `usedPreparedDemo` says which.
 */
export async function startDatabase(
  config: Pick<Config, "databaseUrl" | "dataDir" | "seed">,
  store: FileStore,
  { cacheRoot = defaultCacheRoot, now }: { cacheRoot?: string; now?: Date } = {},
): Promise<{ database: Database; seeded: boolean; accounts: DemoAccount[]; usedPreparedDemo: boolean }> {
  const embeddedDemo = config.seed === "demo" && !config.databaseUrl;
  const demo = embeddedDemo ? findPreparedDemo(cacheRoot) : undefined;
  const database = await openDatabase(config, demo ? { whenNew: (pgliteDir) => copyPreparedDemo(demo, pgliteDir, store) } : {});
  try {
    const fromPreparedDemo = embeddedDemo && preparedDemoPending(config.dataDir);
    const { seeded, accounts } = await prepareDatabase(database, { seed: config.seed, store, fromPreparedDemo, ...(now ? { now } : {}) });
    if (fromPreparedDemo) finishPreparedDemo(config.dataDir);
    return { database, seeded, accounts, usedPreparedDemo: fromPreparedDemo };
  } catch (error) {
    await database.close();
    throw error;
  }
}
