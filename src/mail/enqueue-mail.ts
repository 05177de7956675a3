import { EventEmitter } from "node:events";
import { mailJob } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";
import type { Lang } from "../lib/language.ts";
import { type MailTemplate, renderMail } from "./mail-templates.ts";

/** Tells the in-process workers that a job is waiting (they also poll, for jobs of other instances). */
export const mailQueued = new EventEmitter();

export type EnqueueMailInput = { db: DbOrTx; to: string; language: Lang | string } & MailTemplate;

/**
 * Queues one mail in the caller's transaction (pass the transaction as `db`): it is sent only if the
 * transaction commits, by the mail worker, with retries.
 */
export async function enqueueMail(input: EnqueueMailInput): Promise<number> {
  const lang: Lang = input.language === "en" ? "en" : "de";
  const rendered = renderMail(lang, input);
  const [row] = await input.db
    .insert(mailJob)
    .values({ recipient: input.to, language: lang, ...rendered })
    .returning({ id: mailJob.id });
  mailQueued.emit("queued");
  return row?.id ?? 0;
}
