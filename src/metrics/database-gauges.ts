import { sql } from "drizzle-orm";
import { Gauge, type Registry } from "prom-client";
import { type Database, queryRows } from "../db/client.ts";
import { eventStatus } from "../db/schema/index.ts";
import { MAIL_MAX_ATTEMPTS } from "../mail/mail-worker.ts";
import { databaseErrors } from "./metrics.ts";

const mailStates = ["queued", "retrying", "failed", "sent"] as const;

/** Gauges read from the database at scrape time: mail queue by state, events by status, pool use. */
export function registerDatabaseGauges(registry: Registry, database: Database): void {
  new Gauge({
    name: "cw_mail_jobs",
    help: `Mail jobs by state (queued: not tried yet; retrying: failed, will retry; failed: given up after ${MAIL_MAX_ATTEMPTS} attempts; sent)`,
    labelNames: ["state"] as const,
    registers: [registry],
    async collect() {
      const rows = await readOrKeep(() =>
        queryRows<{ state: string; n: number }>(
          database.db,
          sql`select case when sent_at is not null then 'sent' when attempts = 0 then 'queued'
                        when attempts < ${MAIL_MAX_ATTEMPTS} then 'retrying' else 'failed' end as state, count(*)::int as n
            from mail_job group by 1`,
        ),
      );
      if (rows === null) return;
      for (const state of mailStates) this.set({ state }, rows.find((r) => r.state === state)?.n ?? 0);
    },
  });
  new Gauge({
    name: "cw_events",
    help: "Events by status, all editions (pending revisions of published events included)",
    labelNames: ["status"] as const,
    registers: [registry],
    async collect() {
      const rows = await readOrKeep(() =>
        queryRows<{ status: string; n: number }>(database.db, sql`select status::text, count(*)::int as n from event group by 1`),
      );
      if (rows === null) return;
      for (const status of eventStatus.enumValues) this.set({ status }, rows.find((r) => r.status === status)?.n ?? 0);
    },
  });
  const pool = database.poolStats;
  if (pool) {
    new Gauge({
      name: "cw_database_pool_connections",
      help: "PostgreSQL pool connections of this process (total open, idle, requests waiting for one)",
      labelNames: ["state"] as const,
      registers: [registry],
      collect() {
        const stats = pool();
        this.set({ state: "total" }, stats.total);
        this.set({ state: "idle" }, stats.idle);
        this.set({ state: "waiting" }, stats.waiting);
      },
    });
  }
}

/** A scrape while the database is away still answers (process metrics, last values) and counts the error. */
async function readOrKeep<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch {
    databaseErrors.inc({ where: "metrics" });
    return null;
  }
}
