import type { FastifyInstance } from "fastify";
import { Feed } from "feed";
import { type Lang, langOf } from "../lib/language.ts";
import { renderMarkdown } from "../lib/markdown.ts";
import { newsPath, newsTexts } from "./news-format.ts";
import { listPublicNews, type PublicNews } from "./news-queries.ts";

export type NewsFeedKind = "aktuelles" | "presse";

const types = { rss: "application/rss+xml; charset=utf-8", atom: "application/atom+xml; charset=utf-8" } as const;

const titles: Record<NewsFeedKind, Record<Lang, string>> = {
  aktuelles: { de: "Clusterwoche – Aktuelles", en: "Clusterwoche – News" },
  presse: { de: "Clusterwoche – Pressemitteilungen", en: "Clusterwoche – Press releases" },
};

/** RSS 2.0 or Atom of the public news (or press releases), newest first; embargoed items are not in it. */
export function newsFeedText(items: PublicNews[], kind: NewsFeedKind, format: "rss" | "atom", lang: Lang, baseUrl: string): string {
  const q = lang === "en" ? "?lang=en" : "";
  const page = kind === "presse" ? "/presse" : "/aktuelles";
  const [newest] = items;
  const feed = new Feed({
    title: titles[kind][lang],
    id: `${baseUrl}/feeds/${kind}.atom${q}`,
    link: `${baseUrl}${page}${q}`,
    language: lang,
    updated: newest ? newest.publishAt : new Date(0),
    generator: "Clusterwoche",
    feedLinks: { rss: `${baseUrl}/feeds/${kind}.rss${q}`, atom: `${baseUrl}/feeds/${kind}.atom${q}` },
    copyright: "Clusterwoche",
  });
  for (const item of items) {
    const texts = newsTexts(lang, item);
    const url = `${baseUrl}${newsPath(item.slug)}${q}`;
    feed.addItem({
      title: texts.title,
      id: url,
      link: url,
      date: item.publishAt,
      published: item.publishAt,
      description: texts.summary,
      content: renderMarkdown(texts.body),
      ...(item.pdfPath ? { enclosure: { url: `${baseUrl}${item.pdfPath}`, type: "application/pdf", length: item.pdfBytes ?? 0 } } : {}),
    });
  }
  return format === "rss" ? feed.rss2() : feed.atom1();
}

/** /feeds/aktuelles.{rss,atom} and /feeds/presse.{rss,atom} (?lang=en). */
export function registerNewsFeeds(app: FastifyInstance): void {
  for (const kind of ["aktuelles", "presse"] as const) {
    for (const format of ["rss", "atom"] as const) {
      app.get(`/feeds/${kind}.${format}`, { config: { publicCache: true } }, async (request, reply) => {
        const lang = langOf(request.query);
        const items = await listPublicNews(app.database.db, app.clock(), { press: kind === "presse", limit: 50 });
        return reply.type(types[format]).send(newsFeedText(items, kind, format, lang, app.config.baseUrl));
      });
    }
  }
}
