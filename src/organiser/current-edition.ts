import { type Edition, listEditions, pickCurrentEdition } from "../editions/edition-queries.ts";
import type { DbOrTx } from "../events/event-record.ts";

/** The edition organisers work on: the same "current" edition the public site shows. */
export async function currentEdition(db: DbOrTx): Promise<Edition | undefined> {
  return pickCurrentEdition(await listEditions(db));
}

export type SubmissionWindow = { state: "unset" | "before" | "open" | "closed"; opensAt: Date | null; closesAt: Date | null };

/** Where `now` lies relative to the edition's submission window. */
export function submissionWindow(edition: Pick<Edition, "submissionOpensAt" | "submissionClosesAt">, now = new Date()): SubmissionWindow {
  const { submissionOpensAt: opensAt, submissionClosesAt: closesAt } = edition;
  if (!opensAt && !closesAt) return { state: "unset", opensAt, closesAt };
  if (opensAt && now < opensAt) return { state: "before", opensAt, closesAt };
  if (closesAt && now > closesAt) return { state: "closed", opensAt, closesAt };
  return { state: "open", opensAt, closesAt };
}
