import { Command } from "commander";
import { registerUserCommand } from "./accounts/user.cli.ts";
import { registerBackupCommands } from "./backup/backup.cli.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { type Database, openDatabase } from "./db/client.ts";
import { StartupError } from "./db/data-dir.ts";
import { formatDemoAccounts, seedDemoUsers } from "./db/seed/demo/demo-users.ts";
import { seedDemo } from "./db/seed/demo/seed-demo.ts";
import { ensureReferenceData } from "./db/seed/reference-data.ts";
import { registerExportCommand } from "./feeds/export.cli.ts";
import { registerImportCommand } from "./imports/import.cli.ts";
import { seedDemoReports } from "./reports/demo-reports.ts";
import { openFileStore } from "./storage/open-file-store.ts";
import { registerStorageCommands } from "./storage/storage.cli.ts";

/** Opens the configured database for one command and always closes it (releasing the data-folder lock). */
async function withDatabase<T>(run: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(loadConfig());
  try {
    return await run(database);
  } finally {
    await database.close();
  }
}

const program = new Command("clusterwoche").description("Operator commands for Clusterwoche (PRODUCT §9)");

program
  .command("migrate")
  .description("apply pending database migrations")
  .action(() =>
    withDatabase(async (database) => {
      await database.migrate();
      await ensureReferenceData(database.db);
      console.log(`Migrations applied (${database.kind}).`);
    }),
  );

program
  .command("seed")
  .description("insert demo data")
  .option("--demo", "the demo editions 2017 and 2019 (archived), the upcoming one, and the demo accounts")
  .action((options: { demo?: boolean }) =>
    withDatabase(async (database) => {
      if (!options.demo) throw new StartupError("Say what to seed: seed --demo");
      await database.migrate();
      await ensureReferenceData(database.db);
      const result = await seedDemo(database.db);
      const accounts = await seedDemoUsers(database.db);
      const reports = await seedDemoReports(database.db, openFileStore(loadConfig()));
      if (reports.reports > 0) console.log(`Demo reports seeded: ${reports.reports} reports, ${reports.photos} pictures.`);
      console.log(
        result.events > 0
          ? `Demo data seeded: ${result.editions} editions, ${result.organisations} organisations, ${result.events} events, ${result.booths} booths.`
          : "Demo data is already there; nothing changed.",
      );
      if (accounts.length > 0) process.stdout.write(formatDemoAccounts(accounts));
    }),
  );

registerExportCommand(program, withDatabase);

registerImportCommand(program, withDatabase);

registerUserCommand(program, withDatabase);

registerBackupCommands(program, withDatabase);

registerStorageCommands(program);

program.parseAsync().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StartupError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
