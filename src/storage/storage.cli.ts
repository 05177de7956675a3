import type { Command } from "commander";
import { createProgress } from "../backup/backup-progress.ts";
import { loadConfig } from "../config.ts";
import { StartupError } from "../db/data-dir.ts";
import { LocalFileStore } from "./local-file-store.ts";
import { migrateStorage } from "./migrate-storage.ts";
import { S3FileStore } from "./s3-file-store.ts";

/** `storage migrate`: copies DATA_DIR/uploads into the configured bucket (README "Object storage"). */
export function registerStorageCommands(program: Command): void {
  program
    .command("storage")
    .description("file storage (uploads)")
    .command("migrate")
    .description("copy the uploads of DATA_DIR into the S3 bucket (S3_*); idempotent, sizes verified")
    .action(async () => {
      const config = loadConfig();
      if (!config.s3)
        throw new StartupError(
          "storage migrate copies to object storage: set S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY.",
        );
      const to = new S3FileStore(config.s3);
      try {
        const counts = await migrateStorage({
          from: new LocalFileStore(config.dataDir),
          to,
          progress: (total) => createProgress("storage migrate", total),
        });
        console.log(
          `${counts.files} uploads in ${config.dataDir}: ${counts.copied} copied (${counts.bytes} bytes), ${counts.skipped} already in ${config.s3.bucket}.`,
        );
      } finally {
        to.client.destroy();
      }
    });
}
