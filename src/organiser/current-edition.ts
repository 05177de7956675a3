import { type Edition, listEditions, pickCurrentEdition } from "../editions/edition-queries.ts";
import { submissionWindowState } from "../editions/edition-rules.ts";
import type { DbOrTx } from "../events/event-record.ts";

/** The edition organisers work on: the same "current" edition the public site shows. */
export async function currentEdition(db: DbOrTx): Promise<Edition | undefined> {
  return pickCurrentEdition(await listEditions(db));
}

export type SubmissionWindow = {
  state: "unset" | "before" | "open" | "closed";
  opensAt: Date | null;
  closesAt: Date | null;
  /** Closed (or not yet open) by the edition's status rather than by the dates: planning, running, archived. */
  byStatus: boolean;
};

/** Where `now` lies relative to the edition's submission window, by the one rule (editions/edition-rules.ts). */
export function submissionWindow(
  edition: Pick<Edition, "status" | "submissionOpensAt" | "submissionClosesAt">,
  now = new Date(),
): SubmissionWindow {
  const { submissionOpensAt: opensAt, submissionClosesAt: closesAt } = edition;
  const state = submissionWindowState(edition, now);
  // Said by the status only where the dates alone would not close it ("the deadline passed on …" tells more).
  const byDates = submissionWindowState({ ...edition, status: "open" }, now);
  const byStatus = edition.status !== "open" && byDates !== "closed";
  if (state === "open") return { state: !opensAt && !closesAt ? "unset" : "open", opensAt, closesAt, byStatus };
  return { state: state === "notYetOpen" ? "before" : "closed", opensAt, closesAt, byStatus };
}
