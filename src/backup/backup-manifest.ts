import { z } from "zod";
import { StartupError } from "../db/data-dir.ts";

/** Names inside the archive: manifest first, then one JSON-lines file per table, then the uploads. */
export const MANIFEST_ENTRY = "manifest.json";
export const tableEntry = (table: string) => `database/${table}.jsonl`;
export const UPLOADS_PREFIX = "uploads/";

/** manifest.json of a backup archive (a gzip-compressed tar). */
export const BackupManifest = z.object({
  format: z.literal("clusterwoche-backup"),
  formatVersion: z.literal(1),
  createdAt: z.string(),
  source: z.enum(["pglite", "postgres"]),
  /** drizzle's migration journal at the time: a backup restores into the same schema only. */
  migrations: z.object({ count: z.number().int(), last: z.string() }),
  tables: z.array(z.object({ name: z.string(), columns: z.array(z.string()), rows: z.number().int() })),
  sequences: z.array(z.object({ name: z.string(), lastValue: z.number(), isCalled: z.boolean() })),
  uploads: z.object({ files: z.number().int(), bytes: z.number().int() }),
});
export type BackupManifest = z.infer<typeof BackupManifest>;

/** A backup file that cannot be restored here, or a target that must not be overwritten; the CLI prints the message. */
export class BackupError extends StartupError {}
