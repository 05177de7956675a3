import { inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { newsItem } from "../db/schema/index.ts";
import { listDueNews } from "./news-queries.ts";

/**
 * Marks items whose embargo has ended at `now` as released. Public queries never need this (they
 * filter by publish_at), but the write moves data_version: every instance's response cache and
 * versioned memos are dropped, so pages, feeds, API and sitemap show the item without anyone acting.
 * Writes only when something is due (a statement-level trigger would bump the version even for none).
 */
export async function releaseDueNews({ db, now }: { db: Db; now: Date }): Promise<{ released: number }> {
  const due = await listDueNews(db, now);
  if (due.length === 0) return { released: 0 };
  await db
    .update(newsItem)
    .set({ releasedAt: sql`${now.toISOString()}::timestamptz` })
    .where(
      inArray(
        newsItem.id,
        due.map((d) => d.id),
      ),
    );
  return { released: due.length };
}
