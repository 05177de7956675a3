import { and, asc, desc, eq, gt, isNull, lte, type SQL } from "drizzle-orm";
import { edition, newsItem, pressContact } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";

export type NewsRow = typeof newsItem.$inferSelect;
export type PublicNews = NewsRow & { year: number };

/** The embargo rule, in one place: an item is public once its publication time has come. */
export const isPublicAt = (now: Date): SQL => lte(newsItem.publishAt, now);

/** Public news (newest first), optionally only press releases or one edition's; nothing under embargo at `now`. */
export async function listPublicNews(
  db: DbOrTx,
  now: Date,
  { press, year, limit = 100 }: { press?: boolean; year?: number; limit?: number } = {},
): Promise<PublicNews[]> {
  const conditions: SQL[] = [isPublicAt(now)];
  if (press) conditions.push(eq(newsItem.press, true));
  if (year !== undefined) conditions.push(eq(edition.year, year));
  const rows = await db
    .select({ item: newsItem, year: edition.year })
    .from(newsItem)
    .innerJoin(edition, eq(edition.id, newsItem.editionId))
    .where(and(...conditions))
    .orderBy(desc(newsItem.publishAt), desc(newsItem.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.item, year: r.year }));
}

/** One public item by slug; under embargo at `now` it is not found, exactly like an unknown slug. */
export async function findPublicNews(db: DbOrTx, slug: string, now: Date): Promise<PublicNews | undefined> {
  const [row] = await db
    .select({ item: newsItem, year: edition.year })
    .from(newsItem)
    .innerJoin(edition, eq(edition.id, newsItem.editionId))
    .where(and(eq(newsItem.slug, slug), isPublicAt(now)));
  return row && { ...row.item, year: row.year };
}

/** Every item for the back office (embargoed ones included), newest publication first. */
export async function listAllNews(db: DbOrTx): Promise<PublicNews[]> {
  const rows = await db
    .select({ item: newsItem, year: edition.year })
    .from(newsItem)
    .innerJoin(edition, eq(edition.id, newsItem.editionId))
    .orderBy(desc(newsItem.publishAt), desc(newsItem.id));
  return rows.map((r) => ({ ...r.item, year: r.year }));
}

/** Items whose embargo has passed at `now` but that the release job has not marked yet. */
export async function listDueNews(db: DbOrTx, now: Date): Promise<{ id: number }[]> {
  return db
    .select({ id: newsItem.id })
    .from(newsItem)
    .where(and(isNull(newsItem.releasedAt), lte(newsItem.publishAt, now)));
}

/** The next embargo ending after `now`, if any (shown in the back office). */
export async function nextEmbargoEnd(db: DbOrTx, now: Date): Promise<Date | null> {
  const [row] = await db
    .select({ at: newsItem.publishAt })
    .from(newsItem)
    .where(gt(newsItem.publishAt, now))
    .orderBy(asc(newsItem.publishAt))
    .limit(1);
  return row?.at ?? null;
}

export type PressContactRow = typeof pressContact.$inferSelect;

/** An edition's press contacts in their order. */
export async function listPressContacts(db: DbOrTx, editionId: number): Promise<PressContactRow[]> {
  return db
    .select()
    .from(pressContact)
    .where(eq(pressContact.editionId, editionId))
    .orderBy(asc(pressContact.position), asc(pressContact.id));
}

/** Every press contact with its edition's year, newest edition first (back office). */
export async function listAllPressContacts(db: DbOrTx): Promise<(PressContactRow & { year: number })[]> {
  const rows = await db
    .select({ contact: pressContact, year: edition.year })
    .from(pressContact)
    .innerJoin(edition, eq(edition.id, pressContact.editionId))
    .orderBy(desc(edition.year), asc(pressContact.position), asc(pressContact.id));
  return rows.map((r) => ({ ...r.contact, year: r.year }));
}
