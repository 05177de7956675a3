import { sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import { type Db, queryRows } from "../db/client.ts";
import { isDatabaseUnavailable } from "../db/database-error.ts";
import type { Unlisten } from "../db/listen.ts";

export type DataVersion = { version: number; changedAt: number };

/**
 * Follows the `data_version` row (bumped by triggers on every public table): re-read at once on
 * each NOTIFY the triggers send (`listen`), and with one primary-key read per interval as the
 * fallback (a lost connection, a proxy without LISTEN), so a change made through any instance, the
 * CLI or plain SQL is noticed here at once, or at worst within one interval. `fresh()` turns false
 * when checks stop succeeding: the cache must then not answer, as it can no longer tell whether
 * the data changed.
 */
export class DataVersionWatch {
  current: DataVersion | undefined;
  private lastCheckStarted = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private failing = false;
  /** The last check failed because the database could not be reached (not a query error). */
  unreachable = false;
  private unlisten: Unlisten | undefined;

  constructor(
    private readonly db: Db,
    private readonly options: {
      intervalMs: number;
      maxStaleMs: number;
      log: FastifyBaseLogger;
      onChange: (next: DataVersion) => void;
      /** Subscribes to the triggers' notifications; without it, polling alone. */
      listen?: (onNotify: () => void) => Promise<Unlisten>;
    },
  ) {}

  /** True while the last successful check started less than maxStaleMs ago. */
  fresh(now = Date.now()): boolean {
    return this.current !== undefined && now - this.lastCheckStarted < this.options.maxStaleMs;
  }

  async start(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => void this.check(), this.options.intervalMs);
    this.timer.unref();
    try {
      // A notification means a commit just happened: a read already in flight may predate it.
      this.unlisten = await this.options.listen?.(() => void this.refresh());
    } catch (error) {
      this.options.log.warn({ err: error }, "public cache: cannot LISTEN for data changes; polling only");
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.unlisten?.();
    this.unlisten = undefined;
    await this.running;
  }

  /** A read that starts now, after any in flight (which may predate a write just committed). */
  async refresh(): Promise<void> {
    await this.running;
    await this.check();
  }

  /** One read of the row; overlapping calls share the one in flight. */
  check(): Promise<void> {
    this.running ??= this.read().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async read(): Promise<void> {
    const started = Date.now();
    try {
      const [row] = await queryRows<{ version: number; changed_at: number }>(
        this.db,
        sql`select version::float8 as version, (extract(epoch from changed_at) * 1000)::float8 as changed_at
            from data_version where id = 1`,
      );
      if (!row) throw new Error("data_version has no row");
      const next = { version: Number(row.version), changedAt: Number(row.changed_at) };
      if (this.current?.version !== next.version) {
        this.current = next;
        this.options.onChange(next);
      }
      this.lastCheckStarted = started;
      if (this.failing) this.options.log.info("public cache: data version readable again");
      this.failing = false;
      this.unreachable = false;
    } catch (error) {
      if (!this.failing) this.options.log.warn({ err: error }, "public cache: cannot read data_version; not serving cached responses");
      this.failing = true;
      this.unreachable = isDatabaseUnavailable(error);
    }
  }
}
