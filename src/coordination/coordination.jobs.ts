import type { FastifyInstance } from "fastify";
import type { ScheduledJob } from "../jobs/scheduler.ts";
import { sendReviewDigests } from "./review-digest.ts";
import { sendOverdueReminders } from "./review-reminders.ts";

/** Each job looks every quarter of an hour; the jobs themselves send at most once (time of day, notification_log). */
const quarterHour = 15 * 60_000;

/** The coordinators' scheduled mails: the daily digest and the overdue-review reminder (run by jobs/scheduler.ts). */
export function coordinationJobs(app: FastifyInstance): ScheduledJob[] {
  const db = app.database.db;
  const baseUrl = app.config.baseUrl;
  return [
    { name: "review-digest", everyMs: quarterHour, run: (now) => sendReviewDigests({ db, baseUrl, now }) },
    { name: "review-overdue", everyMs: quarterHour, run: (now) => sendOverdueReminders({ db, baseUrl, now }) },
  ];
}
