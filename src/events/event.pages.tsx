import type { FastifyInstance } from "fastify";
import { notFound } from "../lib/errors.ts";
import { pageCtxOf } from "../lib/request-ctx.ts";
import { loadPublishedReport } from "../reports/load-report.ts";
import { shareImageMeta } from "../share-cards/share-card-meta.ts";
import { loadTaxonomies, termName } from "../taxonomies/taxonomy-queries.ts";
import { sendPage } from "../views/render.ts";
import { eventsToIcs } from "./event-ics.ts";
import { eventJsonLd } from "./event-json-ld.ts";
import { eventIdFromParam, eventPath } from "./event-path.ts";
import { getPublicEvent } from "./get-public-event.ts";
import { EventPage } from "./views/EventPage.tsx";

/** The public event page and its single-event calendar file. */
export function registerEventPages(app: FastifyInstance): void {
  app.get<{ Params: { param: string } }>("/veranstaltungen/:param", { config: { publicCache: true } }, async (request, reply) => {
    const ctx = pageCtxOf(request);
    const wantsIcs = request.params.param.endsWith(".ics");
    const id = eventIdFromParam(wantsIcs ? request.params.param.slice(0, -4) : request.params.param);
    const e = id === undefined ? undefined : await getPublicEvent(app.database.db, id);
    if (!e) throw notFound("Event not found");
    if (wantsIcs) {
      const ics = eventsToIcs([e], { lang: ctx.lang, baseUrl: app.config.baseUrl, name: e.event.titleDe });
      return reply
        .type("text/calendar; charset=utf-8")
        .header("content-disposition", `attachment; filename="${e.event.slug || "event"}.ics"`)
        .send(ics);
    }
    const canonical = eventPath(e.event);
    if (request.params.param !== canonical.split("/").pop()) return reply.redirect(ctx.href(canonical), 301);
    const taxonomies = await loadTaxonomies(app.database.db);
    const region = e.venue?.stateCode;
    const jsonLd = eventJsonLd(e, {
      lang: ctx.lang,
      baseUrl: app.config.baseUrl,
      shareImage: shareImageMeta(ctx, e).image,
      regionName: region && region !== "international" ? termName(taxonomies.states, region, ctx.lang) : undefined,
    });
    const report = await loadPublishedReport(app.database.db, e.event.id);
    return sendPage(reply, <EventPage ctx={ctx} e={e} taxonomies={taxonomies} jsonLd={jsonLd} report={report} />);
  });
}
