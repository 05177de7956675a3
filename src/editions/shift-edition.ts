import { shiftBerlinDays } from "../event-form/duplicate-event.ts";

const dayMs = 86_400_000;

/** A YYYY-MM-DD day moved by whole days. */
export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/**
 * The first day of the next April week after `now` in the frame's rhythm: the first day on or after
 * 1 April with the frame's weekday (2019 began on a Tuesday), in this year if April is still ahead
 * (Berlin date), else next year.
 */
export function nextAprilStart(frameStartsOn: string, now: Date): string {
  const today = now.toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4)) + (today >= `${today.slice(0, 4)}-04-01` ? 1 : 0);
  const weekday = new Date(`${frameStartsOn}T12:00:00Z`).getUTCDay();
  const april = new Date(`${year}-04-01T12:00:00Z`);
  const offset = (weekday - april.getUTCDay() + 7) % 7;
  return shiftDay(`${year}-04-01`, offset);
}

type EditionDates = {
  startsOn: string;
  endsOn: string;
  submissionOpensAt?: Date | null | undefined;
  submissionClosesAt?: Date | null | undefined;
};

/**
 * An edition's dates moved by whole Berlin days (times of day kept across DST) — what the back-office
 * rollover will use to build a new edition from the last one's frame, and the demo seed uses for the
 * upcoming edition. Returns the shifted dates and the shift, for the events' sessions.
 */
export function shiftEditionDates<T extends EditionDates>(frame: T, toStartsOn: string): T & { shiftDays: number } {
  const shiftDays = Math.round((Date.parse(toStartsOn) - Date.parse(frame.startsOn)) / dayMs);
  const shift = (d: Date | null | undefined) => (d ? shiftBerlinDays(d, shiftDays) : d);
  return {
    ...frame,
    startsOn: toStartsOn,
    endsOn: shiftDay(frame.endsOn, shiftDays),
    submissionOpensAt: shift(frame.submissionOpensAt),
    submissionClosesAt: shift(frame.submissionClosesAt),
    shiftDays,
  };
}
