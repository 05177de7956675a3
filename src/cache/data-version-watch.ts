import { sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import { type Db, queryRows } from "../db/client.ts";

export type DataVersion = { version: number; changedAt: number };

/**
 * Follows the `data_version` row (bumped by triggers on every public table) with one primary-key
 * read per interval, so a change made through any instance, the CLI or plain SQL is noticed here
 * within one interval. `fresh()` turns false when checks stop succeeding: the cache must then not
 * answer, as it can no longer tell whether the data changed.
 */
export class DataVersionWatch {
  current: DataVersion | undefined;
  private lastCheckStarted = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private failing = false;

  constructor(
    private readonly db: Db,
    private readonly options: {
      intervalMs: number;
      maxStaleMs: number;
      log: FastifyBaseLogger;
      onChange: (next: DataVersion) => void;
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
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
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
    } catch (error) {
      if (!this.failing) this.options.log.warn({ err: error }, "public cache: cannot read data_version; not serving cached responses");
      this.failing = true;
    }
  }
}
