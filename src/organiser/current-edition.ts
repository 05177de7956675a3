import { type Edition, listEditions, pickCurrentEdition } from "../editions/edition-queries.ts";
import { submissionWindowState } from "../editions/edition-rules.ts";
import type { DbOrTx } from "../events/event-record.ts";

/** The edition organisers work on: the same "current" edition the public site shows. */
export async function currentEdition(db: DbOrTx): Promise<Edition | undefined> {
  return pickCurrentEdition(await listEditions(db));
}

export type SubmissionWindow = { state: "unset" | "before" | "open" | "closed"; opensAt: Date | null; closesAt: Date | null };

/** Where `now` lies relative to the edition's submission window, by the one rule (editions/edition-rules.ts). */
export function submissionWindow(
  edition: Pick<Edition, "status" | "submissionOpensAt" | "submissionClosesAt">,
  now = new Date(),
): SubmissionWindow {
  const { submissionOpensAt: opensAt, submissionClosesAt: closesAt } = edition;
  const state = submissionWindowState(edition, now);
  if (state === "open") return { state: !opensAt && !closesAt ? "unset" : "open", opensAt, closesAt };
  return { state: state === "notYetOpen" ? "before" : "closed", opensAt, closesAt };
}
