import { TZDate } from "@date-fns/tz";
import { addDays, format } from "date-fns";

export const TIME_ZONE = "Europe/Berlin";

export type SessionTimes = { startsAt: Date; endsAt: Date };

/** The Berlin calendar day (YYYY-MM-DD) of an instant. */
export function berlinDay(instant: Date): string {
  return format(new TZDate(instant.getTime(), TIME_ZONE), "yyyy-MM-dd");
}

/** The instant of a Berlin wall-clock time; correct on both sides of the DST switches. */
export function berlinTime(day: string, time = "00:00"): Date {
  const [y, m, d] = day.split("-").map(Number);
  const [hh, mm] = time.split(":").map(Number);
  return new Date(new TZDate(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0, 0, TIME_ZONE).getTime());
}

/**
 * The denormalised date columns of an event: first start, last end and every Berlin day that any
 * session touches (an end at exactly midnight does not count the next day).
 */
export function eventDateColumns(sessions: SessionTimes[]): { startsAt: Date; endsAt: Date; days: string[] } {
  if (sessions.length === 0) throw new Error("an event needs at least one session");
  const days = new Set<string>();
  for (const s of sessions) {
    const lastInstant = new Date(Math.max(s.startsAt.getTime(), s.endsAt.getTime() - 1));
    const last = berlinDay(lastInstant);
    for (let day = berlinDay(s.startsAt); day <= last; day = format(addDays(new Date(`${day}T12:00:00Z`), 1), "yyyy-MM-dd")) {
      days.add(day);
    }
  }
  return {
    startsAt: new Date(Math.min(...sessions.map((s) => s.startsAt.getTime()))),
    endsAt: new Date(Math.max(...sessions.map((s) => s.endsAt.getTime()))),
    days: [...days].sort(),
  };
}

/** ISO 8601 in Berlin local time with its offset, e.g. "2019-04-02T09:00:00+02:00" (schema.org, Google). */
export function berlinIsoDateTime(instant: Date): string {
  return format(new TZDate(instant.getTime(), TIME_ZONE), "yyyy-MM-dd'T'HH:mm:ssxxx");
}

/**
 * A session's start and end as schema.org dates: all-day sessions as Berlin days (the end is the
 * last day, not the exclusive midnight after it), timed ones in local time with offset.
 */
export function schemaOrgDates(s: SessionTimes & { allDay: boolean }): { startDate: string; endDate: string } {
  if (!s.allDay) return { startDate: berlinIsoDateTime(s.startsAt), endDate: berlinIsoDateTime(s.endsAt) };
  const lastInstant = new Date(Math.max(s.startsAt.getTime(), s.endsAt.getTime() - 1));
  return { startDate: berlinDay(s.startsAt), endDate: berlinDay(lastInstant) };
}
