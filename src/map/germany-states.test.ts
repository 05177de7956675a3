import { describe, expect, it } from "vitest";
import { citiesOf } from "../db/seed/demo/places.ts";
import { states as referenceStates } from "../db/seed/reference-data.ts";
import { type MapStateCode, mapStateCodes, stateShapes } from "./germany-states.ts";
import { inFrame, type Point, project, projection } from "./projection.ts";

/** The rings of an SVG path made of M…Z polygons, as germany-states.ts writes them. */
function rings(d: string): Point[][] {
  return d
    .split("Z")
    .filter((part) => part.trim() !== "")
    .map((part) => {
      const numbers = part.replace("M", "").trim().split(/\s+/).map(Number);
      const ring: Point[] = [];
      for (let i = 0; i + 1 < numbers.length; i += 2) ring.push({ x: numbers[i] as number, y: numbers[i + 1] as number });
      return ring;
    });
}

function bbox(code: MapStateCode) {
  const points = rings(stateShapes[code].d).flat();
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  return { minX: Math.min(...xs), maxX: Math.max(...xs), minY: Math.min(...ys), maxY: Math.max(...ys) };
}

/** Even-odd point-in-polygon over all rings: Berlin is a hole of Brandenburg, Bremen of Lower Saxony. */
function inside(code: MapStateCode, p: Point): boolean {
  let odd = false;
  for (const ring of rings(stateShapes[code].d)) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i] as Point;
      const b = ring[j] as Point;
      if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) odd = !odd;
    }
  }
  return odd;
}

function distanceToBorder(code: MapStateCode, p: Point): number {
  let best = Number.POSITIVE_INFINITY;
  for (const ring of rings(stateShapes[code].d)) {
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i] as Point;
      const b = ring[(i + 1) % ring.length] as Point;
      const len = (b.x - a.x) ** 2 + (b.y - a.y) ** 2;
      const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / len));
      best = Math.min(best, Math.hypot(p.x - (a.x + t * (b.x - a.x)), p.y - (a.y + t * (b.y - a.y))));
    }
  }
  return best;
}

const statesAt = (p: Point) => mapStateCodes.filter((code) => inside(code, p));

describe("the map of Germany", () => {
  it("has one outline for each of the 16 Länder of the reference data", () => {
    expect([...mapStateCodes].sort()).toEqual(referenceStates.map(([code]) => code).sort());
    for (const code of mapStateCodes) {
      expect(stateShapes[code].d).toMatch(/^M[\d. ]+Z/);
      expect(rings(stateShapes[code].d).every((ring) => ring.length >= 3)).toBe(true);
      const label = stateShapes[code].label;
      expect(inside(code, label), `${code} label inside its state`).toBe(true);
    }
  });

  it("projects Munich into Bavaria's box and Hamburg into Hamburg's", () => {
    const munich = project(48.137, 11.575);
    const box = bbox("BY");
    expect(munich.x).toBeGreaterThan(box.minX);
    expect(munich.x).toBeLessThan(box.maxX);
    expect(munich.y).toBeGreaterThan(box.minY);
    expect(munich.y).toBeLessThan(box.maxY);
    const hamburg = project(53.55, 9.993);
    const hh = bbox("HH");
    expect(hamburg.x).toBeGreaterThan(hh.minX);
    expect(hamburg.x).toBeLessThan(hh.maxX);
    expect(hamburg.y).toBeGreaterThan(hh.minY);
    expect(hamburg.y).toBeLessThan(hh.maxY);
  });

  it("puts well-known places inside exactly their own Land", () => {
    const places: [string, number, number, MapStateCode][] = [
      ["München", 48.137, 11.575, "BY"],
      ["Hamburg", 53.55, 9.993, "HH"],
      ["Berlin", 52.52, 13.405, "BE"],
      ["Potsdam", 52.391, 13.065, "BB"],
      ["Bremen", 53.079, 8.801, "HB"],
      ["Bremerhaven", 53.54, 8.58, "HB"],
      ["Hannover", 52.375, 9.732, "NI"],
      ["Saarbrücken", 49.234, 6.997, "SL"],
      ["Stuttgart", 48.776, 9.183, "BW"],
      ["Kiel", 54.323, 10.123, "SH"],
      ["Rostock", 54.092, 12.099, "MV"],
      ["Dresden", 51.05, 13.738, "SN"],
    ];
    for (const [name, lat, lon, code] of places) expect(statesAt(project(lat, lon)), name).toEqual([code]);
  });

  it("keeps every demo city within its own Land (or within a kilometre of its border)", () => {
    const kilometre = projection.scale / 111;
    for (const code of mapStateCodes) {
      for (const city of citiesOf(code)) {
        const p = project(city.lat, city.lon);
        expect(inFrame(p), city.name).toBe(true);
        expect(inside(code, p) || distanceToBorder(code, p) < kilometre, `${city.name} in ${code}`).toBe(true);
      }
    }
  });

  it("leaves places abroad outside the frame", () => {
    expect(inFrame(project(59.336, 18.064))).toBe(false); // Stockholm
    expect(inFrame(project(48.217, 16.372))).toBe(false); // Vienna
  });
});
