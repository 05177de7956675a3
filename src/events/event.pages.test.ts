import { sql } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { queryRows } from "../db/client.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Row = { id: number; slug: string; status: string; sessions: number };
const eventWhere = async (where: ReturnType<typeof sql>) => {
  const [row] = await queryRows<Row>(
    t.database.db,
    sql`select e.id, e.slug, e.status, (select count(*)::int from event_session s where s.event_id = e.id) as sessions from event e where ${where} order by e.id limit 1`,
  );
  if (!row) throw new Error("the demo data lacks such an event");
  return row;
};
const get = (url: string) => t.app.inject({ method: "GET", url });

describe("event page", () => {
  it("shows every detail with schema.org Event JSON-LD", async () => {
    const e = await eventWhere(
      sql`e.status = 'published' and e.mode = 'hybrid' and e.is_free and e.edition_id = (select id from edition where year = 2019)`,
    );
    const response = await get(`/veranstaltungen/${e.id}-${e.slug}`);
    expect(response.statusCode).toBe(200);
    const doc = parseHtml(response.body);
    expect(doc.querySelectorAll("h1")).toHaveLength(1);
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? "{}");
    expect(ld["@type"]).toBe("Event");
    expect(ld.eventStatus).toBe("https://schema.org/EventScheduled");
    expect(ld.eventAttendanceMode).toBe("https://schema.org/MixedEventAttendanceMode");
    const locations = Array.isArray(ld.location) ? ld.location : [ld.location];
    expect(locations.map((l: { "@type": string }) => l["@type"]).sort()).toEqual(["Place", "VirtualLocation"]);
    expect(ld.organizer["@type"]).toBe("Organization");
    expect(ld.offers.price).toBe(0);
    expect(doc.querySelector('a[href$=".ics"]')).not.toBeNull();
    expect(doc.querySelector('meta[property="og:title"]')?.getAttribute("content")).toBeTruthy();
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(
      `http://localhost:3000/veranstaltungen/${e.id}-${e.slug}`,
    );
    expect(response.body).toMatch(/%23Clusterwoche2019|Clusterwoche2019/);
  });

  it("marks a cancelled event with a banner and EventCancelled", async () => {
    const e = await eventWhere(sql`e.status = 'cancelled'`);
    const doc = parseHtml((await get(`/veranstaltungen/${e.id}-${e.slug}`)).body);
    expect(doc.querySelector(".banner-cancelled")?.textContent).toContain("abgesagt");
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? "{}");
    expect(ld.eventStatus).toBe("https://schema.org/EventCancelled");
  });

  it("offers an .ics with one VEVENT per date, in Europe/Berlin", async () => {
    const e = await eventWhere(sql`e.status = 'published' and (select count(*) from event_session s where s.event_id = e.id) > 1`);
    const response = await get(`/veranstaltungen/${e.id}-${e.slug}.ics`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/calendar");
    const calendar = new ICAL.Component(ICAL.parse(response.body));
    expect(calendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("Europe/Berlin");
    const events = calendar.getAllSubcomponents("vevent");
    expect(events).toHaveLength(e.sessions);
    const uids = events.map((v) => v.getFirstPropertyValue("uid"));
    expect(new Set(uids).size).toBe(e.sessions);
    const start = events[0]?.getFirstProperty("dtstart");
    expect(start?.getParameter("tzid") ?? (start?.getFirstValue() as ICAL.Time | undefined)?.isDate).toBeTruthy();
    // Same UIDs on a second download: calendars update instead of duplicating.
    const again = new ICAL.Component(ICAL.parse((await get(`/veranstaltungen/${e.id}-${e.slug}.ics`)).body));
    expect(again.getAllSubcomponents("vevent").map((v) => v.getFirstPropertyValue("uid"))).toEqual(uids);
  });

  it("answers 404 in the site's design for unknown, malformed and unpublished events", async () => {
    const draft = await eventWhere(sql`e.status in ('draft', 'submitted')`);
    for (const path of [
      "/veranstaltungen/999999-nope",
      "/veranstaltungen/abc",
      `/veranstaltungen/${draft.id}-${draft.slug}`,
      "/veranstaltungen/1%27%20or%201=1",
    ]) {
      const response = await get(path);
      expect(response.statusCode, path).toBe(404);
      expect(parseHtml(response.body).querySelector("h1")?.textContent).toBe("Seite nicht gefunden");
    }
  });

  it("redirects a link with an outdated slug to the canonical one", async () => {
    const e = await eventWhere(sql`e.status = 'published'`);
    const response = await get(`/veranstaltungen/${e.id}-old-title?lang=en`);
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toBe(`/veranstaltungen/${e.id}-${e.slug}?lang=en`);
  });

  it("shows English texts with lang=en where the organiser gave them", async () => {
    const e = await eventWhere(sql`e.status = 'published' and e.title_en is not null`);
    const [row] = await queryRows<{ title_en: string }>(t.database.db, sql`select title_en from event where id = ${e.id}`);
    const doc = parseHtml((await get(`/veranstaltungen/${e.id}-${e.slug}?lang=en`)).body);
    expect(doc.querySelector("h1")?.textContent).toBe(row?.title_en);
    expect(doc.documentElement.getAttribute("lang")).toBe("en");
  });
});
