import { AsyncLocalStorage } from "node:async_hooks";
import type { Db } from "../db/client.ts";
import type { VersionedDb } from "./data-version.ts";

/**
 * Values derived from the public data that are costly to load but cheap to bring up to date (the
 * programme index): kept per database handle, and when `data_version` moves, updated from the
 * version kept instead of loaded again. While an update runs, a render the public cache watches
 * (see `watchRender`) is handed the previous version at once instead of waiting; the cache then
 * knows the render is older than the version it asked for and does not keep it as fresh. Any other
 * reader (no cache, the CLI, tests) waits for the update, as it has no other way to stay fresh.
 */
export type Versioned = { version: number };

export type Loaders<T extends Versioned> = {
  /** From scratch (the first time). */
  build: (db: Db) => Promise<T>;
  /** The next version from the newest kept one (which it must leave unchanged). */
  update: (db: Db, current: T) => Promise<T>;
};

type Entry<T extends Versioned> = {
  loaders: Loaders<T>;
  current: T | undefined;
  running: Promise<T> | undefined;
  /** The newest version anybody asked for. */
  wanted: number;
};

const kept = new WeakMap<Db, Map<string, Entry<Versioned>>>();

/** What a watched render was handed: the oldest version of anything older than it asked for. */
export type RenderVersions = { oldest: number | undefined };

const renders = new AsyncLocalStorage<RenderVersions>();

/** Runs `fn` (and everything it starts) as a render whose stale reads are recorded in `versions`. */
export function watchRender<R>(versions: RenderVersions, fn: () => R): R {
  return renders.run(versions, fn);
}

/** Updates that gave up: the error goes to the next reader that waits; the kept version stays. */
const MAX_ROUNDS = 3;

function catchUp<T extends Versioned>(db: Db, entry: Entry<T>): Promise<T> {
  entry.running ??= (async () => {
    try {
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const next = entry.current ? await entry.loaders.update(db, entry.current) : await entry.loaders.build(db);
        entry.current = next;
        if (next.version >= entry.wanted) break;
      }
      return entry.current as T;
    } finally {
      entry.running = undefined;
    }
  })();
  return entry.running;
}

/**
 * The value filed under `key` for at least this version; when the kept one is older, an update
 * starts (one at a time) and a watched render gets the kept one meanwhile.
 */
export function keptUpToDate<T extends Versioned>(at: VersionedDb, key: string, loaders: Loaders<T>): Promise<T> {
  let byKey = kept.get(at.db);
  if (!byKey) {
    byKey = new Map();
    kept.set(at.db, byKey);
  }
  let entry = byKey.get(key) as Entry<T> | undefined;
  if (!entry) {
    entry = { loaders, current: undefined, running: undefined, wanted: 0 };
    byKey.set(key, entry as unknown as Entry<Versioned>);
  }
  const { current } = entry;
  if (current && current.version >= at.version) return Promise.resolve(current);
  entry.wanted = Math.max(entry.wanted, at.version);
  const next = catchUp(at.db, entry);
  const render = renders.getStore();
  if (current && render) {
    next.catch(() => {});
    render.oldest = Math.min(render.oldest ?? current.version, current.version);
    return Promise.resolve(current);
  }
  return next;
}

/**
 * Brings every value kept for this database up to `version` (on a data change: in the background;
 * after a write on this instance: awaited before the response leaves, so the author's next page is
 * fresh — read-your-writes). Failures are left to the next reader.
 */
export async function updateKept(db: Db, version: number): Promise<void> {
  const byKey = kept.get(db);
  if (!byKey) return;
  const updates: Promise<unknown>[] = [];
  for (const entry of byKey.values()) {
    if (!entry.current || entry.current.version >= version) continue;
    entry.wanted = Math.max(entry.wanted, version);
    updates.push(catchUp(db, entry).catch(() => {}));
  }
  await Promise.all(updates);
}
