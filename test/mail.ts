import { desc, eq } from "drizzle-orm";
import type { Db } from "../src/db/client.ts";
import { mailJob } from "../src/db/schema/index.ts";

export type QueuedMail = typeof mailJob.$inferSelect;

/** Every mail queued for an address, newest first (delivered or not). */
export function mailsTo(db: Db, to: string): Promise<QueuedMail[]> {
  return db.select().from(mailJob).where(eq(mailJob.recipient, to)).orderBy(desc(mailJob.id));
}

/** The site-relative path and query of the first link in a mail's text that starts with the base URL. */
export function linkIn(mail: Pick<QueuedMail, "text">, baseUrl = "http://localhost:3000"): string {
  const match = mail.text.match(/https?:\/\/\S+/g)?.find((url) => url.startsWith(baseUrl));
  if (!match) throw new Error(`no link to ${baseUrl} in mail:\n${mail.text}`);
  return match.slice(baseUrl.length);
}
