import { sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import { type Db, queryRows } from "../db/client.ts";
import type { DbOrTx } from "../events/event-record.ts";

/**
 * Values derived from the public data (site data, the programme index) kept in memory per
 * database handle until `data_version` moves. The version is read before the value is loaded, so
 * a kept value is never older than the version it is filed under; it may be newer, which only
 * costs one reload at the next change. Triggers bump the version on every public table
 * (migrations 0002/0004), so a change made by any instance, the CLI or plain SQL is seen by the
 * next request here, whether or not the response cache is on.
 */
export type VersionedDb = { db: Db; version: number };

const memos = new WeakMap<Db, Map<string, { version: number; value: Promise<unknown> }>>();

/** The current data version, read with one primary-key lookup. */
export async function readDataVersion(db: DbOrTx): Promise<number> {
  const [row] = await queryRows<{ version: number }>(db, sql`select version::float8 as version from data_version where id = 1`);
  return Number(row?.version ?? 0);
}

/** A transaction may see its own uncommitted writes: nothing derived from it may be kept. */
export function isTransaction(db: DbOrTx): boolean {
  return db instanceof PgTransaction;
}

/**
 * The value filed under `key` for this version, loading it (once, however many ask at the same
 * time) when the version moved. A failed load is not kept.
 */
export function memoForVersion<T>(at: VersionedDb, key: string, load: (db: Db) => Promise<T>): Promise<T> {
  let byKey = memos.get(at.db);
  if (!byKey) {
    byKey = new Map();
    memos.set(at.db, byKey);
  }
  const kept = byKey.get(key);
  if (kept && kept.version >= at.version) return kept.value as Promise<T>;
  const value = load(at.db);
  const entry = { version: at.version, value };
  byKey.set(key, entry);
  value.catch(() => {
    if (byKey.get(key) === entry) byKey.delete(key);
  });
  return value;
}
