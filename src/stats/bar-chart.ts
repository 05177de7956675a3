import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

/** One bar: its label, its number and (for comparisons) the series it belongs to, e.g. a year. */
export type Bar = { label: string; value: number; series?: string };

export type BarChartInput = {
  /** Unique on the page: the ids of the SVG's title and description derive from it. */
  id: string;
  title: string;
  description: string;
  bars: readonly Bar[];
  /** The axis title of the numbers, e.g. "Veranstaltungen". */
  valueLabel: string;
};

const CLASS = "cw-chart";
const ROW_HEIGHT = 22;
const kept = new Map<string, string>();

/**
 * A horizontal bar chart as SVG, drawn by Observable Plot on a server-side DOM (linkedom). Plot's own
 * `<style>` element is dropped (the CSP's style-src 'self' refuses inline styles; site.css styles
 * `.cw-chart`) and so are its English aria-labels; the SVG is one image to assistive technology (role="img", <title>, <desc>), the numbers
 * stand in the table beside it. Kept per input (bounded), as Plot takes milliseconds per chart.
 */
export function renderBarChart(input: BarChartInput): string {
  const key = JSON.stringify(input);
  const known = kept.get(key);
  if (known) return known;
  const svg = draw(input);
  if (kept.size >= 500) kept.clear();
  kept.set(key, svg);
  return svg;
}

function draw({ id, title, description, bars, valueLabel }: BarChartInput): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const series = [...new Set(bars.flatMap((b) => (b.series === undefined ? [] : [b.series])))];
  const labels = [...new Set(bars.map((b) => b.label))];
  const longest = Math.max(0, ...labels.map((l) => l.length));
  const grouped = series.length > 1;
  const rows = grouped ? bars.length + labels.length : Math.max(1, bars.length);
  const chart = Plot.plot({
    document: document as unknown as Document,
    className: CLASS,
    width: 640,
    height: 50 + rows * ROW_HEIGHT,
    marginLeft: Math.min(260, 12 + longest * 6.5),
    marginRight: 40,
    x: { grid: true, label: valueLabel, labelAnchor: "right", tickFormat: "d" },
    y: { label: null, domain: grouped ? series : labels },
    ...(grouped ? { fy: { label: null, domain: labels }, color: { domain: series, range: ["#0b4a8f", "#7a8597"] } } : {}),
    marks: [
      Plot.barX(bars, {
        x: "value",
        y: grouped ? "series" : "label",
        ...(grouped ? { fy: "label", fill: "series" } : { fill: "#0b4a8f" }),
      }),
      Plot.text(bars, {
        x: "value",
        y: grouped ? "series" : "label",
        ...(grouped ? { fy: "label" } : {}),
        text: (b: Bar) => String(b.value),
        dx: 4,
        textAnchor: "start",
        fill: "currentColor",
      }),
      Plot.ruleX([0]),
    ],
  });
  chart.querySelector("style")?.remove();
  // One image to assistive technology: Plot's English aria-labels on groups (not allowed on a <g> without a role) go.
  for (const el of [chart, ...chart.querySelectorAll("[aria-label], [aria-description]")]) {
    el.removeAttribute("aria-label");
    el.removeAttribute("aria-description");
  }
  // font-variant="tabular-nums" is no valid SVG attribute value (Nu Html Checker): site.css sets it instead.
  for (const el of chart.querySelectorAll("[font-variant]")) el.removeAttribute("font-variant");
  chart.setAttribute("role", "img");
  chart.setAttribute("id", id);
  chart.setAttribute("aria-labelledby", `${id}-title ${id}-desc`);
  const titleEl = document.createElementNS("http://www.w3.org/2000/svg", "title");
  titleEl.setAttribute("id", `${id}-title`);
  titleEl.textContent = title;
  const descEl = document.createElementNS("http://www.w3.org/2000/svg", "desc");
  descEl.setAttribute("id", `${id}-desc`);
  descEl.textContent = description;
  chart.prepend(titleEl, descEl);
  return chart.outerHTML;
}
