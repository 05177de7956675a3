import { and, asc, eq, isNull } from "drizzle-orm";
import { event } from "../db/schema/index.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { loadEditionByYear, requireEditionEditor } from "./edition-access.ts";
import { type Edition, listEditions, pickCurrentEdition } from "./edition-queries.ts";

export type ProgrammeChoice = { id: number; title: string; startsAt: Date };

/** The editors' list: every edition, newest first, and which one is current (the one rule in edition-queries.ts). */
export async function listEditionsForOffice({ ctx }: { ctx: VerbCtx }): Promise<{ editions: Edition[]; current: Edition | undefined }> {
  requireEditionEditor(ctx.actor);
  const editions = await listEditions(ctx.db);
  return { editions, current: pickCurrentEdition(editions) };
}

/** One edition for its form, with the published events of its programme to pick opening and closing from. */
export async function loadEditionPage({ ctx, input }: { ctx: VerbCtx; input: { year: unknown } }) {
  requireEditionEditor(ctx.actor);
  const edition = await loadEditionByYear(ctx.db, input.year);
  const choices: ProgrammeChoice[] = await ctx.db
    .select({ id: event.id, title: event.titleDe, startsAt: event.startsAt })
    .from(event)
    .where(and(eq(event.editionId, edition.id), eq(event.status, "published"), isNull(event.revisionOf)))
    .orderBy(asc(event.startsAt), asc(event.id));
  return { edition, choices };
}
