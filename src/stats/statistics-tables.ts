import type { PageCtx } from "../lib/page-context.ts";
import { type ChartTable, dimensionTable } from "./chart-tables.ts";
import type { Dimension, KeyFigures } from "./count-events.ts";
import type { EditionStatistics } from "./load-statistics.ts";

/** The dashboard's charts by their id in URLs (`/mein-bereich/statistik/<id>.csv`), in page order. */
export const statisticsCharts = [
  "key-figures",
  "funnel",
  "state",
  "day",
  "format",
  "topic",
  "mode",
  "target-group",
  "partner-country",
  "participants",
] as const;
export type StatisticsChart = (typeof statisticsCharts)[number];

const dimensionOf: Partial<Record<StatisticsChart, Dimension>> = {
  state: "state",
  day: "day",
  format: "format",
  topic: "topic",
  mode: "mode",
  "target-group": "targetGroup",
  "partner-country": "partnerCountry",
};

const figureOrder: (keyof KeyFigures)[] = ["days", "states", "events", "booths", "organisations", "partnerCountries", "participants"];
const funnelOrder = ["draft", "submitted", "changes_requested", "approved", "published", "rejected", "cancelled"] as const;

export const isStatisticsChart = (id: string): id is StatisticsChart => (statisticsCharts as readonly string[]).includes(id);

/** One chart of the dashboard as its table (the SVG, the table and the downloads are made from it). */
export function statisticsTable(ctx: PageCtx, data: EditionStatistics, id: StatisticsChart): ChartTable {
  const { t } = ctx;
  const dimension = dimensionOf[id];
  if (dimension) {
    return dimensionTable(ctx, {
      id,
      dimension,
      counts: data.byDimension.get(dimension) ?? new Map(),
      taxonomies: data.taxonomies,
      days: data.days,
      dropZeros: dimension === "state" && !data.scope.all,
    });
  }
  if (id === "participants") {
    const byState = dimensionTable(ctx, {
      id,
      dimension: "state",
      counts: data.participantsByState,
      taxonomies: data.taxonomies,
      days: data.days,
      dropZeros: !data.scope.all,
    });
    return { ...byState, title: t("stats.charts.participants"), series: [t("stats.headers.participants")] };
  }
  if (id === "funnel") {
    return {
      id,
      title: t("stats.charts.funnel"),
      labelHeader: t("stats.headers.status"),
      series: [t("stats.events")],
      rows: funnelOrder.map((s) => ({ key: s, label: t(`stats.status.${s}`), values: [data.funnel.get(s) ?? 0] })),
    };
  }
  const prev = data.previous && data.previousFigures ? { year: data.previous.year, figures: data.previousFigures } : undefined;
  return {
    id,
    title: t("stats.charts.keyFigures"),
    labelHeader: t("stats.headers.figure"),
    series: prev ? [String(data.edition.year), String(prev.year)] : [String(data.edition.year)],
    rows: figureOrder.map((f) => ({
      key: f,
      label: t(`stats.figures.${f}`),
      values: prev ? [data.figures[f], prev.figures[f]] : [data.figures[f]],
    })),
  };
}

/** Every chart of the dashboard, in page order. */
export const statisticsTables = (ctx: PageCtx, data: EditionStatistics): ChartTable[] =>
  statisticsCharts.map((id) => statisticsTable(ctx, data, id));
