import { sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../db/client.ts";
import { queryRows } from "../db/client.ts";

/** A job that runs on a schedule: `run` gets the time it was due for and returns what it did (logged). */
export type ScheduledJob = {
  name: string;
  everyMs: number;
  run(now: Date): Promise<Record<string, number>>;
};

export type SchedulerOptions = {
  db: Db;
  log: Pick<FastifyBaseLogger, "info" | "warn" | "error">;
  jobs: readonly ScheduledJob[];
  /** How often to look for due jobs. */
  pollMs?: number;
  /** Wait after start before the first look (start-up stays light; short-lived processes do nothing). */
  firstPollMs?: number;
  /** The time jobs are due by (the app's clock; tests pin it). */
  clock?: () => Date;
};

export type Scheduler = {
  start(): void;
  /** Stops polling and waits for a job in progress. */
  stop(): Promise<void>;
  /** Runs every job (or those named in `only`) due at `now` and not claimed by another instance; returns what ran. */
  runDue(now?: Date, only?: readonly string[]): Promise<Record<string, Record<string, number>>>;
};

/**
 * The one mechanism for periodic work (the mail queue has its own worker). A job runs on the instance
 * that moves its `scheduled_job.last_started_at` forward, in one conditional upsert: every instance may
 * poll, each job runs once per period across them, and a restart does not run it again early.
 */
export function createScheduler({
  db,
  log,
  jobs,
  pollMs = 60_000,
  firstPollMs = 30_000,
  clock = () => new Date(),
}: SchedulerOptions): Scheduler {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = true;

  const claim = async (job: ScheduledJob, now: Date): Promise<boolean> => {
    const dueBefore = new Date(now.getTime() - job.everyMs);
    const rows = await queryRows<{ name: string }>(
      db,
      sql`insert into scheduled_job (name, last_started_at) values (${job.name}, ${now.toISOString()})
          on conflict (name) do update set last_started_at = excluded.last_started_at
          where scheduled_job.last_started_at <= ${dueBefore.toISOString()}
          returning name`,
    );
    return rows.length > 0;
  };

  const finish = (job: ScheduledJob, result: Record<string, unknown>) =>
    db.execute(
      sql`update scheduled_job set last_finished_at = now(), last_result = ${JSON.stringify(result)}::jsonb where name = ${job.name}`,
    );

  async function runAll(now: Date, only: readonly string[] | undefined) {
    const ran: Record<string, Record<string, number>> = {};
    for (const job of jobs) {
      if (only && !only.includes(job.name)) continue;
      if (!(await claim(job, now))) continue;
      const started = Date.now();
      try {
        const counts = await job.run(now);
        ran[job.name] = counts;
        await finish(job, counts);
        log.info({ job: job.name, ...counts, ms: Date.now() - started }, `${job.name} done`);
      } catch (error) {
        const message = (error as Error).message.slice(0, 1000);
        await finish(job, { error: message }).catch(() => {});
        log.error({ job: job.name, err: message }, `${job.name} failed`);
      }
    }
    return ran;
  }

  const runDue = async (now = clock(), only?: readonly string[]) => {
    while (running) await running.catch(() => {});
    const run = runAll(now, only);
    running = run;
    try {
      return await run;
    } finally {
      running = undefined;
    }
  };

  const tick = () => {
    if (stopped) return;
    runDue()
      .catch((error: unknown) => log.warn({ err: (error as Error).message }, "scheduled jobs unavailable"))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, pollMs);
      });
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      timer = setTimeout(tick, firstPollMs);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => {});
    },
    runDue,
  };
}
