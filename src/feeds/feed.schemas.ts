import type { SwaggerTransform } from "@fastify/swagger";
import type { FastifySchema } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiError } from "../api/api.schemas.ts";
import { EventsQuery } from "../api/events.schemas.ts";

/**
 * The programme filters a feed or export takes: the API's, without paging (a feed holds every
 * match, up to 5,000 events). Unknown values are a 400, so a subscriber never silently gets all.
 */
export const FeedQuery = EventsQuery.omit({ page: true, pageSize: true, lang: true }).extend({
  lang: z.enum(["de", "en"]).optional().describe("Language of titles, texts and column headers (default de)"),
});

const JsonFeed = z
  .looseObject({
    version: z.literal("https://jsonfeed.org/version/1.1"),
    title: z.string(),
    home_page_url: z.url(),
    language: z.enum(["de", "en"]),
    items: z.array(z.looseObject({ id: z.string(), url: z.url(), title: z.string() })),
  })
  .meta({ id: "JsonFeed" });

const badRequest = { description: "An unknown filter value, named in `fields`", content: { "application/json": { schema: ApiError } } };
const unavailable = {
  description: "The database is away for a moment (code `unavailable`); retry after `Retry-After` seconds",
  content: { "application/json": { schema: ApiError } },
};

function doc(operationId: string, summary: string, description: string, type: string, body: z.ZodType = z.string()): FastifySchema {
  return {
    operationId,
    security: [],
    summary,
    description,
    tags: ["Feeds and exports"],
    querystring: FeedQuery,
    response: { 200: { description: summary, content: { [type]: { schema: body } } }, 400: badRequest, 503: unavailable },
  };
}

const feedDocs = {
  "/feeds/events.ics": doc(
    "getEventsIcal",
    "iCalendar feed",
    "One VEVENT per date of every matching event, times in Europe/Berlin (VTIMEZONE included); subscribable in calendar apps.",
    "text/calendar",
  ),
  "/feeds/events.rss": doc(
    "getEventsRss",
    "RSS 2.0 feed",
    "One item per matching event, in programme order (by start).",
    "application/rss+xml",
  ),
  "/feeds/events.atom": doc(
    "getEventsAtom",
    "Atom feed",
    "One item per matching event, in programme order (by start).",
    "application/atom+xml",
  ),
  "/feeds/events.json": doc(
    "getEventsJsonFeed",
    "JSON Feed 1.1",
    "One item per matching event, in programme order (by start).",
    "application/feed+json",
    JsonFeed,
  ),
  "/export/events.csv": doc(
    "exportEventsCsv",
    "CSV export",
    "One row per event for a German Excel: UTF-8 with BOM, `;` between fields, CRLF, dates as TT.MM.JJJJ HH:MM (Berlin time).",
    "text/csv",
  ),
  "/export/events.xlsx": doc(
    "exportEventsXlsx",
    "Excel export",
    "One row per event with real date cells (Berlin time), frozen and filterable header row.",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    z.string().meta({ format: "binary" }),
  ),
} satisfies Record<string, FastifySchema>;

export type FeedPath = keyof typeof feedDocs;

/**
 * Route config that describes a feed in the OpenAPI document. Documentation only: the route keeps
 * no schema, so nothing about its (strict) validation in loadFeed or its answers changes.
 */
export function feedDoc(url: FeedPath): { swaggerTransform: SwaggerTransform } {
  return { swaggerTransform: (document) => jsonSchemaTransform({ ...document, schema: feedDocs[url], url }) };
}
