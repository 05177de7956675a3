import type { FastifyInstance, FastifyReply } from "fastify";
import { notFound } from "../lib/errors.ts";
import { pick } from "../lib/language.ts";
import { renderMarkdown } from "../lib/markdown.ts";
import type { PageCtx } from "../lib/page-context.ts";
import { pageCtxOf } from "../lib/request-ctx.ts";
import { currentEdition } from "../organiser/current-edition.ts";
import { Layout } from "../views/Layout.tsx";
import { sendPage } from "../views/render.ts";
import { findPublicPage } from "./page-queries.ts";
import { fixedPageSlugs, isFixedPage } from "./pages.schemas.ts";
import { ParticipateStatus } from "./views/ParticipateStatus.tsx";

/** Editor-written pages at fixed paths (legal pages, "about"), for the sitemap and tests. */
export const contentPageSlugs = fixedPageSlugs;

async function sendContentPage(app: FastifyInstance, ctx: PageCtx, reply: FastifyReply, slug: string) {
  const row = await findPublicPage(app.database.db, slug);
  if (!row) throw notFound("Page not found");
  const title = pick(ctx.lang, row.titleDe, row.titleEn);
  // "Take part" tells what is possible now, from the edition's status and window, not from a text.
  const participate = slug === "mitmachen" ? { edition: await currentEdition(app.database.db), now: app.clock() } : null;
  return sendPage(
    reply,
    <Layout ctx={ctx} meta={{ title }}>
      <h1>{title}</h1>
      {row.year !== null && <p class="muted">{ctx.t("pages.editionPage", { year: row.year })}</p>}
      {row.demo && (
        <p class="notice demo-text" role="note">
          {ctx.t("pages.demoNotice")}
        </p>
      )}
      <div class="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(pick(ctx.lang, row.bodyDe, row.bodyEn)) }} />
      {participate && <ParticipateStatus ctx={ctx} {...participate} />}
    </Layout>,
  );
}

/** Fixed pages at /<slug>; free pages (published only) at /seiten/<slug>. */
export function registerContentPages(app: FastifyInstance): void {
  for (const slug of contentPageSlugs) {
    app.get(`/${slug}`, { config: { publicCache: true } }, async (request, reply) => sendContentPage(app, pageCtxOf(request), reply, slug));
  }
  app.get<{ Params: { slug: string } }>("/seiten/:slug", { config: { publicCache: true } }, async (request, reply) => {
    const slug = request.params.slug;
    if (isFixedPage(slug))
      return reply.redirect(`/${slug}${request.url.includes("?") ? request.url.slice(request.url.indexOf("?")) : ""}`, 301);
    return sendContentPage(app, pageCtxOf(request), reply, slug);
  });
}
