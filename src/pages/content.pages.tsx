import type { FastifyInstance } from "fastify";
import { notFound } from "../lib/errors.ts";
import { pick } from "../lib/language.ts";
import { renderMarkdown } from "../lib/markdown.ts";
import { pageCtxOf } from "../lib/request-ctx.ts";
import { Layout } from "../views/Layout.tsx";
import { sendPage } from "../views/render.ts";
import { findPage } from "./page-queries.ts";

/** Editor-written pages at fixed paths. */
export const contentPageSlugs = ["impressum", "datenschutz", "barrierefreiheit", "mitmachen"] as const;

export function registerContentPages(app: FastifyInstance): void {
  for (const slug of contentPageSlugs) {
    app.get(`/${slug}`, { config: { publicCache: true } }, async (request, reply) => {
      const ctx = pageCtxOf(request);
      const row = await findPage(app.database.db, slug);
      if (!row) throw notFound("Page not found");
      const title = pick(ctx.lang, row.titleDe, row.titleEn);
      return sendPage(
        reply,
        <Layout ctx={ctx} meta={{ title }}>
          <h1>{title}</h1>
          <div class="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(pick(ctx.lang, row.bodyDe, row.bodyEn)) }} />
        </Layout>,
      );
    });
  }
}
