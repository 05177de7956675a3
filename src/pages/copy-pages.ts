import { and, asc, eq, isNotNull } from "drizzle-orm";
import { page, pageRevision } from "../db/schema/index.ts";
import type { RolloverStep } from "../editions/rollover/rollover-steps.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { isFixedPage } from "./pages.schemas.ts";

const MAX_SLUG = 80;

/**
 * A copied page's address: slugs are unique across editions, so the old edition's year in the slug
 * becomes the new one ("anreise-2026" → "anreise-2027"), else the new year is appended.
 */
export function rolledSlug(slug: string, fromYear: number, toYear: number): string {
  const pattern = new RegExp(`(^|-)${fromYear}(?=-|$)`);
  if (pattern.test(slug)) return slug.replace(pattern, `$1${toYear}`);
  return `${slug.slice(0, MAX_SLUG - 5).replace(/-+$/, "")}-${toYear}`;
}

const editionPages = async (db: DbOrTx, editionId: number) =>
  (
    await db
      .select()
      .from(page)
      .where(and(isNotNull(page.editionId), eq(page.editionId, editionId)))
      .orderBy(asc(page.slug))
  ).filter((p) => !isFixedPage(p.slug));

/**
 * The rollover copies the last edition's own pages (global pages serve every edition and stay as they
 * are) as drafts of the new one: their texts speak of last year, so editors publish them once they
 * have read them. Each copy starts its history with version 1. A slug already taken (a second run, or
 * a page made by hand) is skipped, so nothing is written twice.
 */
export const pagesStep: RolloverStep = {
  key: "pages",
  label: { de: "Seiten der Ausgabe (als Entwürfe)", en: "The edition's pages (as drafts)" },
  preview: async ({ db, from }) => {
    const rows = await editionPages(db, from.id);
    return { count: rows.length, examples: rows.slice(0, 6).map((r) => r.titleDe) };
  },
  copy: async ({ tx, from, to }) => {
    const copied: string[] = [];
    for (const old of await editionPages(tx, from.id)) {
      const content = { titleDe: old.titleDe, titleEn: old.titleEn, bodyDe: old.bodyDe, bodyEn: old.bodyEn, published: false };
      const [row] = await tx
        .insert(page)
        .values({ slug: rolledSlug(old.slug, from.year, to.year), editionId: to.id, demo: old.demo, ...content })
        .onConflictDoNothing()
        .returning({ id: page.id });
      if (!row) continue;
      await tx.insert(pageRevision).values({ pageId: row.id, version: 1, ...content, savedById: null, savedByName: "Rollover" });
      copied.push(old.titleDe);
    }
    return { count: copied.length, examples: copied.slice(0, 6) };
  },
};
