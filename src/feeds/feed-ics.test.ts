import { and, eq, inArray, sql } from "drizzle-orm";
import ICAL from "ical.js";
import nodeIcal from "node-ical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { currentYear } from "../../test/template.ts";
import { edition, event, eventSession, organisation } from "../db/schema/index.ts";
import { berlinTime } from "../events/event-dates.ts";
import { insertEventRecord } from "../events/event-record.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function calendar(query = "") {
  const response = await t.app.inject({ method: "GET", url: `/feeds/events.ics${query}` });
  expect(response.statusCode).toBe(200);
  const root = new ICAL.Component(ICAL.parse(response.body));
  for (const zone of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  return { response, root, vevents: root.getAllSubcomponents("vevent") };
}

const eventIdOf = (vevent: ICAL.Component) => Number(/^event-(\d+)-session-\d+@/.exec(String(vevent.getFirstPropertyValue("uid")))?.[1]);

async function publicSessions(year: number) {
  return t.database.db
    .select({ eventId: event.id, status: event.status, sessionId: eventSession.id })
    .from(event)
    .innerJoin(edition, eq(edition.id, event.editionId))
    .innerJoin(eventSession, eq(eventSession.eventId, event.id))
    .where(and(eq(edition.year, year), inArray(event.status, ["published", "cancelled"])));
}

describe("GET /feeds/events.ics", () => {
  it("has the Berlin VTIMEZONE, one VEVENT per session and stable, unique UIDs", async () => {
    const first = await calendar();
    expect(first.response.headers["content-type"]).toMatch(/^text\/calendar/);
    expect(first.response.headers["content-disposition"]).toMatch(/attachment; filename="clusterwoche-\d{4}\.ics"/);
    expect(first.root.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("Europe/Berlin");

    const sessions = await publicSessions(currentYear);
    expect(first.vevents.length).toBe(sessions.length);
    expect(new Set(sessions.map((s) => s.eventId)).size).toBeLessThan(sessions.length); // some multi-session events
    const uids = first.vevents.map((v) => String(v.getFirstPropertyValue("uid")));
    expect(new Set(uids).size).toBe(uids.length);

    const second = await calendar();
    expect(second.vevents.map((v) => String(v.getFirstPropertyValue("uid")))).toEqual(uids);
  });

  it("puts calendar properties before the first component and ends with CRLF (RFC 5545 §3.4, §3.6)", async () => {
    const { response } = await calendar();
    const text = response.body;
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/); // every line ends with CRLF
    const firstComponent = text.indexOf("\r\nBEGIN:", 1);
    for (const name of ["VERSION:", "PRODID:", "X-WR-CALNAME:", "X-WR-TIMEZONE:Europe/Berlin"]) {
      const at = text.indexOf(`\r\n${name}`);
      expect(at, name).toBeGreaterThan(0);
      expect(at, name).toBeLessThan(firstComponent);
    }
    expect(text.lastIndexOf("END:VEVENT\r\n")).toBe(text.length - "END:VEVENT\r\nEND:VCALENDAR\r\n".length);
  });

  it("reads the same in node-ical, a second independent parser: events, times, all-day dates, calendar props", async () => {
    const { response, vevents } = await calendar();
    const parsed = nodeIcal.sync.parseICS(response.body);
    expect(parsed.vcalendar?.["WR-TIMEZONE"]).toBe("Europe/Berlin");
    expect(parsed.vcalendar?.["WR-CALNAME"]).toBe(`Clusterwoche Deutschland ${currentYear}`);
    const events = Object.values(parsed).filter((c) => c?.type === "VEVENT");
    expect(events.length).toBe(vevents.length);
    const byUid = new Map(events.map((e) => [e.type === "VEVENT" ? e.uid : "", e]));
    let allDay = 0;
    for (const vevent of vevents) {
      const mine = byUid.get(String(vevent.getFirstPropertyValue("uid")));
      if (mine?.type !== "VEVENT") throw new Error("VEVENT missing in node-ical");
      const ev = new ICAL.Event(vevent);
      expect(mine.summary).toBe(ev.summary);
      expect(mine.status).toBe(vevent.getFirstPropertyValue("status"));
      if (ev.startDate.isDate) {
        allDay++;
        expect(mine.datetype).toBe("date");
        expect(mine.start.dateOnly).toBe(true);
        expect(ev.endDate.isDate).toBe(true);
      } else {
        expect(mine.datetype).toBe("date-time");
        expect(mine.start.toISOString()).toBe(ev.startDate.toJSDate().toISOString());
        expect(mine.end?.toISOString()).toBe(ev.endDate.toJSDate().toISOString());
      }
    }
    expect(allDay).toBeGreaterThan(0);
  });

  it("marks cancelled events, carries SEQUENCE, DTSTAMP and URL", async () => {
    const { vevents } = await calendar();
    const cancelledIds = new Set((await publicSessions(currentYear)).filter((s) => s.status === "cancelled").map((s) => s.eventId));
    expect(cancelledIds.size).toBeGreaterThan(0);
    for (const vevent of vevents) {
      const cancelled = cancelledIds.has(eventIdOf(vevent));
      expect(vevent.getFirstPropertyValue("status")).toBe(cancelled ? "CANCELLED" : "CONFIRMED");
      expect(typeof vevent.getFirstPropertyValue("sequence")).toBe("number");
      expect(vevent.getFirstProperty("dtstamp")?.toICALString()).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/); // UTC, as RFC 5545 requires
      expect(String(vevent.getFirstPropertyValue("url"))).toMatch(/^http:\/\/localhost:3000\/veranstaltungen\/\d+-/);
    }
    expect(vevents.some((v) => v.getFirstPropertyValue("geo"))).toBe(true);
  });

  it("applies the programme filter and English texts", async () => {
    const [row] = await t.database.db
      .select({ id: event.id, titleEn: event.titleEn })
      .from(event)
      .where(
        and(eq(event.stateCode, "BW"), eq(event.formatCode, "workshop"), eq(event.status, "published"), sql`${event.titleEn} is not null`),
      )
      .limit(1);
    const { vevents } = await calendar("?state=BW&format=workshop&lang=en");
    expect(vevents.length).toBeGreaterThan(0);
    if (row?.titleEn) {
      const mine = vevents.filter((v) => eventIdOf(v) === row.id);
      for (const v of mine) expect(v.getFirstPropertyValue("summary")).toBe(row.titleEn);
    }
  });

  it("gives the right UTC instants for an event across the switch to summer time", async () => {
    const db = t.database.db;
    const [ed] = await db.select().from(edition).where(eq(edition.year, 2019));
    const [org] = await db.select().from(organisation).limit(1);
    if (!ed || !org) throw new Error("demo data missing");
    const id = await insertEventRecord(
      db,
      {
        editionId: ed.id,
        organisationId: org.id,
        slug: "nacht-der-zeitumstellung",
        status: "published",
        titleDe: "Nacht der Zeitumstellung",
        summaryDe: "Eine Stunde fehlt.",
        formatCode: "workshop",
        mode: "online",
        stateCode: org.stateCode,
      },
      [{ startsAt: berlinTime("2019-03-31", "01:30"), endsAt: berlinTime("2019-03-31", "03:30") }],
    );
    const { vevents } = await calendar("?edition=2019");
    const mine = vevents.filter((v) => eventIdOf(v) === id);
    expect(mine.length).toBe(1);
    const [vevent] = mine;
    if (!vevent) throw new Error("missing VEVENT");
    expect(vevent.getFirstProperty("dtstart")?.toICALString()).toBe("DTSTART;TZID=Europe/Berlin:20190331T013000");
    expect(vevent.getFirstProperty("dtend")?.toICALString()).toBe("DTEND;TZID=Europe/Berlin:20190331T033000");
    const ev = new ICAL.Event(vevent);
    expect(ev.startDate.zone?.tzid).toBe("Europe/Berlin");
    expect(ev.startDate.toJSDate().toISOString()).toBe("2019-03-31T00:30:00.000Z");
    expect(ev.endDate.toJSDate().toISOString()).toBe("2019-03-31T01:30:00.000Z");
  });
});
