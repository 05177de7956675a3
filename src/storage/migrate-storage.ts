import { buffer } from "node:stream/consumers";
import { type Progress, silentProgress } from "../backup/backup-progress.ts";
import { type FileStore, UPLOADS } from "./file-store.ts";

export class StorageMigrationError extends Error {}

export type MigrationCounts = { files: number; copied: number; skipped: number; bytes: number };

/**
 * Copies every upload from one store (the local DATA_DIR) to another (the bucket): files already
 * there with the same size are skipped, so a second run copies nothing and an interrupted run goes
 * on where it stopped; each copy is checked by reading its size back from the target.
 */
export async function migrateStorage(input: {
  from: FileStore;
  to: FileStore;
  progress?: (total: number) => Progress;
}): Promise<MigrationCounts> {
  const files = await input.from.list(UPLOADS);
  const progress = input.progress?.(files.length) ?? silentProgress;
  const counts: MigrationCounts = { files: files.length, copied: 0, skipped: 0, bytes: 0 };
  for (const file of files) {
    const there = await input.to.stat(file.key);
    if (there?.size === file.size) {
      counts.skipped++;
      progress.advance(1, "already there");
      continue;
    }
    const source = await input.from.read(file.key);
    if (!source) continue; // removed meanwhile (housekeeping): nothing to copy
    const data = await buffer(source.body);
    await input.to.put(file.key, data);
    const copied = await input.to.stat(file.key);
    if (copied?.size !== data.length) {
      throw new StorageMigrationError(`${file.key}: ${data.length} bytes copied, the target holds ${copied?.size ?? "none"}.`);
    }
    counts.copied++;
    counts.bytes += data.length;
    progress.advance(1, file.key);
  }
  progress.done();
  return counts;
}
