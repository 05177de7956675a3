import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { feedToCsv, feedToXlsx } from "./export-formats.ts";
import { feedDoc } from "./feed.schemas.ts";
import { type FeedKind, feedToIcsStream, feedToText } from "./feed-formats.ts";
import { type FeedContext, loadFeed, loadFeedBatches } from "./load-feed.ts";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const textFeeds: Record<FeedKind, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
};

const searchParams = (request: FastifyRequest) => new URL(request.url, "http://localhost").searchParams;

function fileName(data: FeedContext, extension: string): string {
  return `clusterwoche-${data.edition.year}.${extension}`;
}

/** Feeds (iCalendar, RSS, Atom, JSON Feed) and exports (CSV, XLSX) of any programme filter. */
export function registerFeedRoutes(app: FastifyInstance): void {
  const load = (request: FastifyRequest) => loadFeed(app.database.db, searchParams(request));
  const attach = (reply: FastifyReply, type: string, name: string) =>
    reply.type(type).header("content-disposition", `attachment; filename="${name}"`);

  app.get("/feeds/events.ics", { config: { publicCache: true, ...feedDoc("/feeds/events.ics") } }, async (request, reply) => {
    // Streamed: 5,000 events are 12 MB of iCalendar; the first bytes leave before the last event is read.
    const data = await loadFeedBatches(app.database.db, searchParams(request));
    return attach(reply, "text/calendar; charset=utf-8", fileName(data, "ics")).send(feedToIcsStream(data, app.config.baseUrl));
  });

  for (const kind of Object.keys(textFeeds) as FeedKind[]) {
    app.get(`/feeds/events.${kind}`, { config: { publicCache: true, ...feedDoc(`/feeds/events.${kind}`) } }, async (request, reply) => {
      const data = await load(request);
      const text = feedToText(data, kind, app.config.baseUrl);
      return reply.type(textFeeds[kind]).send(text);
    });
  }

  app.get("/export/events.csv", { config: { publicCache: true, ...feedDoc("/export/events.csv") } }, async (request, reply) => {
    const data = await load(request);
    return attach(reply, "text/csv; charset=utf-8", fileName(data, "csv")).send(feedToCsv(data, app.config.baseUrl));
  });

  app.get("/export/events.xlsx", { config: { publicCache: true, ...feedDoc("/export/events.xlsx") } }, async (request, reply) => {
    const data = await load(request);
    return attach(reply, XLSX_TYPE, fileName(data, "xlsx")).send(await feedToXlsx(data, app.config.baseUrl));
  });
}
