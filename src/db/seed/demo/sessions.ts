import { berlinTime } from "../../../events/event-dates.ts";
import type { NewSession } from "../../../events/event-record.ts";
import type { Rng } from "./random.ts";
import { addDays, weekday } from "./text.ts";
import type { FormatCode, Timing } from "./titles.ts";

type Span = [from: string, to: string];

const usualTimes: Record<FormatCode, Span[]> = {
  seminar: [
    ["09:00", "16:00"],
    ["09:30", "12:30"],
    ["13:00", "17:00"],
  ],
  conference: [
    ["09:30", "17:00"],
    ["10:00", "16:30"],
    ["09:00", "18:00"],
  ],
  workshop: [
    ["09:00", "13:00"],
    ["13:30", "17:00"],
    ["10:00", "15:00"],
  ],
  exhibition: [["10:00", "18:00"]],
  company_visit: [
    ["14:00", "16:30"],
    ["10:00", "12:00"],
  ],
  open_day: [
    ["10:00", "16:00"],
    ["11:00", "17:00"],
  ],
  talk: [
    ["17:00", "18:30"],
    ["18:30", "20:00"],
    ["19:00", "21:30"],
  ],
  forum: [
    ["09:00", "17:30"],
    ["10:00", "18:00"],
  ],
  networking: [
    ["17:00", "20:00"],
    ["07:30", "09:30"],
    ["12:00", "14:00"],
  ],
  trade_fair_booth: [["09:00", "18:00"]],
  other: [
    ["10:00", "16:00"],
    ["16:00", "22:00"],
  ],
};

const onlineTimes: Span[] = [
  ["10:00", "11:30"],
  ["14:00", "15:30"],
  ["12:00", "13:00"],
  ["16:00", "17:30"],
];

/** A day of the week for an event: weekdays mostly, open days like Saturdays, hardly anything on Sundays. */
export function pickDay(rng: Rng, days: readonly string[], format: FormatCode): string {
  const weights = days.map((day) => {
    const wd = weekday(day);
    if (wd === 6) return format === "open_day" || format === "exhibition" ? 1.2 : 0.15;
    if (wd === 0) return format === "open_day" || format === "exhibition" ? 0.6 : 0.05;
    return 1;
  });
  let roll = rng.next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < days.length; i++) {
    roll -= weights[i] ?? 0;
    if (roll < 0) return days[i] as string;
  }
  return days[days.length - 1] as string;
}

export function sessionAt(day: string, from: string, to: string): NewSession {
  return { startsAt: berlinTime(day, from), endsAt: berlinTime(day, to) };
}

/** One session from the first day at `from` to the next day at `to`. */
export function spanningSession(day: string, from = "10:00", to = "16:00"): NewSession {
  return { startsAt: berlinTime(day, from), endsAt: berlinTime(addDays(day, 1), to) };
}

export function allDaySession(day: string, days = 1): NewSession {
  return { startsAt: berlinTime(day, "00:00"), endsAt: berlinTime(addDays(day, days), "00:00"), allDay: true };
}

type SessionInput = { format: FormatCode; online: boolean; timing: Timing | undefined; day: string; days: readonly string[] };

/**
 * The sessions of a generated event. Most have one; some span two days, some run all day, and some
 * repeat on several days (open days, exhibitions, seminar series).
 */
export function planSessions(rng: Rng, input: SessionInput): NewSession[] {
  const { format, online, timing, days } = input;
  const last = days[days.length - 1] as string;
  const hasNext = (day: string) => addDays(day, 1) <= last;
  let day = input.day;
  if (timing?.kind === "span" || timing?.kind === "allDay") {
    if (!hasNext(day)) day = addDays(day, -1);
  }
  if (timing?.kind === "span") return [spanningSession(day)];
  if (timing?.kind === "allDay") {
    if (rng.chance(0.5)) return [allDaySession(day), allDaySession(addDays(day, 1))];
    return [allDaySession(day, rng.int(1, 2))];
  }
  const [from, to] = timing ? [timing.from, timing.to] : rng.pick(online ? onlineTimes : usualTimes[format]);
  const first = sessionAt(day, from, to);
  if (format === "open_day" && hasNext(day) && rng.chance(0.4)) return [first, sessionAt(addDays(day, 1), from, to)];
  if (format === "seminar" && !timing && addDays(day, 2) <= last && rng.chance(0.2)) {
    return [first, sessionAt(addDays(day, 2), from, to)];
  }
  if ((format === "forum" || format === "conference") && !timing && hasNext(day) && rng.chance(0.15)) {
    return [spanningSession(day, "09:30", "15:00")];
  }
  return [first];
}
