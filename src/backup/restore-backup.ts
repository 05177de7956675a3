import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import zlib from "node:zlib";
import { sql } from "drizzle-orm";
import tar from "tar-stream";
import { type Database, queryRows } from "../db/client.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { type FileStore, isSafeKey, UPLOADS } from "../storage/file-store.ts";
import { BackupError, BackupManifest, MANIFEST_ENTRY, tableEntry, UPLOADS_PREFIX } from "./backup-manifest.ts";
import { type Progress, silentProgress } from "./backup-progress.ts";
import { type BackupTable, listBackupTables, readMigrationState } from "./backup-tables.ts";

const INSERT_ROWS = 500;
/** Larger than any upload the app writes (images and PDFs are at most 10 MB; import limits are separate). */
const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

/** An archive entry's content (tar-stream's entries are streamx streams, async-iterable like Node's). */
type EntryStream = AsyncIterable<unknown>;

function bytes(chunk: unknown): Buffer {
  if (!Buffer.isBuffer(chunk)) throw new BackupError("The backup could not be read (an entry yielded no bytes).");
  return chunk;
}

/**
 * Restores a backup into the configured database and file store: migrates, refuses a target that
 * holds data (or uploads) unless `force`, then in one transaction empties every table and inserts the
 * rows (user triggers off, so the rows come back exactly as saved; foreign keys checked) and sets the
 * sequences; the uploads are written to the store as they come, and the ones the backup does not hold
 * are removed after the commit. Any failure rolls the rows back and removes the uploads it added, so
 * the store holds what it held before (upload names are random: an existing name has the same bytes).
 */
export async function restoreBackup(input: {
  database: Database;
  store: FileStore;
  file: string;
  force: boolean;
  progress?: (total: number) => Progress;
}): Promise<BackupManifest> {
  await fs.access(input.file).catch(() => {
    throw new BackupError(`Cannot read ${input.file}.`);
  });
  await input.database.migrate();
  const db = input.database.db;
  const before = new Set((await input.store.list(UPLOADS)).map((f) => f.key));
  if (!input.force) {
    const holds = await targetHolds(db, before.size);
    if (holds)
      throw new BackupError(
        `The target is not empty (${holds}). Restore into a fresh database and DATA_DIR, or add --force to replace everything.`,
      );
  }
  const written = new Set<string>();
  const uploads = { store: input.store, written };
  let manifest: BackupManifest;
  try {
    manifest = await db.transaction((tx) => restoreArchive(tx, input.file, uploads, input.progress));
  } catch (error) {
    for (const key of written) if (!before.has(key)) await input.store.delete(key).catch(() => undefined);
    throw error;
  }
  for (const key of before) if (!written.has(key)) await input.store.delete(key);
  return manifest;
}

/** What makes the target not empty, or null: content rows (reference data alone is replaced freely) or uploads. */
async function targetHolds(db: DbOrTx, files: number): Promise<string | null> {
  const [row] = await queryRows<{ editions: number; organisations: number; events: number; users: number }>(
    db,
    sql`select (select count(*) from edition)::int as editions, (select count(*) from organisation)::int as organisations,
               (select count(*) from event)::int as events, (select count(*) from "user")::int as users`,
  );
  const found = Object.entries(row ?? {})
    .filter(([, n]) => Number(n) > 0)
    .map(([what, n]) => `${n} ${what}`);
  if (files > 0) found.push(`${files} uploads`);
  return found.length > 0 ? found.join(", ") : null;
}

async function restoreArchive(
  tx: DbOrTx,
  file: string,
  uploads: { store: FileStore; written: Set<string> },
  progressOf?: (total: number) => Progress,
): Promise<BackupManifest> {
  const extract = tar.extract();
  const source = createReadStream(file);
  const gunzip = zlib.createGunzip();
  const failed = new Promise<never>((_, reject) => {
    for (const stream of [source, gunzip])
      stream.on("error", (error) => reject(new BackupError(`Cannot read the backup: ${error.message}`)));
  });
  failed.catch(() => {});
  source.pipe(gunzip).pipe(extract);
  let manifest: BackupManifest | undefined;
  let targetTables = new Map<string, BackupTable>();
  let progress = silentProgress;
  const restored = new Set<string>();
  let uploadFiles = 0;
  const entries = (async () => {
    for await (const entry of extract) {
      const name = entry.header.name;
      if (!manifest) {
        if (name !== MANIFEST_ENTRY) throw new BackupError(`Not a Clusterwoche backup: ${MANIFEST_ENTRY} is not its first entry.`);
        manifest = await readManifest(entry);
        targetTables = await prepareTarget(tx, manifest);
        progress = progressOf?.(manifest.tables.reduce((sum, t) => sum + t.rows, 0) + manifest.uploads.files) ?? silentProgress;
      } else if (name.startsWith("database/")) {
        const table = manifest.tables.find((t) => tableEntry(t.name) === name);
        const target = table && targetTables.get(table.name);
        if (!table || !target || restored.has(table.name)) throw new BackupError(`Unexpected entry ${name} in the backup.`);
        const rows = await insertRows(tx, { ...table, deferred: target.deferred }, entry, (n) => progress.advance(n, table.name));
        if (rows !== table.rows) throw new BackupError(`${name} holds ${rows} rows, the manifest says ${table.rows}.`);
        restored.add(table.name);
      } else if (name.startsWith(UPLOADS_PREFIX) && entry.header.type === "file") {
        const relative = name.slice(UPLOADS_PREFIX.length);
        const key = UPLOADS + relative;
        if (!isSafeKey(key)) throw new BackupError(`Refusing the upload path ${JSON.stringify(name)}.`);
        if (uploads.written.has(key)) throw new BackupError(`The backup holds ${name} twice.`);
        uploads.written.add(key);
        await uploads.store.put(key, await readEntry(entry, MAX_UPLOAD_BYTES, name));
        uploadFiles += 1;
        progress.advance(1, "uploads");
      } else {
        throw new BackupError(`Unexpected entry ${JSON.stringify(name)} in the backup.`);
      }
    }
  })();
  try {
    await Promise.race([entries, failed]);
  } finally {
    source.destroy();
  }
  if (!manifest) throw new BackupError("The backup is empty.");
  const missing = manifest.tables.filter((t) => !restored.has(t.name)).map((t) => t.name);
  if (missing.length > 0) throw new BackupError(`The backup is incomplete: no rows for ${missing.join(", ")}.`);
  if (uploadFiles !== manifest.uploads.files)
    throw new BackupError(`The backup holds ${uploadFiles} uploads, the manifest says ${manifest.uploads.files}.`);
  for (const table of targetTables.values()) await setDeferred(tx, table);
  for (const s of manifest.sequences) {
    await tx.execute(sql`select setval(quote_ident(${s.name})::regclass, ${s.lastValue}, ${s.isCalled})`);
  }
  for (const table of targetTables.values()) await tx.execute(sql`alter table ${sql.identifier(table.name)} enable trigger user`);
  // Triggers were off: tell every running instance that the data changed.
  await tx.execute(sql`select pg_notify('cw_data_version', '')`);
  progress.done();
  return manifest;
}

async function readManifest(entry: EntryStream): Promise<BackupManifest> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of entry) {
    size += bytes(chunk).length;
    if (size > 10 * 1024 * 1024) throw new BackupError("manifest.json is larger than 10 MB.");
    chunks.push(bytes(chunk));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new BackupError("manifest.json is not JSON.");
  }
  const result = BackupManifest.safeParse(parsed);
  if (!result.success)
    throw new BackupError(`manifest.json is not a Clusterwoche backup manifest: ${result.error.issues[0]?.message ?? ""}`);
  return result.data;
}

/** Checks the schema matches, switches user triggers off and empties every table. */
async function prepareTarget(tx: DbOrTx, manifest: BackupManifest): Promise<Map<string, BackupTable>> {
  const migrations = await readMigrationState(tx);
  if (migrations.count !== manifest.migrations.count || migrations.last !== manifest.migrations.last) {
    throw new BackupError(
      `The backup was taken at migration ${manifest.migrations.count}, this version of the app is at ${migrations.count}. ` +
        "Restore with the version that took it, then update.",
    );
  }
  const tables = await listBackupTables(tx);
  const byName = new Map(tables.map((t) => [t.name, t]));
  for (const t of manifest.tables) {
    const target = byName.get(t.name);
    const unknown = target ? t.columns.filter((c) => !target.columns.includes(c)) : [];
    if (!target || unknown.length > 0) throw new BackupError(`The backup's table ${t.name} does not match this database's schema.`);
  }
  for (const t of tables) await tx.execute(sql`alter table ${sql.identifier(t.name)} disable trigger user`);
  await tx.execute(
    sql`truncate table ${sql.join(
      tables.map((t) => sql.identifier(t.name)),
      sql`, `,
    )} restart identity cascade`,
  );
  return byName;
}

const deferredTable = (table: string) => sql.identifier(`cw_restore_${table}`);

/**
 * JSON lines → rows, a few hundred per statement, typed by the table's own row type. Deferred
 * columns (backup-tables.ts) go in as null and, with the key, into a temporary table for setDeferred.
 */
async function insertRows(
  tx: DbOrTx,
  table: { name: string; columns: string[]; deferred: string[] },
  entry: EntryStream,
  advance: (rows: number) => void,
): Promise<number> {
  const list = (names: string[]) =>
    sql.join(
      names.map((c) => sql.identifier(c)),
      sql`, `,
    );
  const columns = list(table.columns);
  const values = sql.join(
    table.columns.map((c) => (table.deferred.includes(c) ? sql`null` : sql.identifier(c))),
    sql`, `,
  );
  const keyAndDeferred = table.deferred.length > 0 ? await createDeferredTable(tx, table.name, table.deferred) : undefined;
  let batch: string[] = [];
  let rows = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const json = `[${batch.join(",")}]`;
    await tx.execute(
      sql`insert into ${sql.identifier(table.name)} (${columns})
          select ${values} from json_populate_recordset(null::${sql.identifier(table.name)}, ${json}::json)`,
    );
    if (keyAndDeferred) {
      await tx.execute(
        sql`insert into ${deferredTable(table.name)}
            select ${list(keyAndDeferred)} from json_populate_recordset(null::${sql.identifier(table.name)}, ${json}::json)`,
      );
    }
    rows += batch.length;
    advance(batch.length);
    batch = [];
  };
  let rest = "";
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for await (const chunk of entry) {
    const lines = (rest + decoder.decode(bytes(chunk), { stream: true })).split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) {
      if (line === "") continue;
      batch.push(line);
      if (batch.length >= INSERT_ROWS) await flush();
    }
  }
  rest += decoder.decode();
  if (rest.trim() !== "") batch.push(rest);
  await flush();
  return rows;
}

/** A temporary table (dropped at commit) for the key and deferred columns; returns their names. */
async function createDeferredTable(tx: DbOrTx, table: string, deferred: string[]): Promise<string[]> {
  const [row] = await queryRows<{ key: string[] }>(
    tx,
    sql`select array(select a.attname::text from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                     where i.indrelid = ${table}::regclass and i.indisprimary) as key`,
  );
  const key = row?.key ?? [];
  if (key.length === 0) throw new BackupError(`Table ${table} has deferred references but no primary key.`);
  const names = [...key, ...deferred];
  await tx.execute(
    sql`create temporary table ${deferredTable(table)} on commit drop as
        select ${sql.join(
          names.map((c) => sql.identifier(c)),
          sql`, `,
        )} from ${sql.identifier(table)} with no data`,
  );
  return names;
}

/** Sets the deferred columns once every row they may point at is in. */
async function setDeferred(tx: DbOrTx, table: BackupTable): Promise<void> {
  if (table.deferred.length === 0 || table.key.length === 0) return;
  const exists = await queryRows<{ t: string | null }>(tx, sql`select to_regclass(${`pg_temp.cw_restore_${table.name}`})::text as t`);
  if (!exists[0]?.t) return; // the backup held no rows for it
  const d = deferredTable(table.name);
  const t = sql.identifier(table.name);
  await tx.execute(
    sql`update ${t} set ${sql.join(
      table.deferred.map((c) => sql`${sql.identifier(c)} = ${d}.${sql.identifier(c)}`),
      sql`, `,
    )} from ${d} where ${sql.join(
      table.key.map((c) => sql`${t}.${sql.identifier(c)} = ${d}.${sql.identifier(c)}`),
      sql` and `,
    )}`,
  );
}

/** An upload entry's bytes (at most `max`: our uploads are 10 MB at most, so a larger one is refused). */
async function readEntry(entry: EntryStream, max: number, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of entry) {
    size += bytes(chunk).length;
    if (size > max) throw new BackupError(`${name} is larger than ${max} bytes.`);
    chunks.push(bytes(chunk));
  }
  return Buffer.concat(chunks);
}
