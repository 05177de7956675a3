import type { FastifyInstance } from "fastify";
import { notFound } from "../lib/errors.ts";
import { pageCtxOf } from "../lib/request-ctx.ts";
import { currentEdition } from "../organiser/current-edition.ts";
import { sendPage } from "../views/render.ts";
import { findPublicNews, listPressContacts, listPublicNews } from "./news-queries.ts";
import { NewsItemPage, NewsListPage, PressPage } from "./views/NewsViews.tsx";

/** /aktuelles, /aktuelles/:slug and /presse: only what is public at the app's clock (embargo). */
export function registerNewsPages(app: FastifyInstance): void {
  const db = app.database.db;
  app.get("/aktuelles", { config: { publicCache: true } }, async (request, reply) => {
    const ctx = pageCtxOf(request);
    return sendPage(reply, <NewsListPage ctx={ctx} items={await listPublicNews(db, app.clock())} />);
  });

  app.get<{ Params: { slug: string } }>("/aktuelles/:slug", { config: { publicCache: true } }, async (request, reply) => {
    const item = await findPublicNews(db, request.params.slug, app.clock());
    if (!item) throw notFound("News item not found");
    return sendPage(reply, <NewsItemPage ctx={pageCtxOf(request)} item={item} />);
  });

  app.get("/presse", { config: { publicCache: true } }, async (request, reply) => {
    const ctx = pageCtxOf(request);
    const edition = await currentEdition(db);
    const [items, contacts] = await Promise.all([
      listPublicNews(db, app.clock(), { press: true }),
      edition ? listPressContacts(db, edition.id) : Promise.resolve([]),
    ]);
    return sendPage(reply, <PressPage ctx={ctx} items={items} contacts={contacts} />);
  });
}
