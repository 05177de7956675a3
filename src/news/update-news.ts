import { and, eq, sql } from "drizzle-orm";
import { requireNational } from "../coordination/coordination-access.ts";
import { newsItem } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";
import type { Actor, VerbCtx } from "../lib/actor.ts";
import { conflict, notFound } from "../lib/errors.ts";
import { writeAudit } from "../moderation/audit.ts";
import { parseInput } from "../organiser/organiser.schemas.ts";
import { VersionField } from "../pages/pages.schemas.ts";
import type { NewsFiles } from "./create-news.ts";
import { NewsInput } from "./news.schemas.ts";
import { editionIdOfYear, newsSummary, releaseColumns } from "./news-access.ts";
import { storeNewsPdf } from "./news-pdf.ts";
import type { NewsRow } from "./news-queries.ts";

/** A news item for editing (editors and admins; anyone else 404). */
export async function loadEditableNews(db: DbOrTx, actor: Actor | null, id: number): Promise<NewsRow> {
  requireNational(actor);
  const [row] = await db.select().from(newsItem).where(eq(newsItem.id, id));
  if (!row) throw notFound("News item not found");
  return row;
}

/**
 * Saves an item (version check → 409): content, publication time (moving it into the future puts the
 * item under embargo again), press flag, PDF replaced or removed; audit row in the same transaction.
 */
export async function updateNews({
  ctx,
  input,
  now,
}: {
  ctx: VerbCtx;
  input: { id: number; version: unknown; values: Record<string, unknown>; files: NewsFiles };
  now: Date;
}): Promise<{ version: number }> {
  const actor = requireNational(ctx.actor);
  const before = await loadEditableNews(ctx.db, actor, input.id);
  const { removePdf, edition: year, ...content } = parseInput(NewsInput, input.values);
  const expected = VersionField.safeParse(input.version);
  if (!expected.success || expected.data !== before.version) throw conflict("The item was saved by someone else in the meantime");
  const pdf = await storeNewsPdf(input.files.store, input.files.pdf);
  const pdfColumns = pdf ?? (removePdf ? { pdfPath: null, pdfBytes: null, pdfPages: null } : {});
  return ctx.db.transaction(async (tx) => {
    const editionId = await editionIdOfYear(tx, year);
    const version = before.version + 1;
    const [row] = await tx
      .update(newsItem)
      .set({ editionId, ...content, ...pdfColumns, ...releaseColumns(content.publishAt, now), version, updatedAt: sql`now()` })
      .where(and(eq(newsItem.id, before.id), eq(newsItem.version, before.version)))
      .returning();
    if (!row) throw conflict("The item was saved by someone else in the meantime");
    await writeAudit(tx, actor, {
      action: "news.update",
      objectType: "news_item",
      objectId: before.slug,
      stateCode: null,
      summary: `Meldung ${before.slug} gespeichert (Version ${version}), öffentlich ab ${content.publishAt.toISOString()}`,
      before: { ...newsSummary(before), pdf: before.pdfPath },
      after: { ...newsSummary(row), pdf: row.pdfPath },
    });
    return { version };
  });
}
