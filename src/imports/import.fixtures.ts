// Test factories for the import tests (imported only by *.test.ts files and the bench).
import ExcelJS from "exceljs";
import { importColumns } from "./import-columns.ts";
import type { CellValue } from "./parse-dates.ts";

/** A sheet row by column key ("titleDe", "venue.city", "start" …). */
export type Row = Record<string, CellValue>;

const headerOf = (key: string, lang: "de" | "en") => {
  const column = importColumns.find((c) => c.key === key);
  if (!column) throw new Error(`no column ${key}`);
  return lang === "en" ? column.en : column.de;
};

/** A valid event row on a day of the edition (Berlin wall clock in the date cells). */
export function validRow(reference: string, day: string, overrides: Row = {}): Row {
  return {
    reference,
    titleDe: `Workshop ${reference}`,
    summaryDe: "Ein Workshop zum Ausprobieren.",
    formatCode: "Workshop",
    mode: "Vor Ort",
    start: new Date(`${day}T10:00:00Z`),
    end: new Date(`${day}T12:00:00Z`),
    "venue.name": "Haus der Wirtschaft",
    "venue.street": "Willi-Bleicher-Straße 19",
    "venue.postalCode": "70174",
    "venue.city": "Stuttgart",
    "venue.stateCode": "Baden-Württemberg",
    ...overrides,
  };
}

/** An XLSX with these columns (German or English headers) and rows, as a spreadsheet program would save it. */
export async function xlsxOf(keys: string[], rows: Row[], lang: "de" | "en" = "de"): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Veranstaltungen");
  sheet.addRow(keys.map((k) => headerOf(k, lang)));
  for (const r of rows) sheet.addRow(keys.map((k) => r[k] ?? null));
  keys.forEach((k, i) => {
    if (k === "start" || k === "end") sheet.getColumn(i + 1).numFmt = "dd.mm.yyyy hh:mm";
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const two = (n: number) => String(n).padStart(2, "0");
const csvCell = (v: CellValue): string => {
  if (v === null) return "";
  if (v instanceof Date)
    return `${two(v.getUTCDate())}.${two(v.getUTCMonth() + 1)}.${v.getUTCFullYear()} ${two(v.getUTCHours())}:${two(v.getUTCMinutes())}`;
  const text = String(v);
  return /[;,"\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** A CSV as German Excel writes it ("sep=;", `;`, CRLF, Windows-1252) or as others do (UTF-8, `,`). */
export function csvOf(
  keys: string[],
  rows: Row[],
  options: { delimiter?: string; encoding?: "utf8" | "windows-1252"; sepLine?: boolean; bom?: boolean } = {},
): Buffer {
  const d = options.delimiter ?? ";";
  const lines = [keys.map((k) => csvCell(headerOf(k, "de"))).join(d), ...rows.map((r) => keys.map((k) => csvCell(r[k] ?? null)).join(d))];
  const text = `${options.sepLine ? `sep=${d}\r\n` : ""}${lines.join("\r\n")}\r\n`;
  if (options.encoding === "windows-1252") return windows1252(text);
  return Buffer.concat([options.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, "utf8")]);
}

/** Windows-1252 bytes of a text (Latin-1 plus the few characters 1252 puts at 0x80–0x9F). */
function windows1252(text: string): Buffer {
  const extra: Record<string, number> = { "€": 0x80, "„": 0x84, "“": 0x93, "”": 0x94, "–": 0x96, "—": 0x97 };
  return Buffer.from([...text].map((c) => extra[c] ?? (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f)));
}

export const basicKeys = [
  "reference",
  "titleDe",
  "summaryDe",
  "formatCode",
  "mode",
  "start",
  "end",
  "venue.name",
  "venue.street",
  "venue.postalCode",
  "venue.city",
  "venue.stateCode",
];
