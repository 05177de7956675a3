import { eq, sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../db/client.ts";
import { queryRows } from "../db/client.ts";
import { mailJob } from "../db/schema/index.ts";
import { mailQueued } from "./enqueue-mail.ts";
import type { MailTransport } from "./mail-transport.ts";

/** Attempts before a mail is given up (the default of the worker; metrics count those as failed). */
export const MAIL_MAX_ATTEMPTS = 5;

export type MailWorkerOptions = {
  db: Db;
  transport: MailTransport;
  log: Pick<FastifyBaseLogger, "info" | "warn" | "error">;
  /** How often to look for due jobs (also those queued by other instances). */
  pollMs?: number;
  /** Wait before the 2nd attempt; each further attempt waits four times longer (30 s, 2 min, 8 min, 32 min). */
  backoffMs?: number;
  maxAttempts?: number;
  /**
   * PostgreSQL: hold each job's row lock in a transaction while it is sent, instead of a five-minute
   * lease. A crashed process's connection ends, its lock with it, so the job is due again at once for
   * any instance or the restarted one. Not on PGlite: its one session would wait for the SMTP server.
   */
  lockWhileSending?: boolean;
};

export type MailWorker = {
  start(): void;
  /** Stops polling and waits for a delivery in progress. */
  stop(): Promise<void>;
  /** Delivers every due job once (what the timer does); returns how many were sent. */
  runOnce(): Promise<{ sent: number; failed: number }>;
};

type ClaimedJob = { id: number; recipient: string; subject: string; text: string; html: string; attempts: number };

/**
 * Delivers queued mail. A job is claimed with FOR UPDATE SKIP LOCKED and leased for five minutes
 * (next_attempt_at moves ahead), one at a time, so several instances share the queue and a crash
 * mid-send only delays that one job. Failures are retried with backoff up to maxAttempts, then left with last_error.
 */
export function createMailWorker({
  db,
  transport,
  log,
  pollMs = 3000,
  backoffMs = 30_000,
  maxAttempts = MAIL_MAX_ATTEMPTS,
  lockWhileSending = false,
}: MailWorkerOptions): MailWorker {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<{ sent: number; failed: number }> | undefined;
  let stopped = true;
  /** stop() was called (runOnce without start() — tests, CLI — is not stopping). */
  let stopping = false;

  // One job per claim: a process killed mid-send leaves only the mail it was sending leased (for five
  // minutes, as it may have gone out); every other queued mail stays due for the restarted process.
  // A batch of 20 kept 19 untried mails waiting five minutes after a crash on PGlite.
  const claim = () =>
    queryRows<ClaimedJob>(
      db,
      sql`update mail_job set attempts = attempts + 1, next_attempt_at = now() + interval '5 minutes'
          where id in (select id from mail_job where sent_at is null and attempts < ${maxAttempts} and next_attempt_at <= now()
                       order by next_attempt_at, id limit 1 for update skip locked)
          returning id, recipient, subject, text, html, attempts`,
    );

  /** Claimed jobs not tried after all: as they were before the claim. */
  const release = (ids: number[]) =>
    db.execute(
      sql`update mail_job set attempts = attempts - 1, next_attempt_at = now()
          where id in (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )}) and sent_at is null`,
    );

  async function deliver(job: ClaimedJob, handle: Pick<Db, "update"> = db): Promise<boolean> {
    try {
      await transport.send({ id: job.id, to: job.recipient, subject: job.subject, text: job.text, html: job.html });
      await handle.update(mailJob).set({ sentAt: sql`now()`, lastError: null }).where(eq(mailJob.id, job.id));
      return true;
    } catch (error) {
      const message = (error as Error).message.slice(0, 1000);
      const waitMs = backoffMs * 4 ** (job.attempts - 1);
      await handle
        .update(mailJob)
        .set({ lastError: message, nextAttemptAt: sql`now() + make_interval(secs => ${waitMs / 1000})` })
        .where(eq(mailJob.id, job.id));
      const final = job.attempts >= maxAttempts;
      (final ? log.error : log.warn).call(
        log,
        { mailJob: job.id, attempt: job.attempts, err: message },
        final ? "mail given up" : "mail failed, will retry",
      );
      return false;
    }
  }

  /** One due job, locked for the length of its send (lockWhileSending); undefined when none is due. */
  const deliverLocked = () =>
    db.transaction(async (tx) => {
      const [job] = await queryRows<ClaimedJob>(
        tx,
        sql`update mail_job set attempts = attempts + 1
            where id = (select id from mail_job where sent_at is null and attempts < ${maxAttempts} and next_attempt_at <= now()
                        order by next_attempt_at, id limit 1 for update skip locked)
            returning id, recipient, subject, text, html, attempts`,
      );
      return job ? deliver(job, tx) : undefined;
    });

  async function runAll(): Promise<{ sent: number; failed: number }> {
    const result = { sent: 0, failed: 0 };
    while (lockWhileSending && !stopping) {
      const outcome = await deliverLocked();
      if (outcome === undefined) return result;
      outcome ? result.sent++ : result.failed++;
    }
    if (lockWhileSending) return result;
    for (;;) {
      const jobs = await claim();
      if (jobs.length === 0) return result;
      for (const [i, job] of jobs.entries()) {
        // Shutting down (SIGTERM): finish the send under way, hand the rest back to the queue at once
        // rather than leave them leased for five minutes, so stopping takes one send, not the queue.
        if (stopping) {
          await release(jobs.slice(i).map((j) => j.id));
          return result;
        }
        (await deliver(job)) ? result.sent++ : result.failed++;
      }
      if (stopping) return result;
    }
  }

  const runOnce = async () => {
    // One run at a time per instance; a second caller waits for it and then runs again.
    while (running) await running.catch(() => {});
    running = runAll();
    try {
      return await running;
    } finally {
      running = undefined;
    }
  };

  const tick = () => {
    if (stopped) return;
    clearTimeout(timer);
    runOnce()
      .catch((error: unknown) => log.warn({ err: (error as Error).message }, "mail queue unavailable"))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, pollMs);
      });
  };
  const onQueued = () => {
    if (!stopped && !running) setTimeout(tick, 50); // after the enqueuing transaction has (probably) committed
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      stopping = false;
      mailQueued.on("queued", onQueued);
      timer = setTimeout(tick, 0);
    },
    async stop() {
      stopped = true;
      stopping = true;
      mailQueued.off("queued", onQueued);
      clearTimeout(timer);
      await running?.catch(() => {});
      transport.close();
    },
    runOnce,
  };
}
