import fs from "node:fs";
import path from "node:path";
import { type SQL, sql } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";
import { lockDataDir, prepareDataDir, StartupError } from "./data-dir.ts";
import { listenPostgres, type Unlisten } from "./listen.ts";
import * as schema from "./schema/index.ts";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** How schema keys become column names (titleDe → title_de), for both drivers and insertJsonRows. */
export const DB_CASING = "snake_case";

export type Database = {
  kind: "pglite" | "postgres";
  db: Db;
  /** Applies pending migrations (one instance at a time on PostgreSQL). */
  migrate(): Promise<void>;
  /** Throws when the database cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the whole data folder as a tar, to start copies from (tests, backups). */
  dump?: () => Promise<Blob>;
  /**
   * Calls `onNotify` on every NOTIFY on `channel` (committed transactions only), and after a lost
   * connection came back; the returned function stops it.
   */
  listen(channel: string, onNotify: () => void): Promise<Unlisten>;
  /** PostgreSQL only: connections of the pool (metrics). */
  poolStats?: () => { total: number; idle: number; waiting: number };
};

const migrationsFolder = new URL("./migrations", import.meta.url).pathname;

/**
 * Opens PGlite on a folder (or in memory, or from a dump) with the extensions the schema needs.
 * PGlite is loaded only here: a process on PostgreSQL never loads it (about 45 MB of RSS).
 */
export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<Database> {
  const [{ PGlite }, { pg_trgm }, { unaccent }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
    import("@electric-sql/pglite/contrib/unaccent"),
    import("drizzle-orm/pglite"),
    import("drizzle-orm/pglite/migrator"),
  ]);
  const client = await PGlite.create({ ...options, extensions: { pg_trgm, unaccent } });
  const db = drizzlePglite(client, { schema, casing: DB_CASING }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
    ping: async () => {
      await client.query("select 1");
    },
    close: () => client.close(),
    listen: async (channel, onNotify) => {
      const unlisten = await client.listen(channel, () => onNotify());
      return () => (client.closed ? Promise.resolve() : unlisten());
    },
    dump: async () => client.dumpDataDir("none"),
  };
}

/** Opens a pool on a PostgreSQL server. */
export function openPostgres(connectionString: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString, max: poolSize, connectionTimeoutMillis: 5000 });
  pool.on("error", () => {}); // idle client errors surface on the next query; /readyz reports them
  const db = drizzleNodePg(pool, { schema, casing: DB_CASING }) as unknown as Db;
  const listeners = new Set<Unlisten>();
  return {
    kind: "postgres",
    db,
    migrate: async () => {
      const client = await pool.connect();
      try {
        await client.query("select pg_advisory_lock(424242)");
        await migrateNodePg(drizzleNodePg(client), { migrationsFolder });
      } finally {
        await client.query("select pg_advisory_unlock(424242)").catch(() => {});
        client.release();
      }
    },
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: async () => {
      await Promise.all([...listeners].map((unlisten) => unlisten()));
      await pool.end();
    },
    listen: async (channel, onNotify) => {
      const unlisten = await listenPostgres(connectionString, channel, onNotify);
      const stop = async () => {
        listeners.delete(stop);
        await unlisten();
      };
      listeners.add(stop);
      return stop;
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  };
}

/**
 * The database the configuration names: PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR.
 * `whenNew` may fill a fresh embedded database folder before it is opened (under the lock): the first
 * start copies the prepared demo there instead of running initdb.
 */
export async function openDatabase(
  config: { databaseUrl?: string | undefined; dataDir: string },
  options: { whenNew?: (pgliteDir: string) => Promise<void> } = {},
): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  const pgliteDir = prepareDataDir(config.dataDir);
  const unlock = lockDataDir(config.dataDir);
  try {
    if (options.whenNew && !fs.existsSync(path.join(pgliteDir, "PG_VERSION"))) await options.whenNew(pgliteDir);
    const database = await openPglite({ dataDir: pgliteDir });
    return {
      ...database,
      close: async () => {
        await database.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    if (error instanceof StartupError) throw error;
    throw new StartupError(`Could not open the embedded database in ${pgliteDir}: ${(error as Error).message}`);
  }
}

/**
 * Runs raw SQL and returns its rows. Both drivers answer `{ rows }`; the shared Db type cannot
 * say so, hence the one cast here rather than at every call site.
 */
export async function queryRows<T>(db: Pick<Db, "execute">, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
