import type { FastifyInstance } from "fastify";
import { createMailTransport } from "./mail-transport.ts";
import { createMailWorker, type MailWorker } from "./mail-worker.ts";

declare module "fastify" {
  interface FastifyInstance {
    /** The in-process mail worker (started with the app, stopped on close). */
    mailWorker: MailWorker;
  }
}

/** Starts the mail worker when the app is ready and stops it, waiting for a send in progress, on close. */
export function registerMailWorker(app: FastifyInstance): void {
  const transport = createMailTransport({ smtpUrl: app.config.smtpUrl, dataDir: app.config.dataDir, baseUrl: app.config.baseUrl });
  const worker = createMailWorker({ db: app.database.db, transport, log: app.log, lockWhileSending: app.database.kind === "postgres" });
  app.decorate("mailWorker", worker);
  app.addHook("onReady", async () => worker.start());
  app.addHook("onClose", async () => worker.stop());
}
