import { foldLines } from "ical-generator";
import { describe, expect, it } from "vitest";
import { foldIcsLines } from "./fold-ics-lines.ts";

describe("foldIcsLines", () => {
  const lines = [
    "",
    "SUMMARY:short",
    `DESCRIPTION:${"a".repeat(74)}`,
    `DESCRIPTION:${"a".repeat(75)}`,
    `DESCRIPTION:${"x".repeat(500)}`,
    `SUMMARY:Württemberg ${"äöüß".repeat(40)}`,
    `SUMMARY:${"€".repeat(60)}`,
    `SUMMARY:Emoji ${"🎉".repeat(30)} and text after the emoji ${"z".repeat(80)}`,
    `LOCATION:${"a".repeat(73)}ü${"b".repeat(10)}`,
  ];

  it("folds exactly as ical-generator does: 75 octets, characters never split", () => {
    for (const line of lines) expect(foldIcsLines(line), line.slice(0, 30)).toBe(foldLines(line));
    const text = lines.join("\r\n");
    expect(foldIcsLines(text)).toBe(foldLines(text));
  });

  it("keeps every folded line within 75 octets", () => {
    for (const physical of foldIcsLines(lines.join("\r\n")).split("\r\n")) {
      expect(Buffer.byteLength(physical, "utf8")).toBeLessThanOrEqual(75);
    }
  });

  it("agrees with ical-generator on a feed-sized text", () => {
    const text = Array.from(
      { length: 2000 },
      (_, i) => `DESCRIPTION:Veranstaltung ${i} in Baden-Württemberg – ${"Text ".repeat(40)}🎉`,
    ).join("\r\n");
    expect(foldIcsLines(text)).toBe(foldLines(text));
  });
});
