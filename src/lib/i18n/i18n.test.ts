import { describe, expect, it } from "vitest";
import { translator } from "./i18n.ts";

describe("translator", () => {
  it("gives each language its own texts, also when asked again", () => {
    for (let i = 0; i < 2; i++) {
      expect(translator("de")("programme.results", { count: 1 })).toBe("1 Veranstaltung");
      expect(translator("en")("programme.results", { count: 1 })).toBe("1 event");
    }
  });

  it("keeps plural forms and interpolated values apart", () => {
    const t = translator("de");
    expect([0, 1, 2, 1, 0].map((count) => t("programme.results", { count }))).toEqual([
      "Keine Veranstaltungen gefunden",
      "1 Veranstaltung",
      "2 Veranstaltungen",
      "1 Veranstaltung",
      "Keine Veranstaltungen gefunden",
    ]);
    expect(["a", "b", "a"].map((label) => t("programme.removeFilter", { label }))).toEqual([
      "Filter entfernen: a",
      "Filter entfernen: b",
      "Filter entfernen: a",
    ]);
    // A number and the same digits as text are different arguments (no plural for text).
    expect(t("programme.removeFilter", { label: "1" })).toBe("Filter entfernen: 1");
  });

  it("stays correct past its memo limit", () => {
    const t = translator("en");
    for (let i = 0; i < 6000; i++) expect(t("programme.removeFilter", { label: `q${i}` })).toBe(`Remove filter: q${i}`);
    expect(t("programme.results", { count: 3 })).toBe("3 events");
  });
});
