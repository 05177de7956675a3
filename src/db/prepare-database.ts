import { seedDemoReports } from "../reports/demo-reports.ts";
import type { FileStore } from "../storage/file-store.ts";
import type { Database } from "./client.ts";
import { type DemoAccount, demoAccounts, seedDemoUsers } from "./seed/demo/demo-users.ts";
import { seedDemo } from "./seed/demo/seed-demo.ts";
import { ensureReferenceData } from "./seed/reference-data.ts";

/**
 * Brings a database up to date: migrations, reference data, and the demo editions and accounts when
 * SEED=demo. `now` is the day the upcoming demo edition is planned from (the app's clock; tests pin it).
 * Returns the demo accounts created now, to print once (`demoAccounts: false`: none, for the test template).
 * With a file store (the server's) it also seeds the demo reports' pictures and press release; the test
 * template passes none, so test databases keep the demo without reports and each test app's store stays empty.
 * `fromPreparedDemo`: the database is a copy of the prepared demo (server.ts), which holds everything but the
 * upcoming edition; its accounts are returned to print.
 */
export async function prepareDatabase(
  database: Database,
  options: { seed: "demo" | "none"; now?: Date; demoAccounts?: boolean; store?: FileStore; fromPreparedDemo?: boolean },
): Promise<{ seeded: boolean; accounts: DemoAccount[] }> {
  await database.migrate();
  await ensureReferenceData(database.db);
  if (options.seed !== "demo") return { seeded: false, accounts: [] };
  const now = options.now ? { now: options.now } : {};
  if (options.fromPreparedDemo) {
    // A copy of the prepared demo (seed/demo/prepared-demo.ts) holds the rest: only the edition planned from today is missing.
    await seedDemo(database.db, { ...now, part: "upcoming" });
    return { seeded: true, accounts: options.demoAccounts === false ? [] : demoAccounts() };
  }
  const result = await seedDemo(database.db, now);
  const accounts = options.demoAccounts === false ? [] : await seedDemoUsers(database.db);
  if (options.store) await seedDemoReports(database.db, options.store);
  return { seeded: result.events > 0, accounts };
}
