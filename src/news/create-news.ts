import { requireNational } from "../coordination/coordination-access.ts";
import { newsItem } from "../db/schema/index.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { validationFailed } from "../lib/errors.ts";
import { writeAudit } from "../moderation/audit.ts";
import { parseInput } from "../organiser/organiser.schemas.ts";
import type { FileStore } from "../storage/file-store.ts";
import { NewsInput, NewsSlug } from "./news.schemas.ts";
import { editionIdOfYear, releaseColumns } from "./news-access.ts";
import { storeNewsPdf } from "./news-pdf.ts";

export type NewsFiles = { store: FileStore; pdf: unknown };

/**
 * Creates a news item of an edition (editors, admins), public from `publishAt` on (embargo until then),
 * with an optional press release PDF, and its audit row in the same transaction.
 */
export async function createNews({
  ctx,
  input,
  now,
}: {
  ctx: VerbCtx;
  input: { values: Record<string, unknown>; files: NewsFiles };
  now: Date;
}): Promise<{ id: number; slug: string }> {
  const actor = requireNational(ctx.actor);
  const slug = NewsSlug.safeParse(input.values.slug);
  const { removePdf: _, edition: year, ...content } = parseInput(NewsInput, input.values);
  if (!slug.success) throw validationFailed({ slug: slug.error.issues[0]?.message === "required" ? "required" : "slug" });
  const pdf = await storeNewsPdf(input.files.store, input.files.pdf);
  return ctx.db.transaction(async (tx) => {
    const editionId = await editionIdOfYear(tx, year);
    const [row] = await tx
      .insert(newsItem)
      .values({ slug: slug.data, editionId, ...content, ...pdf, ...releaseColumns(content.publishAt, now) })
      .onConflictDoNothing()
      .returning({ id: newsItem.id, slug: newsItem.slug });
    if (!row) throw validationFailed({ slug: "slugTaken" });
    await writeAudit(tx, actor, {
      action: "news.create",
      objectType: "news_item",
      objectId: row.slug,
      stateCode: null,
      summary: `Meldung ${row.slug} (${year}) angelegt, öffentlich ab ${content.publishAt.toISOString()}${content.press ? ", Pressemitteilung" : ""}${pdf ? ", mit PDF" : ""}`,
      after: { ...content, year, pdf: pdf?.pdfPath ?? null },
    });
    return row;
  });
}
