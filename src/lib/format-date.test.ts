import { describe, expect, it } from "vitest";
import { formatDay, formatIsoDay, formatSpan, formatTime } from "./format-date.ts";

describe("format-date", () => {
  it("shows Berlin time on both sides of the change to summer time, also when asked again", () => {
    for (let i = 0; i < 2; i++) {
      expect(formatTime("de", new Date("2019-03-30T09:00:00Z"))).toBe("10:00");
      expect(formatTime("de", new Date("2019-04-02T09:00:00Z"))).toBe("11:00");
    }
  });

  it("keeps languages and styles of the same instant apart", () => {
    const d = new Date("2019-04-02T08:00:00Z");
    expect([formatDay("de", d), formatDay("en", d)]).toEqual(["Di., 2. April 2019", "Tue, 2 April 2019"]);
    expect([formatIsoDay("de", "2019-04-02"), formatIsoDay("de", "2019-04-02", "short")]).toEqual(["Dienstag, 2. April", "Di., 2. April"]);
  });

  it("formats a span within a day and over two days", () => {
    const start = new Date("2019-04-02T08:00:00Z");
    expect(formatSpan("de", start, new Date("2019-04-02T14:00:00Z"))).toBe("Di., 2. April 2019, 10:00–16:00 Uhr");
    expect(formatSpan("en", start, new Date("2019-04-03T14:00:00Z"))).toBe("Tue, 2 April 2019, 10:00 – Wed, 3 April 2019, 16:00");
    expect(formatSpan("de", new Date("2019-04-01T22:00:00Z"), new Date("2019-04-02T22:00:00Z"), true)).toBe("Di., 2. April 2019");
  });
});
