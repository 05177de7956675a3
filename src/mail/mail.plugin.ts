import type { FastifyInstance } from "fastify";
import { createMailTransport } from "./mail-transport.ts";
import { createMailWorker, type MailWorker } from "./mail-worker.ts";
import { createJobScheduler, type JobScheduler } from "./scheduled-jobs.ts";

declare module "fastify" {
  interface FastifyInstance {
    /** The in-process mail worker (started with the app, stopped on close). */
    mailWorker: MailWorker;
    /** Periodic jobs (digests, reminders) that queue mail; features add theirs with `jobs.add`. */
    jobs: JobScheduler;
  }
}

/** Starts the mail worker and the job scheduler when the app is ready and stops both, waiting for work in progress, on close. */
export function registerMailWorker(app: FastifyInstance): void {
  const transport = createMailTransport({ smtpUrl: app.config.smtpUrl, dataDir: app.config.dataDir, baseUrl: app.config.baseUrl });
  const worker = createMailWorker({ db: app.database.db, transport, log: app.log });
  app.decorate("mailWorker", worker);
  app.addHook("onReady", async () => worker.start());
  const jobs = createJobScheduler({ log: app.log });
  app.decorate("jobs", jobs);
  app.addHook("onReady", async () => jobs.start());
  app.addHook("onClose", async () => {
    await jobs.stop();
    await worker.stop();
  });
}
