import { describe, expect, it } from "vitest";
import { berlinTime } from "../events/event-dates.ts";
import { nextAprilStart, shiftDay, shiftEditionDates } from "./shift-edition.ts";

const frame2019 = {
  startsOn: "2019-04-02",
  endsOn: "2019-04-11",
  submissionOpensAt: berlinTime("2018-12-01", "00:00"),
  submissionClosesAt: berlinTime("2019-03-15", "23:59"),
};

describe("shiftEditionDates", () => {
  it("finds the next April week after today, on the frame's weekday", () => {
    expect(nextAprilStart("2019-04-02", new Date("2026-12-07T09:00:00Z"))).toBe("2027-04-06");
    expect(nextAprilStart("2019-04-02", new Date("2027-01-15T09:00:00Z"))).toBe("2027-04-06");
    expect(nextAprilStart("2019-04-02", new Date("2027-04-01T09:00:00Z"))).toBe("2028-04-04");
    expect(new Date(`${nextAprilStart("2019-04-02", new Date("2030-06-01T00:00:00Z"))}T12:00:00Z`).getUTCDay()).toBe(2);
  });

  it("moves the week and the submission window by whole days, keeping Berlin times across DST", () => {
    const shifted = shiftEditionDates(frame2019, "2027-04-06");
    expect(shifted.shiftDays).toBe(2926);
    expect(shifted.endsOn).toBe("2027-04-15");
    expect(shifted.submissionOpensAt).toEqual(berlinTime("2026-12-05", "00:00"));
    // 15 March 2019 (winter time) → 19 March 2027 (still winter time), 23:59 Berlin either way
    expect(shifted.submissionClosesAt).toEqual(berlinTime("2027-03-19", "23:59"));
    expect(shiftDay("2019-03-30", 1)).toBe("2019-03-31");
  });
});
