import { desc, ne } from "drizzle-orm";
import { edition } from "../db/schema/index.ts";
import { editionForNewEvents } from "../event-form/edition-for-new-events.ts";
import { requireActor } from "../event-form/event-access.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { type ImportOrganisation, listImportOrganisations } from "./import-access.ts";

export type ImportFormData = { organisations: ImportOrganisation[]; years: number[]; defaultYear: number | null };

/** What the upload form offers: the organisations the actor may import for, the editions not archived, the current one. */
export async function loadImportForm({ ctx }: { ctx: VerbCtx }): Promise<ImportFormData> {
  const actor = requireActor(ctx.actor);
  const [organisations, editions] = await Promise.all([
    listImportOrganisations(ctx.db, actor),
    ctx.db.select({ year: edition.year }).from(edition).where(ne(edition.status, "archived")).orderBy(desc(edition.year)),
  ]);
  const current = editions.length ? await editionForNewEvents(ctx.db) : undefined;
  return { organisations, years: editions.map((e) => e.year), defaultYear: current?.year ?? null };
}
