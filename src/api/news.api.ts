import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { notFound } from "../lib/errors.ts";
import type { Lang } from "../lib/language.ts";
import { renderMarkdown } from "../lib/markdown.ts";
import { newsPath, newsTexts } from "../news/news-format.ts";
import { findPublicNews, listPublicNews, type PublicNews } from "../news/news-queries.ts";
import { errorResponses } from "./api.schemas.ts";
import { NewsBody, NewsLangQuery, NewsList, NewsParams, NewsQuery } from "./news.schemas.ts";

const tags = ["News"];

function presentNews(base: string, item: PublicNews, lang: Lang): NewsBody {
  const texts = newsTexts(lang, item);
  const q = lang === "en" ? "?lang=en" : "";
  return {
    slug: item.slug,
    edition: item.year,
    title: texts.title,
    summary: texts.summary,
    text: texts.body,
    html: renderMarkdown(texts.body),
    language: texts.lang,
    press: item.press,
    publishedAt: item.publishAt.toISOString(),
    pdf: item.pdfPath ? { url: `${base}${item.pdfPath}`, bytes: item.pdfBytes ?? 0, pages: item.pdfPages ?? 0 } : null,
    url: `${base}${newsPath(item.slug)}${q}`,
  };
}

/** /news and /news/{slug}: public items only — one under embargo is neither listed nor found (404). */
export function registerNewsApi(app: FastifyInstance): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const base = app.config.baseUrl;

  api.get(
    "/news",
    {
      config: { publicCache: true },
      schema: {
        operationId: "listNews",
        tags,
        security: [],
        summary: "Public news items, newest first (at most 100)",
        querystring: NewsQuery,
        response: { 200: NewsList, ...errorResponses },
      },
    },
    async (request) => {
      const { lang = "de", edition, press } = request.query;
      const items = await listPublicNews(app.database.db, app.clock(), { press: press === "true", ...(edition ? { year: edition } : {}) });
      return { data: items.map((item) => presentNews(base, item, lang)) };
    },
  );

  api.get(
    "/news/:slug",
    {
      config: { publicCache: true },
      schema: {
        operationId: "getNewsItem",
        tags,
        security: [],
        summary: "One public news item",
        params: NewsParams,
        querystring: NewsLangQuery,
        response: { 200: NewsBody, ...errorResponses },
      },
    },
    async (request) => {
      const item = await findPublicNews(app.database.db, request.params.slug, app.clock());
      if (!item) throw notFound("News item not found");
      return presentNews(base, item, request.query.lang ?? "de");
    },
  );
}
