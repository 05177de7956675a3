import { describe, expect, it } from "vitest";
import { evaluateTsquery, parseTsquery } from "./tsquery.ts";

const postings = new Map([
  ["kunststoff", Int32Array.from([0, 2])],
  ["kunststofftag", Int32Array.from([3])],
  ["workshop", Int32Array.from([2, 3, 4])],
  ["it's", Int32Array.from([1])],
]);
const matches = (text: string) => {
  const node = parseTsquery(text);
  if (!node) throw new Error(`not parsed: ${text}`);
  return [...evaluateTsquery(node, 5, postings)].flatMap((m, i) => (m ? [i] : []));
};

describe("parseTsquery and evaluateTsquery", () => {
  it("evaluates lexemes, or, and, not and parentheses with PostgreSQL's precedence", () => {
    expect(matches("'kunststoff'")).toEqual([0, 2]);
    expect(matches("'kunststoff' | 'kunststofftag'")).toEqual([0, 2, 3]);
    expect(matches("'kunststoff' | 'kunststofftag' & 'workshop'")).toEqual([0, 2, 3]);
    expect(matches("( 'kunststoff' | 'kunststofftag' ) & 'workshop'")).toEqual([2, 3]);
    expect(matches("!'cw_all'")).toEqual([0, 1, 2, 3, 4]);
    expect(matches("!'workshop' & !'kunststoff'")).toEqual([1]);
    expect(matches("'it''s'")).toEqual([1]);
    expect(matches("'unbekannt'")).toEqual([]);
  });

  it("refuses what it cannot evaluate, so the database answers instead", () => {
    for (const text of ["'a' <-> 'b'", "'kunst':*", "'a':AB", "'a' &", "( 'a'", "'open", "", "a & b"]) {
      expect(parseTsquery(text), text).toBeUndefined();
    }
  });
});
