import { desc, ne } from "drizzle-orm";
import { edition } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { conflict } from "../lib/errors.ts";

export type EditionRow = typeof edition.$inferSelect;

/** The edition new events go into: the newest one open for submissions, else the newest not yet archived. */
export async function editionForNewEvents(db: DbOrTx): Promise<EditionRow> {
  const editions = await db.select().from(edition).where(ne(edition.status, "archived")).orderBy(desc(edition.year));
  const chosen = editions.find((e) => e.status === "open") ?? editions[0];
  if (!chosen) throw conflict("No edition accepts events at the moment");
  return chosen;
}

/** The one submission rule lives with the editions; re-exported for the callers that import it from here. */
export { submissionWindowState } from "../editions/edition-rules.ts";
