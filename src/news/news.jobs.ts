import type { FastifyInstance } from "fastify";
import type { ScheduledJob } from "../jobs/scheduler.ts";
import { releaseDueNews } from "./release-news.ts";

/** Every minute: news whose embargo ended invalidate the public caches (release-news.ts). */
export function newsJobs(app: FastifyInstance): ScheduledJob[] {
  return [{ name: "news-release", everyMs: 60_000, run: (now) => releaseDueNews({ db: app.database.db, now }) }];
}
