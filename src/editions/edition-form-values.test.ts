import { describe, expect, it } from "vitest";
import { BLANK_ROWS, MAX_ROWS } from "./edition.schemas.ts";
import { rowIndexes } from "./edition-form-values.ts";

describe("rowIndexes", () => {
  it("shows the filled rows, then two blank ones", () => {
    expect(rowIndexes({ "patrons.0.name": "A", "patrons.1.name": "B" }, "patrons")).toEqual([0, 1, 2, 3]);
    expect(rowIndexes({}, "contacts")).toEqual([0, 1]);
  });

  it("does not count blank rows posted back (after a preview) as filled, so the form does not grow", () => {
    const posted = { "patrons.0.name": "A", "patrons.1.name": "", "patrons.1.roleDe": " ", "patrons.2.name": "", "patrons.3.name": "" };
    expect(rowIndexes(posted, "patrons")).toEqual([0, 1, 2]);
    // A row with only a kept portrait (its texts cleared) is removed on save: it shows as blank, not filled.
    expect(rowIndexes({ "patrons.0.portraitUrl": "/uploads/x.webp", "patrons.0.name": "" }, "patrons")).toEqual([0, 1]);
  });

  it("never offers more than MAX_ROWS rows in all", () => {
    const full = Object.fromEntries(Array.from({ length: MAX_ROWS - 1 }, (_, i) => [`contacts.${i}.name`, `N${i}`]));
    expect(rowIndexes(full, "contacts")).toHaveLength(MAX_ROWS);
    expect(BLANK_ROWS).toBeGreaterThan(1);
  });
});
