import type { FastifyInstance } from "fastify";
import { sendReviewDigests } from "./review-digest.ts";
import { sendOverdueReminders } from "./review-reminders.ts";

/** The coordinators' scheduled mails: the daily digest and the overdue-review reminder (mail/scheduled-jobs.ts). */
export function registerCoordinationJobs(app: FastifyInstance): void {
  const db = app.database.db;
  const baseUrl = app.config.baseUrl;
  app.jobs.add({ name: "review-digest", run: (now) => sendReviewDigests({ db, baseUrl, now }) });
  app.jobs.add({ name: "review-overdue", run: (now) => sendOverdueReminders({ db, baseUrl, now }) });
}
