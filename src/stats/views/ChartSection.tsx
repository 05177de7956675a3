import type { PageCtx } from "../../lib/page-context.ts";
import { type ChartTable, chartSvg } from "../chart-tables.ts";

export type ChartDownloads = { csv: string; xlsx: string };

/**
 * A chart with its numbers: heading, the server-rendered SVG (one image with title and description) and
 * the table beside it, optionally the CSV/XLSX downloads of exactly that table.
 */
export function ChartSection({
  ctx,
  table,
  downloads,
  level = 2,
}: {
  ctx: PageCtx;
  table: ChartTable;
  downloads?: ChartDownloads | undefined;
  level?: 2 | 3;
}) {
  const { t } = ctx;
  const Heading = level === 2 ? "h2" : "h3";
  const headingId = `${table.id}-heading`;
  return (
    <section class="chart-section" aria-labelledby={headingId} id={table.id}>
      <Heading id={headingId}>{table.title}</Heading>
      <div class="chart-pair">
        <div class="chart-image" dangerouslySetInnerHTML={{ __html: chartSvg(ctx, table) }} />
        <div class="table-scroll chart-numbers">
          <table class="booth-table chart-table" data-chart={table.id}>
            <caption class="visually-hidden">{table.title}</caption>
            <thead>
              <tr>
                <th scope="col">{table.labelHeader}</th>
                {table.series.map((s) => (
                  <th scope="col" key={s} class="num">
                    {s}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.length === 0 && (
                <tr>
                  <td colSpan={table.series.length + 1}>{t("stats.noData")}</td>
                </tr>
              )}
              {table.rows.map((r) => (
                <tr key={r.key} data-key={r.key}>
                  <th scope="row">{r.label}</th>
                  {r.values.map((v, i) => (
                    <td key={table.series[i]} class="num">
                      {v}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      {downloads && (
        <p class="chart-downloads">
          {t("stats.download")}{" "}
          <a href={downloads.csv} aria-label={t("stats.downloadCsv", { title: table.title })}>
            CSV
          </a>
          {" · "}
          <a href={downloads.xlsx} aria-label={t("stats.downloadXlsx", { title: table.title })}>
            XLSX
          </a>
        </p>
      )}
    </section>
  );
}
