import type { FastifyInstance } from "fastify";
import { coordinationJobs } from "../coordination/coordination.jobs.ts";
import { runHousekeeping } from "../housekeeping/run-housekeeping.ts";
import { newsJobs } from "../news/news.jobs.ts";
import { sendReportReminders } from "../reports/report-reminders.ts";
import { createScheduler, type ScheduledJob, type Scheduler } from "./scheduler.ts";

declare module "fastify" {
  interface FastifyInstance {
    /** Periodic jobs (started with the app, stopped on close); `runDue` runs what is due now. */
    scheduler: Scheduler;
  }
}

const hour = 3_600_000;

/** Every periodic job of the app: add new ones here, each with a `now` so tests pin the clock. */
export function scheduledJobs(app: FastifyInstance): ScheduledJob[] {
  const { db } = app.database;
  return [
    { name: "housekeeping", everyMs: hour, run: (now) => runHousekeeping({ db, store: app.storage, now }) },
    ...coordinationJobs(app),
    ...newsJobs(app),
    // Report reminders (reports/report-reminders.ts): each stage once per organiser and event, so hourly is enough.
    { name: "report-reminders", everyMs: hour, run: (now) => sendReportReminders({ db, baseUrl: app.config.baseUrl, now }) },
  ];
}

/** Starts the scheduler when the app is ready and stops it, waiting for a job in progress, on close. */
export function registerScheduledJobs(app: FastifyInstance): void {
  const scheduler = createScheduler({ db: app.database.db, log: app.log, jobs: scheduledJobs(app), clock: app.clock });
  app.decorate("scheduler", scheduler);
  app.addHook("onReady", async () => scheduler.start());
  app.addHook("onClose", async () => scheduler.stop());
}
