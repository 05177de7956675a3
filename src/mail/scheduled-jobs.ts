import type { FastifyBaseLogger } from "fastify";

/** A periodic job: finds what is due at `now` and queues its mail (each job makes itself idempotent, e.g. notification_log). */
export type ScheduledJob = { name: string; run(now: Date): Promise<unknown> };

export type JobScheduler = {
  add(job: ScheduledJob): void;
  start(): void;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
  /** Runs every job once at `now` (what the timer does); a failing job is logged and does not stop the others. */
  runOnce(now?: Date): Promise<void>;
};

/**
 * Runs the registered jobs every `intervalMs` (first after one interval, so a starting instance does not
 * send at once) on every instance; the jobs' own once-only records make several instances harmless.
 * Their mail goes through the mail queue like any other.
 */
export function createJobScheduler({
  log,
  intervalMs = 15 * 60_000,
}: {
  log: Pick<FastifyBaseLogger, "info" | "warn">;
  intervalMs?: number;
}): JobScheduler {
  const jobs: ScheduledJob[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const runOnce = async (now = new Date()) => {
    while (running) await running;
    running = (async () => {
      for (const job of jobs) {
        try {
          await job.run(now);
        } catch (error) {
          log.warn({ job: job.name, err: (error as Error).message }, "scheduled job failed");
        }
      }
    })();
    try {
      await running;
    } finally {
      running = undefined;
    }
  };

  return {
    add: (job) => void jobs.push(job),
    start() {
      if (timer) return;
      timer = setInterval(() => void runOnce(), intervalMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
    runOnce,
  };
}
