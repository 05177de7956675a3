import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from "@fastify/rate-limit";
import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/client.ts";

type Counted = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Counted) => void;

/**
 * @fastify/rate-limit's store in the database (table rate_limit_hit), so every instance on one
 * PostgreSQL counts the same hits: a fixed window per key, started by its first hit. One upsert
 * per hit; a row whose window has passed starts again at 1.
 */
export function databaseRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  let lastSweep = Date.now();
  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options?: FastifyRateLimitOptions,
      private readonly prefix = "",
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      increment(db, this.prefix + key, timeWindow).then((result) => callback(null, result), callback);
      if (Date.now() - lastSweep > sweepEveryMs) {
        lastSweep = Date.now();
        void sweep(db).catch(() => {}); // a failed sweep is retried next time; the counts stay right
      }
    }

    /** The count so far without adding a hit (`{ increment: false }`). */
    read(key: string, callback: Callback): void {
      peek(db, this.prefix + key).then((result) => callback(null, result), callback);
    }

    /**
     * Route limits count apart from each other: their keys are prefixed with the route. (The plugin
     * passes the merged limit options with the route under `routeInfo`, not what its types say.)
     */
    child(options: object): FastifyRateLimitStore {
      const route = "routeInfo" in options ? (options.routeInfo as { method?: unknown; url?: unknown }) : undefined;
      const prefix = route?.url ? `${String(route.method)} ${String(route.url)}|` : "";
      return new DatabaseRateLimitStore(undefined, prefix);
    }
  }
  return DatabaseRateLimitStore;
}

/** How often an instance deletes rows whose window has passed (they count as 0 anyway). */
const sweepEveryMs = 60_000;

async function sweep(db: Db): Promise<void> {
  await db.execute(sql`delete from rate_limit_hit where reset_at < clock_timestamp() - interval '1 minute'`);
}

async function increment(db: Db, key: string, windowMs: number): Promise<Counted> {
  const [row] = await queryRows<{ hits: number; ttl: number }>(
    db,
    sql`insert into rate_limit_hit as r (key, hits, reset_at)
        values (${key}, 1, clock_timestamp() + make_interval(secs => ${windowMs / 1000}))
        on conflict (key) do update set
          hits = case when r.reset_at <= clock_timestamp() then 1 else r.hits + 1 end,
          reset_at = case when r.reset_at <= clock_timestamp() then excluded.reset_at else r.reset_at end
        returning hits, greatest(0, extract(epoch from r.reset_at - clock_timestamp()) * 1000)::float8 as ttl`,
  );
  if (!row) throw new Error("rate_limit_hit: upsert returned no row");
  return { current: Number(row.hits), ttl: Math.ceil(Number(row.ttl)) };
}

async function peek(db: Db, key: string): Promise<Counted> {
  const [row] = await queryRows<{ hits: number; ttl: number }>(
    db,
    sql`select hits, (extract(epoch from reset_at - clock_timestamp()) * 1000)::float8 as ttl
        from rate_limit_hit where key = ${key} and reset_at > clock_timestamp()`,
  );
  return row ? { current: Number(row.hits), ttl: Math.ceil(Number(row.ttl)) } : { current: 0, ttl: 0 };
}
