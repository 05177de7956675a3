import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { loadSiteData } from "../editions/site-data.ts";
import { getPublicEvent } from "../events/get-public-event.ts";
import { countProgrammeFacets, listProgrammeItems } from "../events/list-programme.ts";
import { notFound } from "../lib/errors.ts";
import { errorResponses } from "./api.schemas.ts";
import { EventDetail, EventList, EventParams, EventsQuery, LangOnlyQuery } from "./events.schemas.ts";
import { parseStrictFilter, searchOf } from "./events-filter.ts";
import { pageLinks, presentEventDetail, presentEventSummary } from "./events-present.ts";

const tags = ["Events"];
export const MAX_PAGE_SIZE = 100;

/** /events (the programme with every filter, paginated) and /events/{id}. */
export function registerEventApi(app: FastifyInstance): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const base = app.config.baseUrl;

  api.get(
    "/events",
    {
      config: { publicCache: true },
      schema: {
        operationId: "listEvents",
        tags,
        security: [],
        summary: "Public events of an edition, filtered like the programme page, by start time",
        querystring: EventsQuery,
        response: { 200: EventList, ...errorResponses },
      },
    },
    async (request) => {
      const db = app.database.db;
      const site = await loadSiteData(db);
      if (!site.current) throw notFound("No edition yet");
      const filter = await parseStrictFilter(db, { ...site, current: site.current }, searchOf(request.query));
      const edition = site.editions.find((e) => e.year === filter.edition) ?? site.current;
      const { page } = request.query;
      const pageSize = Math.min(request.query.pageSize, MAX_PAGE_SIZE);
      const { total } = await countProgrammeFacets(db, edition.id, filter, site.version);
      const offset = (page - 1) * pageSize;
      const items = offset < total ? await listProgrammeItems(db, edition.id, filter, { limit: pageSize, offset }, site.version) : [];
      const pages = Math.max(1, Math.ceil(total / pageSize));
      const lang = request.query.lang ?? "de";
      return {
        data: items.map((item) => presentEventSummary(base, item, lang)),
        meta: { total, page, pageSize, pages },
        links: pageLinks(base, request.url, page, pageSize, pages),
      };
    },
  );

  api.get(
    "/events/:id",
    {
      config: { publicCache: true },
      schema: {
        operationId: "getEvent",
        tags,
        security: [],
        summary: "One published or cancelled event with sessions, venue, organisers and accessibility",
        params: EventParams,
        querystring: LangOnlyQuery,
        response: { 200: EventDetail, ...errorResponses },
      },
    },
    async (request) => {
      const e = await getPublicEvent(app.database.db, request.params.id);
      if (!e) throw notFound("Event not found");
      return presentEventDetail(base, e, request.query.lang ?? "de");
    },
  );
}
