import { Readable } from "node:stream";
import { Feed } from "feed";
import { eventsToIcs, icsChunks } from "../events/event-ics.ts";
import { eventPath } from "../events/event-path.ts";
import { filterParams } from "../events/programme-filter.ts";
import { formatSpan } from "../lib/format-date.ts";
import { pick } from "../lib/language.ts";
import { queryString } from "../lib/page-context.ts";
import { termName } from "../taxonomies/taxonomy-queries.ts";
import type { FeedEvent } from "./feed-queries.ts";
import type { FeedBatches, FeedContext, FeedData } from "./load-feed.ts";

export type FeedKind = "rss" | "atom" | "json";

/** The filter (and language) as a query string, for links back to the programme and between feeds. */
export function feedQuery(data: FeedData): string {
  return queryString({ ...filterParams(data.filter, data.currentYear), lang: data.lang === "en" ? "en" : undefined });
}

/** The calendar of all matching sessions (one VEVENT each). */
export function feedToIcs(data: FeedData, baseUrl: string): string {
  return eventsToIcs(data.events, icsOptions(data, baseUrl));
}

/** The same calendar as a byte stream, written batch by batch as the events are read. */
export function feedToIcsStream(data: FeedBatches, baseUrl: string): Readable {
  return Readable.from(icsChunks(data.batches, icsOptions(data, baseUrl)), { objectMode: false });
}

const icsOptions = (data: FeedContext, baseUrl: string) => ({
  lang: data.lang,
  baseUrl,
  name: pick(data.lang, data.edition.titleDe, data.edition.titleEn),
});

function whenAndWhere(data: FeedData, e: FeedEvent): string {
  const [first] = e.sessions;
  const span = first
    ? formatSpan(data.lang, first.startsAt, first.endsAt, first.allDay)
    : formatSpan(data.lang, e.event.startsAt, e.event.endsAt);
  const more =
    e.sessions.length > 1
      ? data.lang === "en"
        ? ` (+${e.sessions.length - 1} more dates)`
        : ` (+${e.sessions.length - 1} weitere Termine)`
      : "";
  const place = e.venue?.city ?? "Online";
  return `${span}${more} · ${place}`;
}

/**
 * RSS 2.0, Atom or JSON Feed 1.1 with one item per event, in programme order (by start date, like
 * the programme page). The item date is the event's last change, `published` its publication.
 */
export function feedToText(data: FeedData, kind: FeedKind, baseUrl: string): string {
  const query = feedQuery(data);
  const cancelled = data.lang === "en" ? "Cancelled: " : "Abgesagt: ";
  const updated = data.events.reduce((max, e) => (e.event.updatedAt > max ? e.event.updatedAt : max), new Date(0));
  const edition = pick(data.lang, data.edition.titleDe, data.edition.titleEn);
  const feed = new Feed({
    title: `${edition} – ${data.lang === "en" ? "programme" : "Programm"}`,
    description: data.lang === "en" ? `Events in the programme of ${edition}` : `Veranstaltungen im Programm der ${edition}`,
    id: `${baseUrl}/feeds/events.atom${query}`,
    link: `${baseUrl}/programm${query}`,
    language: data.lang,
    updated: data.events.length ? updated : new Date(`${data.edition.startsOn}T00:00:00Z`),
    generator: "Clusterwoche",
    feedLinks: {
      rss: `${baseUrl}/feeds/events.rss${query}`,
      atom: `${baseUrl}/feeds/events.atom${query}`,
      json: `${baseUrl}/feeds/events.json${query}`,
    },
    copyright: "Clusterwoche",
  });
  for (const e of data.events) {
    const url = `${baseUrl}${eventPath(e.event)}`;
    const title = pick(data.lang, e.event.titleDe, e.event.titleEn);
    const summary = pick(data.lang, e.event.summaryDe, e.event.summaryEn);
    feed.addItem({
      title: e.event.status === "cancelled" ? `${cancelled}${title}` : title,
      id: url,
      link: url,
      date: e.event.updatedAt,
      ...(e.event.publishedAt ? { published: e.event.publishedAt } : {}),
      description: `${whenAndWhere(data, e)} – ${summary}`,
      // RSS <author> must be an e-mail address; there the organisation goes into dc:creator instead.
      ...(kind === "rss"
        ? { extensions: [{ name: "dc:creator", objects: { _text: e.organisation.name } }] }
        : { author: [{ name: e.organisation.name, link: `${baseUrl}/organisationen/${e.organisation.slug}` }] }),
      category: [
        { name: termName(data.taxonomies.formats, e.event.formatCode, data.lang), term: `format:${e.event.formatCode}` },
        ...e.event.topics.map((code) => ({ name: termName(data.taxonomies.allTopics, code, data.lang), term: `topic:${code}` })),
      ],
    });
  }
  if (kind === "rss") return withRootAttribute(feed.rss2(), '<rss version="2.0"', ' xmlns:dc="http://purl.org/dc/elements/1.1/"');
  if (kind === "atom") return withRootAttribute(feed.atom1(), '<feed xmlns="http://www.w3.org/2005/Atom"', ` xml:lang="${data.lang}"`);
  return toJsonFeed11(feed.json1(), data.lang);
}

/** The library fixes the root element's attributes: add the namespace or language it leaves out. */
function withRootAttribute(xml: string, root: string, attribute: string): string {
  const at = xml.indexOf(root);
  if (at === -1) throw new Error(`feed root ${root} not found`);
  return `${xml.slice(0, at + root.length)}${attribute}${xml.slice(at + root.length)}`;
}

type JsonFeedItem = { author?: unknown; authors?: unknown[] };

/** The library writes JSON Feed 1.0; 1.1 adds `language` and `authors` and deprecates `author`. */
function toJsonFeed11(json: string, lang: string): string {
  const parsed = JSON.parse(json) as { version: string; items: JsonFeedItem[]; language?: string };
  parsed.version = "https://jsonfeed.org/version/1.1";
  parsed.language = lang;
  parsed.items = parsed.items.map(({ author, ...item }) => (author ? { ...item, authors: [author] } : item));
  const { version, ...rest } = parsed;
  return JSON.stringify({ version, ...rest });
}
