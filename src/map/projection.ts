/**
 * The one projection of the self-contained map: equirectangular, longitudes scaled by cos(51°) so
 * that shapes are true to scale in the middle of Germany. The state outlines in germany-states.ts
 * were projected with this same function (generate-germany-states.ts), so a venue's latitude and
 * longitude land on the same SVG coordinates as the outlines.
 */
export const projection = {
  /** Western-most longitude and northern-most latitude of the frame (degrees). */
  west: 5.7,
  north: 55.2,
  /** SVG units per degree of latitude. */
  scale: 80,
  /** cos(51°): degrees of longitude shrink towards the pole. */
  lonFactor: Math.cos((51 * Math.PI) / 180),
  /** Frame size in SVG units (covers 5.7–15.2 °E, 47.1–55.2 °N). */
  width: 480,
  height: 648,
} as const;

export type Point = { x: number; y: number };

/** SVG coordinates (viewBox `0 0 width height`) of a WGS84 position. */
export function project(lat: number, lon: number): Point {
  return {
    x: (lon - projection.west) * projection.lonFactor * projection.scale,
    y: (projection.north - lat) * projection.scale,
  };
}

/** True when the point lies inside the map frame (venues abroad do not). */
export function inFrame(p: Point): boolean {
  return p.x >= 0 && p.y >= 0 && p.x <= projection.width && p.y <= projection.height;
}
