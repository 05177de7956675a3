import { sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { queryRows } from "../db/client.ts";
import { countedEventCondition } from "../editions/counted-events.ts";
import { eventPath } from "../events/event-path.ts";
import { newsPath } from "../news/news-format.ts";
import { listPublicNews } from "../news/news-queries.ts";
import { publicPathOf } from "../pages/page-paths.ts";
import { listPublicPages } from "../pages/page-queries.ts";

/** One public page for the sitemap: its path (German; English adds ?lang=en) and when it last changed. */
export type SitemapEntry = { path: string; lastmod: Date | null };

/** The site's fixed public listings. */
const listings = [
  "/",
  "/programm",
  "/programm/agenda",
  "/messe",
  "/organisationen",
  "/laender",
  "/archiv",
  "/aktuelles",
  "/presse",
  "/presse/medienpaket",
  "/embed",
];

/**
 * Every public page at `now`: listings, published pages, public events (published or cancelled), active
 * organisations with a public event, the Länder, and news whose embargo has ended. Drafts, events in
 * review and embargoed news are not in it.
 */
export async function listSitemapEntries(db: Db, now: Date): Promise<SitemapEntry[]> {
  const [pages, events, organisations, states, news] = await Promise.all([
    listPublicPages(db),
    queryRows<{ id: number; slug: string; updated_at: string }>(
      db,
      sql`select e.id, e.slug, e.updated_at::text from event e where ${countedEventCondition} order by e.id`,
    ),
    queryRows<{ slug: string; updated_at: string }>(
      db,
      sql`select o.slug, o.updated_at::text from organisation o
          where o.status = 'active' and exists (select 1 from event e where e.organisation_id = o.id and ${countedEventCondition})
          order by o.slug`,
    ),
    queryRows<{ code: string }>(db, sql`select code from state where kind = 'land' order by sort`),
    listPublicNews(db, now, { limit: 10_000 }),
  ]);
  return [
    ...listings.map((path) => ({ path, lastmod: null })),
    ...pages.map((p) => ({ path: publicPathOf(p.slug), lastmod: p.updatedAt })),
    ...events.map((e) => ({ path: eventPath({ id: Number(e.id), slug: e.slug }), lastmod: new Date(e.updated_at) })),
    ...organisations.map((o) => ({ path: `/organisationen/${o.slug}`, lastmod: new Date(o.updated_at) })),
    ...states.map((s) => ({ path: `/laender/${s.code}`, lastmod: null })),
    ...news.map((n) => ({ path: newsPath(n.slug), lastmod: n.updatedAt > n.publishAt ? n.updatedAt : n.publishAt })),
  ];
}
