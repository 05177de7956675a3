import { formatIsoDay } from "../lib/format-date.ts";
import type { Lang } from "../lib/language.ts";
import type { PageCtx } from "../lib/page-context.ts";
import type { Taxonomies, Term } from "../taxonomies/taxonomy-queries.ts";
import { renderBarChart } from "./bar-chart.ts";
import type { Dimension } from "./count-events.ts";

export type ChartRow = { key: string; label: string; values: number[] };

/**
 * What one chart shows, once: the SVG, the table beside it and its CSV/XLSX download are all made from
 * this, so they cannot disagree. `series` names the number columns (one, or one per edition compared).
 */
export type ChartTable = { id: string; title: string; labelHeader: string; series: string[]; rows: ChartRow[] };

const countryNames = new Map<Lang, Intl.DisplayNames>();

/** A country's name from its ISO 3166-1 code in the reader's language (the code when unknown). */
export function countryName(lang: Lang, code: string): string {
  let names = countryNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang], { type: "region" });
    countryNames.set(lang, names);
  }
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

const termLabel = (lang: Lang, term: Term) => (lang === "en" ? term.nameEn : term.nameDe);

/** The values a dimension's chart lists, in display order: the taxonomy's terms, the edition's days. */
function termsOf(ctx: PageCtx, dimension: Dimension, taxonomies: Taxonomies, days: readonly string[]): { key: string; label: string }[] {
  const terms = (list: readonly Term[]) => list.map((term) => ({ key: term.code, label: termLabel(ctx.lang, term) }));
  switch (dimension) {
    case "state":
      return terms(taxonomies.states);
    case "day":
      return days.map((day) => ({ key: day, label: formatIsoDay(ctx.lang, day, "short") }));
    case "format":
      return terms(taxonomies.formats);
    case "topic":
      return terms(taxonomies.allTopics);
    case "mode":
      return terms(taxonomies.modes);
    case "targetGroup":
      return terms(taxonomies.allTargetGroups);
    case "partnerCountry":
      return [];
  }
}

/**
 * A dimension's counts as a chart table: every term in order (zeros included, so a missing Land shows),
 * then values outside the list (a retired term, a day outside the week, partner countries by number).
 * `dropZeros` for a coordinator's view, where the other Länder would only be zeros.
 */
export function dimensionTable(
  ctx: PageCtx,
  input: {
    id: string;
    dimension: Dimension;
    counts: Map<string, number>;
    taxonomies: Taxonomies;
    days: readonly string[];
    dropZeros?: boolean;
  },
): ChartTable {
  const { dimension, counts } = input;
  const listed = termsOf(ctx, dimension, input.taxonomies, input.days);
  const known = new Set(listed.map((l) => l.key));
  const extra = [...counts.keys()]
    .filter((key) => !known.has(key))
    .map((key) => ({ key, label: dimension === "partnerCountry" ? countryName(ctx.lang, key) : key }))
    .sort((a, b) => (counts.get(b.key) ?? 0) - (counts.get(a.key) ?? 0) || a.label.localeCompare(b.label, ctx.lang));
  const rows = [...listed, ...extra]
    .map((l) => ({ ...l, values: [counts.get(l.key) ?? 0] }))
    .filter((r) => !input.dropZeros || (r.values[0] ?? 0) > 0);
  return {
    id: input.id,
    title: ctx.t(`stats.charts.${dimension}`),
    labelHeader: ctx.t(`stats.headers.${dimension}`),
    series: [ctx.t("stats.events")],
    rows,
  };
}

/** The chart's SVG (Observable Plot, see bar-chart.ts); one bar per row, grouped by series when several. */
export function chartSvg(ctx: PageCtx, table: ChartTable): string {
  const grouped = table.series.length > 1;
  const bars = table.rows.flatMap((r) =>
    table.series.map((series, i) => ({ label: r.label, value: r.values[i] ?? 0, ...(grouped ? { series } : {}) })),
  );
  return renderBarChart({
    id: `${table.id}-chart`,
    title: table.title,
    description: ctx.t("stats.chartDesc"),
    bars,
    valueLabel: grouped ? ctx.t("stats.label") : (table.series[0] ?? ""),
  });
}
