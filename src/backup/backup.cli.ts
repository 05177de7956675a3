import type { Command } from "commander";
import { loadConfig } from "../config.ts";
import type { Database } from "../db/client.ts";
import { openFileStore } from "../storage/open-file-store.ts";
import type { BackupManifest } from "./backup-manifest.ts";
import { createProgress } from "./backup-progress.ts";
import { restoreBackup } from "./restore-backup.ts";
import { writeBackup } from "./write-backup.ts";

type WithDatabase = <T>(run: (database: Database) => Promise<T>) => Promise<T>;

const summary = (m: BackupManifest) =>
  `${m.tables.length} tables, ${m.tables.reduce((sum, t) => sum + t.rows, 0)} rows, ${m.uploads.files} uploads (${m.uploads.bytes} bytes)`;

/** `backup FILE` and `restore FILE [--force]` (PRODUCT §9; README "Backup and restore"). */
export function registerBackupCommands(program: Command, withDatabase: WithDatabase): void {
  program
    .command("backup")
    .description("write the database and the uploads into one file (consistent while the site runs, on PostgreSQL)")
    .argument("<file>", "the backup file to write (.tar.gz); must not exist")
    .action((file: string) =>
      withDatabase(async (database) => {
        const manifest = await writeBackup({
          database,
          store: openFileStore(loadConfig()),
          file,
          progress: (total) => createProgress("backup", total),
        });
        console.log(`Backup written to ${file}: ${summary(manifest)}.`);
      }),
    );

  program
    .command("restore")
    .description("restore a backup into the configured database and DATA_DIR")
    .argument("<file>", "a file written by `backup`")
    .option("--force", "replace a database and uploads that already hold data")
    .action((file: string, options: { force?: boolean }) =>
      withDatabase(async (database) => {
        const manifest = await restoreBackup({
          database,
          store: openFileStore(loadConfig()),
          file,
          force: options.force === true,
          progress: (total) => createProgress("restore", total),
        });
        console.log(`Restored ${file} (taken ${manifest.createdAt}): ${summary(manifest)}.`);
      }),
    );
}
