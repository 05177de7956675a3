import { parse } from "csv-parse/sync";
import { and, eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { edition, event } from "../db/schema/index.ts";
import { germanDateTime } from "./export-formats.ts";

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

/** Start and end of the demo events by URL, to check the exported times. */
async function eventTimes(): Promise<Map<string, { startsAt: Date; endsAt: Date }>> {
  const rows = await t.database.db
    .select({ id: event.id, slug: event.slug, startsAt: event.startsAt, endsAt: event.endsAt })
    .from(event)
    .innerJoin(edition, eq(edition.id, event.editionId))
    .where(and(eq(edition.year, 2019), inArray(event.status, ["published", "cancelled"])));
  return new Map(rows.map((r) => [`http://localhost:3000/veranstaltungen/${r.id}-${r.slug}`, r]));
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
      expect(row.Beginn).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
      const known = times.get(row.URL ?? "");
      expect(known).toBeDefined();
      if (known) expect([row.Beginn, row.Ende]).toEqual([germanDateTime(known.startsAt), germanDateTime(known.endsAt)]);
    }
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
      if (known && start instanceof Date) expect(start.toISOString().slice(0, 16).replace("T", " ")).toBe(berlinIso(known.startsAt));
    });
  });
});

function berlinIso(instant: Date): string {
  const [date, time] = germanDateTime(instant).split(" ");
  const [d, m, y] = (date ?? "").split(".");
  return `${y}-${m}-${d} ${time}`;
}
