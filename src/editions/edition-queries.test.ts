import { describe, expect, it } from "vitest";
import { editionDays } from "./edition-queries.ts";

describe("editionDays", () => {
  it("lists every day of the span, across the change to summer time", () => {
    expect(editionDays({ startsOn: "2019-03-30", endsOn: "2019-04-01" })).toEqual(["2019-03-30", "2019-03-31", "2019-04-01"]);
  });

  it("gives each caller its own array and follows changed dates", () => {
    const first = editionDays({ startsOn: "2019-04-02", endsOn: "2019-04-03" });
    first.push("changed by the caller");
    expect(editionDays({ startsOn: "2019-04-02", endsOn: "2019-04-03" })).toEqual(["2019-04-02", "2019-04-03"]);
    expect(editionDays({ startsOn: "2019-04-02", endsOn: "2019-04-04" })).toEqual(["2019-04-02", "2019-04-03", "2019-04-04"]);
    expect(editionDays({ startsOn: "2019-04-04", endsOn: "2019-04-02" })).toEqual([]);
  });
});
