import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { type SQL, sql } from "drizzle-orm";
import tar from "tar-stream";
import { type Database, queryRows } from "../db/client.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { type FileStore, type StoredFile, UPLOADS } from "../storage/file-store.ts";
import { BackupManifest, MANIFEST_ENTRY, tableEntry, UPLOADS_PREFIX } from "./backup-manifest.ts";
import { type Progress, silentProgress } from "./backup-progress.ts";
import { type BackupTable, listBackupTables, readMigrationState, readSequences } from "./backup-tables.ts";

const FETCH_ROWS = 1000;

/**
 * Writes the whole site into one file: every table's rows as JSON lines, read in one repeatable-read,
 * read-only transaction (one snapshot, so it is consistent while the site serves and writes), and the
 * uploads of the file store (DATA_DIR or the bucket); gzip-compressed tar with manifest.json first. Written beside `file` and renamed
 * at the end, so a failed run leaves no partial backup under the name.
 */
export async function writeBackup(input: {
  database: Database;
  store: FileStore;
  file: string;
  progress?: (total: number) => Progress;
}): Promise<BackupManifest> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), "cw-backup-"));
  const partial = `${input.file}.partial-${process.pid}`;
  try {
    const snapshot = await input.database.db.transaction((tx) => dumpTables(tx, work, input.progress), {
      isolationLevel: "repeatable read",
      accessMode: "read only",
    });
    const uploads = await input.store.list(UPLOADS);
    const manifest: BackupManifest = BackupManifest.parse({
      format: "clusterwoche-backup",
      formatVersion: 1,
      createdAt: new Date().toISOString(),
      source: input.database.kind,
      ...snapshot,
      uploads: { files: uploads.length, bytes: uploads.reduce((sum, f) => sum + f.size, 0) },
    });
    await pack(manifest, work, input.store, uploads, partial);
    await fs.rename(partial, input.file);
    return manifest;
  } finally {
    await fs.rm(work, { recursive: true, force: true });
    await fs.rm(partial, { force: true });
  }
}

async function dumpTables(tx: DbOrTx, work: string, progressOf?: (total: number) => Progress) {
  const tables = await listBackupTables(tx);
  const counts = new Map<string, number>();
  for (const table of tables) counts.set(table.name, await countRows(tx, table));
  const progress = progressOf?.([...counts.values()].reduce((a, b) => a + b, 0)) ?? silentProgress;
  const dumped: { name: string; columns: string[]; rows: number }[] = [];
  for (const table of tables) {
    const rows = await dumpTable(tx, table, path.join(work, `${table.name}.jsonl`), (n) => progress.advance(n, table.name));
    dumped.push({ name: table.name, columns: table.columns, rows });
  }
  progress.done();
  return { migrations: await readMigrationState(tx), tables: dumped, sequences: await readSequences(tx) };
}

async function countRows(tx: DbOrTx, table: BackupTable): Promise<number> {
  const [row] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ${sql.identifier(table.name)}`);
  return Number(row?.n ?? 0);
}

const identifiers = (names: string[]): SQL =>
  sql.join(
    names.map((n) => sql.identifier(n)),
    sql`, `,
  );

/** The table's rows in key order through a cursor (bounded memory), one JSON object a line. */
async function dumpTable(tx: DbOrTx, table: BackupTable, file: string, advance: (rows: number) => void): Promise<number> {
  const order = table.key.length > 0 ? sql` order by ${identifiers(table.key)}` : sql``;
  await tx.execute(
    sql`declare cw_backup no scroll cursor for
        select row_to_json(r)::text as j from (select ${identifiers(table.columns)} from ${sql.identifier(table.name)}${order}) r`,
  );
  const out = createWriteStream(file);
  let rows = 0;
  try {
    for (;;) {
      const batch = await queryRows<{ j: string }>(tx, sql.raw(`fetch forward ${FETCH_ROWS} from cw_backup`));
      if (batch.length === 0) break;
      const chunk = `${batch.map((r) => r.j).join("\n")}\n`;
      if (!out.write(chunk)) await new Promise((resolve) => out.once("drain", resolve));
      rows += batch.length;
      advance(batch.length);
    }
  } finally {
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    await tx.execute(sql`close cw_backup`);
  }
  return rows;
}

async function pack(manifest: BackupManifest, work: string, store: FileStore, uploads: StoredFile[], file: string): Promise<void> {
  const archive = tar.pack();
  const out = createWriteStream(file, { flags: "wx" });
  const written = new Promise<void>((resolve, reject) => {
    out.on("finish", resolve).on("error", reject);
    archive.on("error", reject);
  });
  archive.pipe(zlib.createGzip({ level: 6 })).pipe(out);
  // tar-stream's entries are streamx streams: piped into, their callback says when they are complete.
  const addStream = (name: string, source: NodeJS.ReadableStream, size: number) =>
    new Promise<void>((resolve, reject) => {
      const entry = archive.entry({ name, size, mode: 0o644 }, (error) => (error ? reject(error) : resolve()));
      source.on("error", reject).pipe(entry);
    });
  const addFile = (name: string, source: string, size: number) => addStream(name, createReadStream(source), size);
  try {
    archive.entry({ name: MANIFEST_ENTRY }, `${JSON.stringify(manifest, null, 2)}\n`);
    for (const table of manifest.tables) {
      const source = path.join(work, `${table.name}.jsonl`);
      await addFile(tableEntry(table.name), source, (await fs.stat(source)).size);
    }
    for (const upload of uploads) {
      const stored = await store.read(upload.key);
      if (!stored) throw new Error(`The upload ${upload.key} disappeared while the backup was written.`);
      await addStream(UPLOADS_PREFIX + upload.key.slice(UPLOADS.length), stored.body, stored.size);
    }
    archive.finalize();
  } catch (error) {
    archive.destroy(error as Error);
  }
  await written;
}
