import { eq } from "drizzle-orm";
import { edition, type newsItem } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { validationFailed } from "../lib/errors.ts";

/** The id of the edition a form names by year; an unknown year is a validation error at `edition`. */
export async function editionIdOfYear(db: DbOrTx, year: number): Promise<number> {
  const [row] = await db.select({ id: edition.id }).from(edition).where(eq(edition.year, year));
  if (!row) throw validationFailed({ edition: "choose" });
  return row.id;
}

/** What a news write stores beside the content: released now if the embargo is already over. */
export const releaseColumns = (publishAt: Date, now: Date) => ({ releasedAt: publishAt <= now ? now : null });

export const newsSummary = (row: Pick<typeof newsItem.$inferSelect, "titleDe" | "publishAt" | "press">) => ({
  titleDe: row.titleDe,
  publishAt: row.publishAt.toISOString(),
  press: row.press,
});
