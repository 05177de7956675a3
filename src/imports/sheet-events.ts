import type { SessionInput } from "../event-form/event-form.schemas.ts";
import { columnOfHeader, headerKey, type ImportColumn, importColumns } from "./import-columns.ts";
import type { Vocabulary } from "./import-vocabulary.ts";
import { type CellValue, parseDateList, parseDay, sessionFromCells } from "./parse-dates.ts";
import type { Sheet } from "./read-sheet.ts";

/** A problem at one cell (row as the spreadsheet shows it, column by its key); "_" is the row as a whole. */
export type CellProblem = { row: number; column: string; code: string; params?: Record<string, string>; severity: "error" | "warning" };
/** Where a session came from, to put its problems at the right cell. */
export type SessionSource = { row: number; column: "start" | "moreDates" };

/** One event of the sheet: all rows sharing a reference, read into (partial) event-form input. */
export type SheetEvent = {
  reference: string;
  rows: number[];
  /** Form input of the columns the sheet has (others are left to the stored event or the form's defaults). */
  input: Record<string, unknown>;
  sessions: SessionInput[];
  sessionSources: SessionSource[];
  problems: CellProblem[];
};

export type SheetColumns = { byKey: Map<string, number>; unknown: string[]; missing: ImportColumn[] };

/** Which column of the file is which template column (by header, in any order); unknown and missing required ones. */
export function matchColumns(headers: string[]): SheetColumns {
  const byKey = new Map<string, number>();
  const unknown: string[] = [];
  headers.forEach((h, i) => {
    if (h === "") return;
    const column = columnOfHeader(h);
    if (column && !byKey.has(column.key)) byKey.set(column.key, i);
    else if (!column) unknown.push(h);
  });
  const missing = importColumns.filter((c) => c.required && !byKey.has(c.key));
  return { byKey, unknown, missing };
}

const textOf = (value: CellValue): string => {
  if (value === null) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 16).replace("T", " ");
  return String(value).trim();
};
const split = (text: string, names: boolean) =>
  text
    .split(names ? /\s*(?:;|\r?\n)\s*/ : /\s*(?:[,;]|\r?\n)\s*/)
    .map((p) => p.trim())
    .filter(Boolean);

type Read = { value: unknown } | { problem: string; params?: Record<string, string> } | undefined;

/** One cell as the form's value for its column; undefined for an empty cell. */
function readCell(column: ImportColumn, cell: CellValue, vocab: Vocabulary): Read {
  const text = textOf(cell);
  if (text === "" && typeof cell !== "boolean") return undefined;
  const list = column.values;
  const allowed = list ? vocab[list].map((e) => e.de).join(", ") : "";
  const lookup = (word: string) => (list ? vocab.lookup[list].get(headerKey(word)) : word);
  switch (column.kind) {
    case "yesNo": {
      const code = typeof cell === "boolean" ? (cell ? "yes" : "no") : lookup(text);
      return code ? { value: code === "yes" } : { problem: "yesNo" };
    }
    case "number": {
      const n = typeof cell === "number" ? cell : Number(text.replace(",", "."));
      return Number.isFinite(n) ? { value: n } : { problem: "number" };
    }
    case "choice": {
      const code = lookup(text);
      return code ? { value: code } : { problem: "choice", params: { value: text, allowed } };
    }
    case "choices": {
      const values: string[] = [];
      for (const word of split(text, false)) {
        const code = list ? lookup(word) : word.toUpperCase();
        if (!code) return { problem: "choice", params: { value: word, allowed } };
        values.push(code);
      }
      return { value: values };
    }
    case "names":
      return { value: split(text, true) };
    case "links": {
      const links = split(text, true).map((line) => {
        const [label, url] = line.includes("|") ? line.split("|").map((p) => p.trim()) : [line, line];
        return { label: label ?? "", url: url ?? "" };
      });
      return links.every((l) => l.label && l.url) ? { value: links } : { problem: "link" };
    }
    case "day": {
      const day = parseDay(cell);
      return day === "invalid" ? { problem: "day" } : { value: day ?? "" };
    }
    default:
      return { value: text };
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head, rest] = path.split(".", 2);
  if (!head) return;
  if (rest === undefined) {
    target[head] = value;
    return;
  }
  const inner = target[head];
  const child: Record<string, unknown> = inner && typeof inner === "object" && !Array.isArray(inner) ? { ...inner } : {};
  child[rest] = value;
  target[head] = child;
}

const sheetOnly = new Set(["reference", "start", "end", "allDay", "moreDates"]);

/** The events of a sheet: rows grouped by reference (further rows add dates), each cell read by its column's kind. */
export function eventsOfSheet(sheet: Sheet, columns: SheetColumns, vocab: Vocabulary): SheetEvent[] {
  const events = new Map<string, SheetEvent>();
  const anonymous: SheetEvent[] = [];
  const cellOf = (cells: CellValue[], key: string): CellValue => {
    const i = columns.byKey.get(key);
    return i === undefined ? null : (cells[i] ?? null);
  };
  const dateKeys = ["start", "end", "allDay", "moreDates"];
  let previous: SheetEvent | undefined;
  for (const { number, cells } of sheet.rows) {
    const reference = textOf(cellOf(cells, "reference"));
    // A row with dates only continues the event above (a merged reference cell saved as CSV leaves it empty).
    const datesOnly = !reference && cells.every((c, i) => textOf(c) === "" || dateKeys.some((k) => columns.byKey.get(k) === i));
    const known = reference ? events.get(reference) : datesOnly ? previous : undefined;
    const ev: SheetEvent = known ?? { reference, rows: [], input: {}, sessions: [], sessionSources: [], problems: [] };
    ev.rows.push(number);
    if (!reference && !known) ev.problems.push({ row: number, column: "reference", code: "referenceRequired", severity: "error" });
    for (const column of importColumns) {
      if (sheetOnly.has(column.key) || !columns.byKey.has(column.key)) continue;
      const read = readCell(column, cellOf(cells, column.key), vocab);
      if (read === undefined) continue;
      if ("problem" in read) {
        ev.problems.push({ row: number, column: column.key, code: read.problem, params: read.params, severity: "error" });
        continue;
      }
      if (known) {
        const first = pathValue(ev.input, column.key);
        if (first !== undefined && JSON.stringify(first) !== JSON.stringify(read.value))
          ev.problems.push({
            row: number,
            column: column.key,
            code: "sameReferenceDiffers",
            params: { reference, row: String(ev.rows[0]) },
            severity: "warning",
          });
        if (first !== undefined) continue;
      }
      setPath(ev.input, column.key, read.value);
    }
    addSessions(ev, number, cells, cellOf, vocab);
    restoreLeadingZero(ev.input);
    previous = ev;
    if (known) continue;
    if (reference) events.set(reference, ev);
    else anonymous.push(ev);
  }
  return [...events.values(), ...anonymous];
}

function pathValue(input: Record<string, unknown>, path: string): unknown {
  let value: unknown = input;
  for (const part of path.split(".")) value = value && typeof value === "object" ? Reflect.get(value, part) : undefined;
  return value;
}

function addSessions(ev: SheetEvent, row: number, cells: CellValue[], cellOf: (c: CellValue[], k: string) => CellValue, vocab: Vocabulary) {
  const start = cellOf(cells, "start");
  const end = cellOf(cells, "end");
  const allDayCell = cellOf(cells, "allDay");
  const allDayCode = typeof allDayCell === "boolean" ? (allDayCell ? "yes" : "no") : vocab.lookup.yesNo.get(headerKey(textOf(allDayCell)));
  if (textOf(allDayCell) !== "" && !allDayCode) ev.problems.push({ row, column: "allDay", code: "yesNo", severity: "error" });
  // A further row of a reference with no start carries no date (it may only repeat the event's values).
  if (textOf(start) !== "" || ev.rows.length === 1) {
    const one = sessionFromCells(start, end, allDayCode === "yes");
    if ("session" in one) {
      ev.sessions.push(one.session);
      ev.sessionSources.push({ row, column: "start" });
    } else
      for (const [column, code] of Object.entries(one.errors))
        ev.problems.push({ row, column, code: code === "required" ? "required" : "dateTime", severity: "error" });
  }
  const more = parseDateList(cellOf(cells, "moreDates"));
  if (more === "invalid") ev.problems.push({ row, column: "moreDates", code: "moreDates", severity: "error" });
  else
    for (const s of more) {
      ev.sessions.push(s);
      ev.sessionSources.push({ row, column: "moreDates" });
    }
}

/** A German postal code that a spreadsheet turned into a number lost its leading zero ("01067" → 1067). */
function restoreLeadingZero(input: Record<string, unknown>): void {
  const venue = input.venue;
  if (!venue || typeof venue !== "object") return;
  const code: unknown = Reflect.get(venue, "postalCode");
  const country: unknown = Reflect.get(venue, "country");
  if (typeof code === "string" && /^\d{4}$/.test(code) && (country === undefined || country === "DE"))
    Reflect.set(venue, "postalCode", `0${code}`);
}
