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

type Cell = string | number | Date;
type Column = { key: string; de: string; en: string; width: number; value: (e: FeedEvent, data: FeedData) => Cell };

const yesNo = (lang: Lang, value: boolean) => (lang === "en" ? (value ? "yes" : "no") : value ? "ja" : "nein");

/** One row per event; Beginn/Ende are the first start and the last end over all its dates. */
const columns = (baseUrl: string): Column[] => [
  { key: "title", de: "Titel", en: "Title", width: 50, value: (e, d) => pick(d.lang, e.event.titleDe, e.event.titleEn) },
  { key: "start", de: "Beginn", en: "Start", width: 17, value: (e) => e.event.startsAt },
  { key: "end", de: "Ende", en: "End", width: 17, value: (e) => e.event.endsAt },
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
    value: (e, d) => e.event.topics.map((t) => termName(d.taxonomies.topics, t, d.lang)).join(", "),
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

/** "02.04.2019 10:00" in Berlin time, as German Excel reads dates in CSV. */
export const germanDateTime = (instant: Date) => format(new TZDate(instant.getTime(), TIME_ZONE), "dd.MM.yyyy HH:mm");

/** Text an organiser wrote must not run as a spreadsheet formula (CSV injection). */
const defuse = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** CSV for a German Excel: UTF-8 with BOM, `;` between fields, CRLF line ends, TT.MM.JJJJ HH:MM. */
export function feedToCsv(data: FeedData, baseUrl: string): string {
  const cols = columns(baseUrl);
  const records = data.events.map((e) =>
    cols.map((c) => {
      const value = c.value(e, data);
      return value instanceof Date ? germanDateTime(value) : typeof value === "number" ? String(value) : defuse(value);
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

/** Excel cells have no time zone: store the Berlin wall-clock time, so the cell shows 10:00 for 10:00 in Berlin. */
function berlinWallClock(instant: Date): Date {
  const z = new TZDate(instant.getTime(), TIME_ZONE);
  return new Date(Date.UTC(z.getFullYear(), z.getMonth(), z.getDate(), z.getHours(), z.getMinutes(), z.getSeconds()));
}

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
    ...(c.key === "start" || c.key === "end" ? { style: { numFmt: "dd.mm.yyyy hh:mm" } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const e of data.events) {
    sheet.addRow(
      Object.fromEntries(
        cols.map((c) => {
          const value = c.value(e, data);
          return [c.key, value instanceof Date ? berlinWallClock(value) : value];
        }),
      ),
    );
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
