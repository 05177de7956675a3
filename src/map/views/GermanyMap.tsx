import { type MapStateCode, stateShapes } from "../germany-states.ts";
import { inFrame, type Point, project, projection } from "../projection.ts";

export type MapState = { code: MapStateCode; label: string; count: number; selected: boolean; href: string };
export type MapMarker = { id: string; label: string; count: number; lat: number; lon: number; href: string };

/** The city states are too small for their number: it stands beside them, joined by a line. */
const callouts: Partial<Record<MapStateCode, Point>> = {
  HH: { x: 246, y: 112 },
  HB: { x: 118, y: 150 },
  BE: { x: 420, y: 196 },
};

/** 0 for no events, else 1–5 by share of the busiest state (the CSS shades them). */
export function shadeLevel(count: number, max: number): number {
  return count <= 0 || max <= 0 ? 0 : Math.max(1, Math.ceil((5 * count) / max));
}

/** Marker radius in SVG units: grows with the square root of the count, within bounds. */
export function markerRadius(count: number): number {
  return Math.min(11, 3 + 1.4 * Math.sqrt(Math.max(0, count - 1)));
}

/**
 * Server-rendered map of Germany: each Land a link (shaded and numbered by its events), each place a
 * link-dot; the numbers are drawn last, over the dots, and let clicks through.
 * Loads nothing from anywhere; keyboard users tab through states, then places.
 */
export function GermanyMap({ title, desc, states, markers }: { title: string; desc: string; states: MapState[]; markers: MapMarker[] }) {
  const max = Math.max(0, ...states.map((s) => s.count));
  const placed = markers
    .map((m) => ({ ...m, at: project(m.lat, m.lon) }))
    .filter((m) => inFrame(m.at))
    // Big dots first, so small ones drawn later stay visible and clickable on top of them.
    .sort((a, b) => b.count - a.count);
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a fieldset; the group names the map for assistive technology
    <svg
      class="germany-map"
      viewBox={`0 0 ${projection.width} ${projection.height}`}
      role="group"
      aria-labelledby="germany-map-title"
      aria-describedby="germany-map-desc"
    >
      <title id="germany-map-title">{title}</title>
      <desc id="germany-map-desc">{desc}</desc>
      <g class="map-states">
        {states.map((s) => (
          <a
            key={s.code}
            href={s.href}
            aria-label={s.label}
            class={`map-state shade-${shadeLevel(s.count, max)}${s.selected ? " is-selected" : ""}`}
            data-state={s.code}
          >
            <title>{s.label}</title>
            <path d={stateShapes[s.code].d} fill-rule="evenodd" fill="#dfe9f4" stroke="#ffffff" stroke-width="1" />
          </a>
        ))}
      </g>
      <g class="map-markers">
        {placed.map((m) => (
          <a key={m.id} href={m.href} aria-label={m.label} class="map-marker">
            <title>{m.label}</title>
            <circle
              cx={round(m.at.x)}
              cy={round(m.at.y)}
              r={round(markerRadius(m.count))}
              fill="#b3261e"
              fill-opacity="0.85"
              stroke="#ffffff"
              stroke-width="1"
            />
          </a>
        ))}
      </g>
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: plain text, not focusable; each state's link names its count */}
      <g class="map-counts" aria-hidden="true" pointer-events="none">
        {states.map((s) => {
          const at = stateShapes[s.code].label;
          const callout = callouts[s.code];
          const text = callout ?? at;
          return (
            <g key={s.code}>
              {callout && <line x1={at.x} y1={at.y} x2={callout.x} y2={callout.y} stroke="#1a1f2b" stroke-width="0.8" />}
              <text
                x={text.x}
                y={text.y}
                text-anchor="middle"
                dominant-baseline="central"
                fill={LABEL_INK}
                stroke={LABEL_HALO}
                stroke-width="3"
                stroke-linejoin="round"
                paint-order="stroke"
              >
                {s.count}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}

const round = (v: number) => Math.round(v * 10) / 10;

/**
 * The count labels: dark ink inside a white halo (the stroke, painted under the fill), so a number
 * keeps 16:1 against its halo wherever it sits — on any shade, a red marker or the focus colour.
 */
export const LABEL_INK = "#1a1f2b";
export const LABEL_HALO = "#ffffff";
