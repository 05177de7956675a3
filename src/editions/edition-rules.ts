import { eq } from "drizzle-orm";
import { edition } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { AppError } from "../lib/errors.ts";

export type EditionStatus = (typeof edition.$inferSelect)["status"];
export const editionStatuses = ["planning", "open", "running", "archived"] as const satisfies readonly EditionStatus[];

/**
 * Which status may follow which (PRODUCT §3: planning → open → running → archived). Back: an opened
 * edition may return to planning, a running one reopen submissions, an archived one run again.
 */
export const statusTransitions: Record<EditionStatus, readonly EditionStatus[]> = {
  planning: ["open"],
  open: ["planning", "running"],
  running: ["open", "archived"],
  archived: ["running"],
};

type WindowOf = { status: EditionStatus; submissionOpensAt: Date | null; submissionClosesAt: Date | null };

/**
 * The one rule for new submissions: only an edition with status "open", and only inside its window
 * (a missing bound does not restrict). Planning reads as not yet open, running and archived as closed.
 */
export function submissionWindowState(e: WindowOf, now = new Date()): "notYetOpen" | "open" | "closed" {
  if (e.status === "planning") return "notYetOpen";
  if (e.status !== "open") return "closed";
  if (e.submissionOpensAt && now < e.submissionOpensAt) return "notYetOpen";
  if (e.submissionClosesAt && now > e.submissionClosesAt) return "closed";
  return "open";
}

/** Refuses any change to events of an archived edition (edits, submissions, cancellations, decisions); reports are exempt. */
export async function assertEventsWritable(db: DbOrTx, editionId: number): Promise<void> {
  const [row] = await db.select({ status: edition.status }).from(edition).where(eq(edition.id, editionId));
  if (row?.status === "archived")
    throw new AppError("conflict", "This edition is archived: its events can no longer be changed.", { edition: "archived" });
}
