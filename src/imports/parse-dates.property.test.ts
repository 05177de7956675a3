import { TZDate } from "@date-fns/tz";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sessionTimes } from "../event-form/event-values.ts";
import { berlinIsoDateTime, TIME_ZONE } from "../events/event-dates.ts";
import { type CellValue, fromExcelSerial, parseDateList, parseWallClock, sessionFromCells } from "./parse-dates.ts";

const two = (n: number) => String(n).padStart(2, "0");
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A real calendar day and a wall-clock time, as numbers. */
const wallClock = (minYear: number, maxYear: number) =>
  fc
    .record({ y: fc.integer({ min: minYear, max: maxYear }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
    .map(({ y, m, d }) => ({ y, m, d: Math.min(d, daysIn(y, m)) }))
    .chain((day) => fc.record({ h: fc.integer({ min: 0, max: 23 }), min: fc.integer({ min: 0, max: 59 }) }).map((t) => ({ ...day, ...t })));
type Wall = { y: number; m: number; d: number; h: number; min: number };
const isoDay = (w: Wall) => `${w.y}-${two(w.m)}-${two(w.d)}`;
const isoTime = (w: Wall) => `${two(w.h)}:${two(w.min)}`;

/** Every value a sheet reader can hand over, including the odd ones (invalid Date, NaN, huge serials). */
const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom(..."0123456789.:,- /;\nuhrUMTbis–") }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constant(null),
);

/** The last Sunday of a month: Europe/Berlin switches to summer time in March's, back in October's. */
const lastSunday = (y: number, m: number) => {
  const last = new Date(Date.UTC(y, m, 0));
  return `${y}-${two(m)}-${two(last.getUTCDate() - last.getUTCDay())}`;
};

describe("parseWallClock (properties)", () => {
  it("reads back any German text date-time it is given, padded or not", () => {
    fc.assert(
      fc.property(wallClock(1900, 9999), fc.boolean(), fc.constantFrom(" ", ", ", " um "), (w, padded, gap) => {
        const p = (n: number) => (padded ? two(n) : String(n));
        const text = `${p(w.d)}.${p(w.m)}.${w.y}${gap}${p(w.h)}:${two(w.min)}${padded ? "" : " Uhr"}`;
        expect(parseWallClock(text)).toEqual({ day: isoDay(w), time: isoTime(w) });
      }),
    );
  });

  it("reads two-digit years as 20YY (2.4.19) and a date alone without a time", () => {
    fc.assert(
      fc.property(wallClock(2000, 2099), (w) => {
        expect(parseWallClock(`${w.d}.${w.m}.${String(w.y).slice(2)}`)).toEqual({ day: isoDay(w), time: null });
      }),
    );
  });

  it("refuses days a month does not have (31.02., 29.02. of a common year) as invalid", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 9 }), (y, m, over) => {
        const d = daysIn(y, m) + over;
        fc.pre(d <= 99);
        expect(parseWallClock(`${d}.${m}.${y} 10:00`)).toBe("invalid");
      }),
    );
  });

  it("round-trips Excel's date serials and date cells to the minute", () => {
    fc.assert(
      fc.property(wallClock(1900, 9999), (w) => {
        fc.pre(w.y > 1900 || w.m > 2); // Excel's serials before 1 March 1900 count a 29 February that never was
        const utc = Date.UTC(w.y, w.m - 1, w.d, w.h, w.min);
        const serial = (utc - Date.UTC(1899, 11, 30)) / 86_400_000;
        const expected = { day: isoDay(w), time: w.h === 0 && w.min === 0 ? null : isoTime(w) };
        expect(fromExcelSerial(serial)).toEqual(expected);
        // Spreadsheet programs store seconds as binary fractions: a serial a few milliseconds off still reads the same minute.
        expect(fromExcelSerial(serial + 0.004 / 86_400)).toEqual(expected);
        expect(parseWallClock(new Date(utc))).toEqual(expected);
      }),
    );
  });

  it("never throws: any cell gives null, 'invalid' or a real day and time", () => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        const read = parseWallClock(cell);
        if (read === null || read === "invalid") return;
        if (read.day !== null) expect(read.day).toMatch(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
        if (read.time !== null) expect(read.time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
        expect(read.day !== null || read.time !== null).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws for a date's cells or the dates column: a session, or a problem at the start or end cell", () => {
    fc.assert(
      fc.property(anyCell, anyCell, fc.boolean(), (start, end, allDay) => {
        const one = sessionFromCells(start, end, allDay);
        if ("errors" in one) {
          expect(Object.keys(one.errors).length).toBeGreaterThan(0);
          for (const [cell, code] of Object.entries(one.errors)) {
            expect(["start", "end"]).toContain(cell);
            expect(["dateTime", "required"]).toContain(code);
          }
        } else expect(one.session.startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const list = parseDateList(start);
        expect(list === "invalid" || Array.isArray(list)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("Berlin wall clock across the DST switch (properties)", () => {
  const switchDay = fc
    .record({ y: fc.integer({ min: 2000, max: 2099 }), month: fc.constantFrom(3, 10) })
    .map(({ y, month }) => lastSunday(y, month));
  const minuteOfDay = fc.record({ h: fc.integer({ min: 0, max: 23 }), min: fc.integer({ min: 0, max: 59 }) });

  it("a sheet's time on a switch day is that time in Berlin (the hour that does not exist in spring aside)", () => {
    fc.assert(
      fc.property(switchDay, minuteOfDay, (day, { h, min }) => {
        fc.pre(!(day.slice(5, 7) === "03" && h === 2)); // 02:00–02:59 is skipped on the spring switch
        const [y, m, d] = day.split("-");
        const read = parseWallClock(`${d}.${m}.${y} ${two(h)}:${two(min)}`);
        if (read === null || read === "invalid" || !read.day || !read.time) throw new Error(`not read: ${day}`);
        const { startsAt } = sessionTimes({ startDate: read.day, startTime: read.time, endDate: "", endTime: read.time, allDay: false });
        expect(berlinIsoDateTime(startsAt).slice(0, 16)).toBe(`${day}T${two(h)}:${two(min)}`);
      }),
    );
  });

  it("01:30–03:30 lasts one hour on the spring switch and three in autumn", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), (y) => {
        for (const [month, hours] of [
          [3, 1],
          [10, 3],
        ] as const) {
          const day = lastSunday(y, month);
          const [yy, mm, dd] = day.split("-");
          const one = sessionFromCells(`${dd}.${mm}.${yy} 01:30`, "03:30", false);
          if (!("session" in one)) throw new Error("not a session");
          const { startsAt, endsAt } = sessionTimes(one.session);
          expect((endsAt.getTime() - startsAt.getTime()) / 3_600_000).toBe(hours);
          expect(new TZDate(startsAt.getTime(), TIME_ZONE).getHours()).toBe(1);
        }
      }),
      { numRuns: 50 },
    );
  });
});
