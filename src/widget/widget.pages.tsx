import type { FastifyInstance } from "fastify";
import { loadSiteData } from "../editions/site-data.ts";
import { pageCtxOf } from "../lib/request-ctx.ts";
import { loadTaxonomies } from "../taxonomies/taxonomy-queries.ts";
import { sendPage } from "../views/render.ts";
import { allowFramingByAnySite, dropCookies } from "./embed-headers.ts";
import { parseEmbedChoice } from "./embed-snippets.ts";
import { loadEmbedEvents } from "./load-embed-events.ts";
import { EmbedEventsPage } from "./views/EmbedEventsPage.tsx";
import { EmbedPage } from "./views/EmbedPage.tsx";
import { scriptSize, widgetScript } from "./widget-script.ts";

/** The embeddable programme (PRODUCT §5): /widget.js, the iframe page /embed/events, and /embed for portal operators. */
export function registerWidgetRoutes(app: FastifyInstance): void {
  const db = () => app.database.db;

  // Not in the public response cache: that one asks browsers to revalidate every time (right for
  // data), while a portal page should get the script from the browser's cache for an hour.
  app.get("/widget.js", { onSend: dropCookies }, async (request, reply) => {
    const script = widgetScript((await loadTaxonomies(db())).formats);
    reply
      .type("text/javascript; charset=utf-8")
      .header("cache-control", "public, max-age=3600, stale-while-revalidate=86400")
      .header("access-control-allow-origin", "*")
      .header("cross-origin-resource-policy", "cross-origin")
      .header("etag", script.etag);
    if (request.headers["if-none-match"] === script.etag) return reply.code(304).send();
    return reply.send(script.body);
  });

  app.get("/embed/events", { config: { publicCache: true }, onSend: dropCookies }, async (request, reply) => {
    allowFramingByAnySite(reply);
    const ctx = pageCtxOf(request);
    const data = await loadEmbedEvents(db(), ctx.query);
    return sendPage(reply, <EmbedEventsPage ctx={ctx} data={data} />, data.problems.length > 0 ? 400 : 200);
  });

  app.get("/embed", { config: { publicCache: true } }, async (request, reply) => {
    const ctx = pageCtxOf(request);
    const site = await loadSiteData(db());
    const choice = parseEmbedChoice(ctx.query, site.taxonomies, ctx.lang);
    const size = scriptSize(widgetScript(site.taxonomies.formats).body);
    return sendPage(reply, <EmbedPage ctx={ctx} taxonomies={site.taxonomies} choice={choice} size={size} />);
  });
}
