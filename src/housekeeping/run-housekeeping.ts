import { and, isNotNull, lt } from "drizzle-orm";
import { purgeExpiredSessions } from "../accounts/session-store.ts";
import type { Db } from "../db/client.ts";
import { accountToken, apiToken, importPlan, mailJob } from "../db/schema/index.ts";
import { type FileStore, UPLOADS } from "../storage/file-store.ts";
import { referencedUploads } from "./referenced-uploads.ts";

const day = 86_400_000;
/** Sent mail is kept this long (to answer "did the mail go out?"), then deleted. */
export const sentMailKeptMs = 30 * day;
/** An upload no row mentions is kept this long: the form that uploaded it may not have saved yet. */
export const unreferencedUploadKeptMs = day;

export type HousekeepingCounts = {
  sessions: number;
  apiTokens: number;
  accountTokens: number;
  mailJobs: number;
  importPlans: number;
  uploads: number;
};

/**
 * Deletes what nobody needs any more, as of `now`: expired sessions and tokens, old sent mail, import
 * previews past their expiry (confirmed or not: a sheet's rows hold contact data; the audit log keeps
 * what an import did), orphaned uploads.
 */
export async function runHousekeeping({ db, store, now }: { db: Db; store: FileStore; now: Date }): Promise<HousekeepingCounts> {
  const sessions = await purgeExpiredSessions(db, now);
  const apiTokens = await db.delete(apiToken).where(lt(apiToken.expiresAt, now)).returning({ id: apiToken.id });
  const accountTokens = await db.delete(accountToken).where(lt(accountToken.expiresAt, now)).returning({ userId: accountToken.userId });
  const mailJobs = await db
    .delete(mailJob)
    .where(and(isNotNull(mailJob.sentAt), lt(mailJob.sentAt, new Date(now.getTime() - sentMailKeptMs))))
    .returning({ id: mailJob.id });
  const importPlans = await db.delete(importPlan).where(lt(importPlan.expiresAt, now)).returning({ id: importPlan.id });
  const uploads = await removeUnreferencedUploads(db, store, now);
  return {
    sessions,
    apiTokens: apiTokens.length,
    accountTokens: accountTokens.length,
    mailJobs: mailJobs.length,
    importPlans: importPlans.length,
    uploads,
  };
}

/** Removes uploads (on disk or in the bucket) older than a day that no row mentions; returns how many. */
async function removeUnreferencedUploads(db: Db, store: FileStore, now: Date): Promise<number> {
  const cutoff = now.getTime() - unreferencedUploadKeptMs;
  const candidates = (await store.list(UPLOADS)).filter((f) => f.modified.getTime() < cutoff);
  if (candidates.length === 0) return 0;
  // Read after listing: a file referenced by a row written meanwhile is seen as referenced.
  const referenced = await referencedUploads(db);
  let removed = 0;
  for (const { key } of candidates) {
    if (referenced.has(key.slice(UPLOADS.length))) continue;
    await store.delete(key);
    removed++;
  }
  return removed;
}
