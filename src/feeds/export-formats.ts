import { TZDate } from "@date-fns/tz";
import { stringify } from "csv-stringify/sync";
import { format } from "date-fns";
import ExcelJS from "exceljs";
import { TIME_ZONE } from "../events/event-dates.ts";
import { eventPath } from "../events/event-path.ts";
import type { Lang } from "../lib/language.ts";
import { pick } from "../lib/language.ts";
import { termName } from "../taxonomies/taxonomy-queries.ts";
import type { FeedEvent } from "./feed-queries.ts";
import type { FeedData } from "./load-feed.ts";

/** A moment of an event: all-day ones are a calendar day (the last day for an end), others a time. */
type When = { instant: Date; allDay: boolean };
type Cell = string | number | When;
type Column = { key: string; de: string; en: string; width: number; value: (e: FeedEvent, data: FeedData) => Cell };

const yesNo = (lang: Lang, value: boolean) => (lang === "en" ? (value ? "yes" : "no") : value ? "ja" : "nein");

/** One row per event; Beginn/Ende are the first start and the last end over all its dates. */
const columns = (baseUrl: string): Column[] => [
  { key: "title", de: "Titel", en: "Title", width: 50, value: (e, d) => pick(d.lang, e.event.titleDe, e.event.titleEn) },
  { key: "start", de: "Beginn", en: "Start", width: 17, value: (e) => startOf(e) },
  { key: "end", de: "Ende", en: "End", width: 17, value: (e) => endOf(e) },
  { key: "dates", de: "Termine", en: "Dates", width: 8, value: (e) => e.sessions.length },
  { key: "format", de: "Format", en: "Format", width: 18, value: (e, d) => termName(d.taxonomies.formats, e.event.formatCode, d.lang) },
  { key: "mode", de: "Teilnahme", en: "Attendance", width: 10, value: (e, d) => termName(d.taxonomies.modes, e.event.mode, d.lang) },
  { key: "state", de: "Land", en: "State", width: 22, value: (e, d) => termName(d.taxonomies.states, e.event.stateCode, d.lang) },
  { key: "city", de: "Ort", en: "City", width: 18, value: (e) => e.venue?.city ?? "" },
  { key: "venue", de: "Veranstaltungsort", en: "Venue", width: 30, value: (e) => e.venue?.name ?? "" },
  { key: "organiser", de: "Veranstalter", en: "Organiser", width: 40, value: (e) => e.organisation.name },
  {
    key: "topics",
    de: "Themen",
    en: "Topics",
    width: 30,
    value: (e, d) => e.event.topics.map((t) => termName(d.taxonomies.allTopics, t, d.lang)).join(", "),
  },
  { key: "languages", de: "Sprachen", en: "Languages", width: 10, value: (e) => e.event.languages.join(", ") },
  { key: "free", de: "Kostenfrei", en: "Free", width: 10, value: (e, d) => yesNo(d.lang, e.event.isFree) },
  {
    key: "status",
    de: "Status",
    en: "Status",
    width: 14,
    value: (e, d) =>
      e.event.status === "cancelled" ? (d.lang === "en" ? "cancelled" : "abgesagt") : d.lang === "en" ? "published" : "veröffentlicht",
  },
  { key: "summary", de: "Kurzbeschreibung", en: "Summary", width: 60, value: (e, d) => pick(d.lang, e.event.summaryDe, e.event.summaryEn) },
  { key: "url", de: "URL", en: "URL", width: 45, value: (e) => `${baseUrl}${eventPath(e.event)}` },
];

/** The first start; a day when the session that starts first is all-day. */
function startOf(e: FeedEvent): When {
  const first = e.sessions.find((s) => s.startsAt.getTime() === e.event.startsAt.getTime());
  return { instant: e.event.startsAt, allDay: first?.allDay ?? false };
}

/** The last end; for an all-day session its last day, not the exclusive midnight after it. */
function endOf(e: FeedEvent): When {
  const last = e.sessions.findLast((s) => s.endsAt.getTime() === e.event.endsAt.getTime());
  if (!last?.allDay) return { instant: e.event.endsAt, allDay: false };
  return { instant: new Date(Math.max(e.event.startsAt.getTime(), e.event.endsAt.getTime() - 1)), allDay: true };
}

const isWhen = (value: Cell): value is When => typeof value === "object";

/** "02.04.2019 10:00" in Berlin time, as German Excel reads dates in CSV. */
export const germanDateTime = (instant: Date) => format(new TZDate(instant.getTime(), TIME_ZONE), "dd.MM.yyyy HH:mm");
/** "02.04.2019": the Berlin day of an instant. */
export const germanDate = (instant: Date) => format(new TZDate(instant.getTime(), TIME_ZONE), "dd.MM.yyyy");

/** Text an organiser wrote must not run as a spreadsheet formula (CSV injection). */
export const defuse = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** CSV for a German Excel: UTF-8 with BOM, `;` between fields, CRLF line ends, TT.MM.JJJJ HH:MM. */
export function feedToCsv(data: FeedData, baseUrl: string): string {
  const cols = columns(baseUrl);
  const records = data.events.map((e) =>
    cols.map((c) => {
      const value = c.value(e, data);
      if (isWhen(value)) return value.allDay ? germanDate(value.instant) : germanDateTime(value.instant);
      return typeof value === "number" ? String(value) : defuse(value);
    }),
  );
  return stringify(records, {
    bom: true,
    delimiter: ";",
    record_delimiter: "windows",
    header: true,
    columns: cols.map((c) => ({ key: String(cols.indexOf(c)), header: c[data.lang] })),
  });
}

/**
 * Excel cells have no time zone: store the Berlin wall-clock time, so the cell shows 10:00 for 10:00
 * in Berlin; an all-day moment is the midnight of its Berlin day.
 */
function berlinWallClock({ instant, allDay }: When): Date {
  const z = new TZDate(instant.getTime(), TIME_ZONE);
  if (allDay) return new Date(Date.UTC(z.getFullYear(), z.getMonth(), z.getDate()));
  return new Date(Date.UTC(z.getFullYear(), z.getMonth(), z.getDate(), z.getHours(), z.getMinutes(), z.getSeconds()));
}

const DATE_TIME_FORMAT = "dd.mm.yyyy hh:mm";
const DATE_FORMAT = "dd.mm.yyyy";

/** An XLSX workbook with a header row (frozen, filterable) and real date cells. */
export async function feedToXlsx(data: FeedData, baseUrl: string): Promise<Buffer> {
  const cols = columns(baseUrl);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Clusterwoche";
  const sheet = workbook.addWorksheet(data.lang === "en" ? "Events" : "Veranstaltungen", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = cols.map((c) => ({
    header: c[data.lang],
    key: c.key,
    width: c.width,
    ...(c.key === "start" || c.key === "end" ? { style: { numFmt: DATE_TIME_FORMAT } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const e of data.events) {
    const values = cols.map((c) => [c.key, c.value(e, data)] as const);
    const row = sheet.addRow(Object.fromEntries(values.map(([key, value]) => [key, isWhen(value) ? berlinWallClock(value) : value])));
    for (const [key, value] of values) if (isWhen(value) && value.allDay) row.getCell(key).numFmt = DATE_FORMAT;
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
