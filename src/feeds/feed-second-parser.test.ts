import { eq } from "drizzle-orm";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import ICAL from "ical.js";
import nodeIcal from "node-ical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { currentYear } from "../../test/template.ts";
import { edition, organisation } from "../db/schema/index.ts";
import { berlinTime } from "../events/event-dates.ts";
import { eventPath } from "../events/event-path.ts";
import { insertEventRecord } from "../events/event-record.ts";

/**
 * Every feed read by a second parser, independent of the ones the feature tests use (ical.js,
 * rss-parser): node-ical for iCalendar, fast-xml-parser's strict validator for RSS and Atom.
 */
let t: TestApp;
let hostileId = 0;
const hostile = `<script>alert("x")</script> & ]]> \u00e4\u00f6\u00fc; Zeile\r\nzwei, Semikolon; Komma,`;
beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const [ed] = await db.select().from(edition).where(eq(edition.year, currentYear));
  const [org] = await db.select().from(organisation).limit(1);
  if (!ed || !org) throw new Error("demo data missing");
  hostileId = await insertEventRecord(
    db,
    {
      editionId: ed.id,
      organisationId: org.id,
      slug: "feindlicher-text",
      status: "published",
      titleDe: hostile,
      summaryDe: hostile,
      descriptionDe: `${hostile}\n\n**fett** <b onmouseover="x">roh</b>`,
      formatCode: "workshop",
      mode: "online",
      stateCode: org.stateCode,
    },
    [{ startsAt: berlinTime(`${currentYear}-04-07`, "09:00"), endsAt: berlinTime(`${currentYear}-04-07`, "10:30") }],
  );
});
afterAll(() => t?.close());

async function body(url: string): Promise<string> {
  const res = await t.app.inject(url);
  expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
  return res.body;
}

/** UID → start instant of every VEVENT, as ical.js reads them. */
function icalJsEvents(text: string): Map<string, string> {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const zone of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  return new Map(
    root.getAllSubcomponents("vevent").map((v) => {
      const event = new ICAL.Event(v);
      return [event.uid, event.startDate.toJSDate().toISOString()];
    }),
  );
}

/** The same, as node-ical reads them. */
function nodeIcalEvents(text: string): Map<string, { start: string; summary: string }> {
  const parsed = nodeIcal.sync.parseICS(text);
  const events = new Map<string, { start: string; summary: string }>();
  for (const component of Object.values(parsed)) {
    if (component?.type !== "VEVENT") continue;
    const summary = typeof component.summary === "string" ? component.summary : component.summary.val;
    events.set(component.uid, { start: component.start.toISOString(), summary });
  }
  return events;
}

describe("iCalendar read by node-ical", () => {
  const calendars = ["/feeds/events.ics", "/feeds/events.ics?edition=2017", "/feeds/events.ics?state=BW&format=workshop&lang=en"];

  it.each(calendars)("%s: the same events at the same instants as ical.js reads", async (url) => {
    const text = await body(url);
    const byIcalJs = icalJsEvents(text);
    const byNodeIcal = nodeIcalEvents(text);
    expect(byIcalJs.size).toBeGreaterThan(0);
    expect([...byNodeIcal.keys()].sort()).toEqual([...byIcalJs.keys()].sort());
    for (const [uid, { start }] of byNodeIcal) expect(start, uid).toBe(byIcalJs.get(uid));
  });

  it("the .ics of one event, and text with markup, line breaks, commas and semicolons, come back as written", async () => {
    const feed = nodeIcalEvents(await body(`/feeds/events.ics?edition=${currentYear}`));
    const one = nodeIcalEvents(await body(`${eventPath({ id: hostileId, slug: "feindlicher-text" })}.ics`));
    expect(one.size).toBe(1);
    const [uid, entry] = [...one][0] ?? [];
    expect(entry?.summary).toBe(hostile.replace(/\r\n/g, "\n"));
    expect(entry?.start).toBe(berlinTime(`${currentYear}-04-07`, "09:00").toISOString());
    expect(feed.get(uid ?? "")).toEqual(entry);
  });
});

describe("RSS and Atom are well-formed XML (fast-xml-parser, strict)", () => {
  const feeds = [
    "/feeds/events.rss",
    "/feeds/events.rss?lang=en&edition=2017",
    "/feeds/events.rss?state=BW&format=workshop",
    "/feeds/events.atom",
    "/feeds/events.atom?lang=en&edition=2017",
    "/feeds/events.atom?mode=online",
  ];

  it.each(feeds)("%s", async (url) => {
    const text = await body(url);
    expect(XMLValidator.validate(text, { allowBooleanAttributes: false })).toBe(true);
  });

  it("keeps hostile text inside its element, read back as the organiser wrote it", async () => {
    const parser = new XMLParser({ ignoreAttributes: false, textNodeName: "text" });
    const textOf = (node: unknown) => String(typeof node === "object" && node !== null ? (node as { text: unknown }).text : node);
    const rss = parser.parse(await body("/feeds/events.rss?mode=online"));
    const atom = parser.parse(await body("/feeds/events.atom?mode=online"));
    const rssTitles = [rss.rss.channel.item].flat().map((item: { title: unknown }) => textOf(item.title));
    const atomTitles = [atom.feed.entry].flat().map((entry: { title: unknown }) => textOf(entry.title));
    const expected = hostile.replace(/\s+/g, " ");
    expect(rssTitles.map((title) => title.replace(/\s+/g, " "))).toContain(expected);
    expect(atomTitles.map((title) => title.replace(/\s+/g, " "))).toContain(expected);
  });
});
