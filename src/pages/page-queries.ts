import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { edition, page, pageRevision } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";

export type PageRow = typeof page.$inferSelect;
export type PageRevisionRow = typeof pageRevision.$inferSelect;

/** A page by slug, published or not (fixed pages are always published). */
export async function findPage(db: DbOrTx, slug: string): Promise<PageRow | undefined> {
  const [row] = await db.select().from(page).where(eq(page.slug, slug));
  return row;
}

/** A published page with the year of its edition (null for global pages); drafts are not found. */
export async function findPublicPage(db: DbOrTx, slug: string) {
  const [row] = await db
    .select({ page, year: edition.year })
    .from(page)
    .leftJoin(edition, eq(edition.id, page.editionId))
    .where(and(eq(page.slug, slug), eq(page.published, true)));
  return row && { ...row.page, year: row.year };
}

export type PageListItem = Pick<PageRow, "id" | "slug" | "titleDe" | "titleEn" | "published" | "demo" | "version" | "updatedAt"> & {
  year: number | null;
};

/** Every page for the back office: global ones first, then by edition (newest) and slug. */
export async function listPages(db: DbOrTx): Promise<PageListItem[]> {
  const rows = await db
    .select({
      id: page.id,
      slug: page.slug,
      titleDe: page.titleDe,
      titleEn: page.titleEn,
      published: page.published,
      demo: page.demo,
      version: page.version,
      updatedAt: page.updatedAt,
      year: edition.year,
    })
    .from(page)
    .leftJoin(edition, eq(edition.id, page.editionId))
    .orderBy(desc(isNull(page.editionId)), desc(edition.year), asc(page.slug));
  return rows;
}

/** The published pages for the sitemap (slug and when they last changed). */
export async function listPublicPages(db: DbOrTx) {
  return db.select({ slug: page.slug, updatedAt: page.updatedAt }).from(page).where(eq(page.published, true)).orderBy(asc(page.slug));
}

/** A page's saved versions, newest first. */
export async function listPageRevisions(db: DbOrTx, pageId: number): Promise<PageRevisionRow[]> {
  return db.select().from(pageRevision).where(eq(pageRevision.pageId, pageId)).orderBy(desc(pageRevision.version));
}
