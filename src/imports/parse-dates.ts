import type { SessionInput } from "../event-form/event-form.schemas.ts";

/** A cell as the sheet readers give it: text, a number, a yes/no, a date (its UTC fields are the wall clock), or empty. */
export type CellValue = string | number | boolean | Date | null;
/** A Berlin wall-clock reading of a cell: a day (YYYY-MM-DD) and/or a time (HH:MM). */
export type WallClock = { day: string | null; time: string | null };

const two = (n: number) => String(n).padStart(2, "0");
/** Excel's and LibreOffice's day 0 (serial 1 = 1900-01-01, counting Excel's phantom 29 Feb 1900 from serial 61 on). */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const MAX_SERIAL = 2_958_465; // 9999-12-31

function realDay(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? `${y}-${two(m)}-${two(d)}` : null;
}
const realTime = (h: number, m: number): string | null => (h >= 0 && h < 24 && m >= 0 && m < 60 ? `${two(h)}:${two(m)}` : null);

/** A Date whose UTC fields are the wall clock; midnight means "no time given" (a date-only cell). */
function fromWallClockDate(d: Date): WallClock | "invalid" {
  if (Number.isNaN(d.getTime())) return "invalid";
  const rounded = new Date(Math.round(d.getTime() / 60_000) * 60_000);
  const day = realDay(rounded.getUTCFullYear(), rounded.getUTCMonth() + 1, rounded.getUTCDate());
  if (!day) return "invalid";
  const time = `${two(rounded.getUTCHours())}:${two(rounded.getUTCMinutes())}`;
  return { day, time: time === "00:00" ? null : time };
}

/** The wall clock of an Excel date serial (days since 1899-12-30, the fraction is the time of day). */
export function fromExcelSerial(serial: number): WallClock | "invalid" {
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_SERIAL) return "invalid";
  return fromWallClockDate(new Date(SERIAL_EPOCH + serial * 86_400_000));
}

const GERMAN = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{2}|\d{4})(?:\s*,?\s*(?:um\s+)?(\d{1,2})[:.](\d{2})(?::\d{2})?\s*(?:uhr)?)?$/i;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$/;
const TIME_ONLY = /^(\d{1,2})[:.](\d{2})(?::\d{2})?\s*(?:uhr)?$/i;

/**
 * Reads a date and/or time as people put it in a sheet: Excel date cells and serials, German text
 * ("02.04.2019 10:00", "2.4.19", "2.4.2019, 10.00 Uhr"), ISO ("2019-04-02T10:00") or a time alone ("12:00").
 * Two-digit years are 20YY. Empty → null; anything else unreadable → "invalid". Never throws.
 */
export function parseWallClock(value: CellValue): WallClock | "invalid" | null {
  if (value === null || value === "") return null;
  if (value instanceof Date) return fromWallClockDate(value);
  if (typeof value === "number") return fromExcelSerial(value);
  if (typeof value !== "string") return "invalid";
  const text = value.trim();
  if (text === "") return null;
  const german = GERMAN.exec(text);
  const iso = german ? null : ISO.exec(text);
  const parts = german ? [german[3], german[2], german[1], german[4], german[5]] : iso ? [iso[1], iso[2], iso[3], iso[4], iso[5]] : null;
  if (parts) {
    const [y, m, d, hh, mm] = parts;
    const year = Number(y) < 100 ? 2000 + Number(y) : Number(y);
    const day = realDay(year, Number(m), Number(d));
    const time = hh === undefined ? null : realTime(Number(hh), Number(mm));
    if (!day || (hh !== undefined && !time)) return "invalid";
    return { day, time };
  }
  const timeOnly = TIME_ONLY.exec(text);
  if (timeOnly) {
    const time = realTime(Number(timeOnly[1]), Number(timeOnly[2]));
    return time ? { day: null, time } : "invalid";
  }
  return "invalid";
}

/** A day alone (registration deadline): the date part of a wall-clock reading. */
export function parseDay(value: CellValue): string | "invalid" | null {
  const read = parseWallClock(value);
  if (read === null || read === "invalid") return read;
  return read.day ?? "invalid";
}

/** One date of an event from the start, end and all-day cells; the field errors by cell ("start", "end"). */
export function sessionFromCells(
  start: CellValue,
  end: CellValue,
  allDay: boolean,
): { session: SessionInput } | { errors: Partial<Record<"start" | "end", "dateTime" | "required">> } {
  const from = parseWallClock(start);
  const to = parseWallClock(end);
  const errors: Partial<Record<"start" | "end", "dateTime" | "required">> = {};
  if (from === null) errors.start = "required";
  else if (from === "invalid" || from.day === null) errors.start = "dateTime";
  if (to === "invalid") errors.end = "dateTime";
  if (Object.keys(errors).length || from === null || from === "invalid" || from.day === null || to === "invalid") return { errors };
  const isAllDay = allDay || (from.time === null && (to === null || to.time === null));
  const endDay = to?.day && to.day !== from.day ? to.day : "";
  if (isAllDay) return { session: { startDate: from.day, startTime: "", endDate: endDay, endTime: "", allDay: true } };
  if (!to?.time) return { errors: { end: "required" } };
  return { session: { startDate: from.day, startTime: from.time ?? "", endDate: endDay, endTime: to.time, allDay: false } };
}

const RANGE = /^(.+?)\s*(?:–|—|-|bis)\s*(.+)$/i;

/**
 * The "more dates" column: entries separated by ";" or line breaks, each "03.04.2019 10:00-12:00",
 * "03.04.2019 10:00 - 04.04.2019 16:00", "03.04.2019" (all day) or "03.04.2019 - 05.04.2019".
 */
export function parseDateList(value: CellValue): SessionInput[] | "invalid" {
  if (value === null || value === "") return [];
  if (typeof value !== "string") {
    const one = sessionFromCells(value, null, false);
    return "session" in one ? [one.session] : "invalid";
  }
  const sessions: SessionInput[] = [];
  for (const entry of value
    .split(/[;\n]+/)
    .map((e) => e.trim())
    .filter(Boolean)) {
    // A range's left side is a full date-time; ISO dates ("2019-04-03") contain "-", so try the whole entry first.
    const whole = parseWallClock(entry);
    const range = whole === "invalid" ? RANGE.exec(entry) : null;
    const start = range ? range[1] : entry;
    const end: CellValue = range ? (range[2] ?? null) : null;
    const one = sessionFromCells(start ?? "", end, false);
    if (!("session" in one)) return "invalid";
    sessions.push(one.session);
  }
  return sessions;
}
