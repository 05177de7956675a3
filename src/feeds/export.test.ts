import { parse } from "csv-parse/sync";
import { and, eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { currentYear } from "../../test/template.ts";
import { edition, event, eventSession } from "../db/schema/index.ts";
import { berlinDay } from "../events/event-dates.ts";
import { germanDate, germanDateTime } from "./export-formats.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: "GET", url });

async function programmeCount(query: string): Promise<number> {
  const doc = parseHtml((await get(`/programm?${query}`)).body);
  return Number((doc.querySelector("#results-heading")?.textContent ?? "").replace(/\D/g, "") || "0");
}

type Times = { startsAt: Date; endsAt: Date; startAllDay: boolean; endAllDay: boolean };

/** First start and last end of the current edition's demo events by URL, and whether those sessions are all-day. */
async function eventTimes(): Promise<Map<string, Times>> {
  const rows = await t.database.db
    .select({ id: event.id, slug: event.slug, startsAt: eventSession.startsAt, endsAt: eventSession.endsAt, allDay: eventSession.allDay })
    .from(event)
    .innerJoin(edition, eq(edition.id, event.editionId))
    .innerJoin(eventSession, eq(eventSession.eventId, event.id))
    .where(and(eq(edition.year, currentYear), inArray(event.status, ["published", "cancelled"])));
  const times = new Map<string, Times>();
  for (const r of rows) {
    const url = `http://localhost:3000/veranstaltungen/${r.id}-${r.slug}`;
    const known = times.get(url) ?? { startsAt: r.startsAt, endsAt: r.endsAt, startAllDay: r.allDay, endAllDay: r.allDay };
    if (r.startsAt <= known.startsAt) Object.assign(known, { startsAt: r.startsAt, startAllDay: r.allDay });
    if (r.endsAt >= known.endsAt) Object.assign(known, { endsAt: r.endsAt, endAllDay: r.allDay });
    times.set(url, known);
  }
  return times;
}

/** What the export should show: a time, or for all-day dates the day (the last one for the end). */
function expectedCsv(known: Times): [string, string] {
  const lastDay = new Date(known.endsAt.getTime() - 1);
  return [
    known.startAllDay ? germanDate(known.startsAt) : germanDateTime(known.startsAt),
    known.endAllDay ? germanDate(lastDay) : germanDateTime(known.endsAt),
  ];
}

describe("GET /export/events.csv", () => {
  it("writes CSV for a German Excel: BOM, semicolons, CRLF, German headers and dates", async () => {
    const response = await get("/export/events.csv?state=BW&format=workshop");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/csv/);
    expect(response.headers["content-disposition"]).toMatch(/attachment; filename="clusterwoche-\d{4}\.csv"/);
    const bytes = response.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text.indexOf("\n")).toBe(text.indexOf("\r\n") + 1);
    expect(text.endsWith("\r\n")).toBe(true);

    const rows = parse(text, { bom: true, delimiter: ";", columns: true }) as Record<string, string>[];
    const header = Object.keys(rows[0] ?? {});
    expect(header).toEqual(
      expect.arrayContaining(["Titel", "Beginn", "Ende", "Format", "Teilnahme", "Land", "Ort", "Veranstalter", "URL"]),
    );
    expect(rows.length).toBe(await programmeCount("state=BW&format=workshop"));
    const times = await eventTimes();
    for (const row of rows) {
      expect(row.Land).toBe("Baden-Württemberg");
      expect(row.Format).toBe("Workshop");
      expect(row.Beginn).toMatch(/^\d{2}\.\d{2}\.\d{4}( \d{2}:\d{2})?$/);
      const known = times.get(row.URL ?? "");
      expect(known).toBeDefined();
      if (known) expect([row.Beginn, row.Ende]).toEqual(expectedCsv(known));
    }
  });

  it("shows the last day of an all-day event as its end, not the exclusive midnight after it", async () => {
    const text = (await get("/export/events.csv")).rawPayload.toString("utf8");
    const rows = parse(text, { bom: true, delimiter: ";", columns: true }) as Record<string, string>[];
    const times = await eventTimes();
    const allDay = rows.filter((row) => times.get(row.URL ?? "")?.endAllDay);
    expect(allDay.length).toBeGreaterThan(0);
    for (const row of allDay) {
      const known = times.get(row.URL ?? "");
      if (!known) throw new Error("unknown event");
      expect(row.Ende).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
      expect(row.Ende).not.toBe(germanDate(known.endsAt)); // that midnight is the day after
      expect([row.Beginn, row.Ende]).toEqual(expectedCsv(known));
    }
    // A one-day all-day event starts and ends on the same day.
    expect(allDay.some((row) => row.Beginn === row.Ende)).toBe(true);
  });

  it("formats dates in Berlin time on both sides of the DST switch", () => {
    expect(germanDateTime(new Date("2019-03-31T00:30:00Z"))).toBe("31.03.2019 01:30");
    expect(germanDateTime(new Date("2019-03-31T01:30:00Z"))).toBe("31.03.2019 03:30");
    expect(germanDateTime(new Date("2019-04-02T08:00:00Z"))).toBe("02.04.2019 10:00");
  });

  it("answers 400 for an unknown state", async () => {
    const response = await get("/export/events.csv?state=XX");
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body).error.fields).toHaveProperty("state");
  });
});

describe("GET /export/events.xlsx", () => {
  it("writes a workbook with a header row and real date cells in Berlin time", async () => {
    const response = await get("/export/events.xlsx?state=BW&format=workshop");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers["content-disposition"]).toMatch(/attachment; filename="clusterwoche-\d{4}\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error("no worksheet");
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(
      expect.arrayContaining(["Titel", "Beginn", "Ende", "Format", "Teilnahme", "Land", "Ort", "Veranstalter", "URL"]),
    );
    const column = (name: string) => header.indexOf(name) + 1;
    expect(sheet.rowCount - 1).toBe(await programmeCount("state=BW&format=workshop"));

    const times = await eventTimes();
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const start = row.getCell(column("Beginn")).value;
      expect(start).toBeInstanceOf(Date);
      const url = String(row.getCell(column("URL")).value);
      const known = times.get(url);
      expect(known).toBeDefined();
      // Excel dates carry no zone: the cell holds the Berlin wall-clock time.
      if (known && start instanceof Date && !known.startAllDay) {
        expect(start.toISOString().slice(0, 16).replace("T", " ")).toBe(berlinIso(known.startsAt));
      }
    });
  });

  it("gives all-day events date cells, the end on their last day", async () => {
    const response = await get("/export/events.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error("no worksheet");
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = (name: string) => header.indexOf(name) + 1;
    const times = await eventTimes();
    let allDay = 0;
    sheet.eachRow((row, n) => {
      const known = times.get(String(row.getCell(column("URL")).value));
      if (n === 1 || !known?.endAllDay) return;
      allDay++;
      const end = row.getCell(column("Ende"));
      expect(end.numFmt).toBe("dd.mm.yyyy");
      expect(end.value instanceof Date && end.value.toISOString()).toBe(`${berlinDay(new Date(known.endsAt.getTime() - 1))}T00:00:00.000Z`);
      if (known.startAllDay) {
        const start = row.getCell(column("Beginn"));
        expect(start.numFmt).toBe("dd.mm.yyyy");
        expect(start.value instanceof Date && start.value.toISOString()).toBe(`${berlinDay(known.startsAt)}T00:00:00.000Z`);
      }
    });
    expect(allDay).toBeGreaterThan(0);
  });
});

function berlinIso(instant: Date): string {
  const [date, time] = germanDateTime(instant).split(" ");
  const [d, m, y] = (date ?? "").split(".");
  return `${y}-${m}-${d} ${time}`;
}
