import fs from "node:fs/promises";
import path from "node:path";
import { and, isNotNull, lt } from "drizzle-orm";
import { purgeExpiredSessions } from "../accounts/session-store.ts";
import type { Db } from "../db/client.ts";
import { accountToken, apiToken, mailJob } from "../db/schema/index.ts";
import { uploadsDir } from "../media/store-image.ts";
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
  uploads: number;
};

/** Deletes what nobody needs any more, as of `now`: expired sessions and tokens, old sent mail, orphaned uploads. */
export async function runHousekeeping({ db, dataDir, now }: { db: Db; dataDir: string; now: Date }): Promise<HousekeepingCounts> {
  const sessions = await purgeExpiredSessions(db, now);
  const apiTokens = await db.delete(apiToken).where(lt(apiToken.expiresAt, now)).returning({ id: apiToken.id });
  const accountTokens = await db.delete(accountToken).where(lt(accountToken.expiresAt, now)).returning({ userId: accountToken.userId });
  const mailJobs = await db
    .delete(mailJob)
    .where(and(isNotNull(mailJob.sentAt), lt(mailJob.sentAt, new Date(now.getTime() - sentMailKeptMs))))
    .returning({ id: mailJob.id });
  const uploads = await removeUnreferencedUploads(db, dataDir, now);
  return { sessions, apiTokens: apiTokens.length, accountTokens: accountTokens.length, mailJobs: mailJobs.length, uploads };
}

/** Removes files under DATA_DIR/uploads older than a day that no row mentions; returns how many. */
async function removeUnreferencedUploads(db: Db, dataDir: string, now: Date): Promise<number> {
  const root = uploadsDir(dataDir);
  const candidates: { file: string; name: string }[] = [];
  for (const name of await listFiles(root)) {
    const file = path.join(root, name);
    const stat = await fs.lstat(file);
    if (stat.isFile() && stat.mtimeMs < now.getTime() - unreferencedUploadKeptMs) candidates.push({ file, name });
  }
  if (candidates.length === 0) return 0;
  // Read after listing: a file referenced by a row written meanwhile is seen as referenced.
  const referenced = await referencedUploads(db);
  let removed = 0;
  for (const { file, name } of candidates) {
    if (referenced.has(name)) continue;
    await fs.rm(file, { force: true });
    removed++;
  }
  return removed;
}

/** Relative paths ("a.webp", "reports/b.pdf") of the files below a folder, without dotfiles; none if it is missing. */
async function listFiles(root: string): Promise<string[]> {
  try {
    const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile())
      .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
      .filter((name) => !name.split("/").some((part) => part.startsWith(".")));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}
