import { sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { DataVersionWatch } from "../cache/data-version-watch.ts";
import { type Db, queryRows } from "../db/client.ts";
import type { DbOrTx } from "../events/event-record.ts";

/**
 * Values derived from the public data (site data, the programme index) kept in memory per
 * database handle until `data_version` moves. The version is read before the value is loaded, so
 * a kept value is never older than the version it is filed under; it may be newer, which only
 * costs one reload at the next change. Triggers bump the version on every public table
 * (migrations 0002/0004), so a change made by any instance, the CLI or plain SQL is seen by the
 * next request here without the response cache, and within its polling interval with it.
 */
export type VersionedDb = { db: Db; version: number };

const memos = new WeakMap<Db, Map<string, { version: number; value: Promise<unknown> }>>();

const watches = new WeakMap<Db, Set<DataVersionWatch>>();

/**
 * Lets readDataVersion answer from the response cache's watch (polled every 500 ms, re-read after
 * every write request on this instance) while it is fresh: the same staleness bound as the cache.
 * Several app instances in one process (tests) may share a database: the newest version of any
 * fresh watch counts, so no instance renders data older than its own cache's version.
 */
export function shareDataVersionWatch(db: Db, watch: DataVersionWatch): void {
  const set = watches.get(db) ?? new Set();
  set.add(watch);
  watches.set(db, set);
}

/** The current data version: the shared watches' while fresh, else one primary-key lookup. */
export async function readDataVersion(db: DbOrTx): Promise<number> {
  let newest: number | undefined;
  const now = Date.now();
  const shared = isRootDb(db) ? watches.get(db) : undefined;
  for (const watch of shared ?? []) {
    if (watch.current && watch.fresh(now)) newest = Math.max(newest ?? 0, watch.current.version);
  }
  if (newest !== undefined) return newest;
  const [row] = await queryRows<{ version: number }>(db, sql`select version::float8 as version from data_version where id = 1`);
  return Number(row?.version ?? 0);
}

/** False inside a transaction, which may see its own uncommitted writes: nothing derived from it may be kept. */
export function isRootDb(db: DbOrTx): db is Db {
  return !(db instanceof PgTransaction);
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
