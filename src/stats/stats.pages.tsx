import type { FastifyInstance, FastifyRequest } from "fastify";
import { notFound } from "../lib/errors.ts";
import { pageBase } from "../organiser/organiser-page-kit.ts";
import { sendPage } from "../views/render.ts";
import { chartToCsv, chartToXlsx } from "./chart-export.ts";
import { loadStatistics } from "./load-statistics.ts";
import { isStatisticsChart, statisticsTable, statisticsTables } from "./statistics-tables.ts";
import { StatisticsPage } from "./views/StatisticsPage.tsx";

const yearOf = (request: FastifyRequest): unknown => ((request.query ?? {}) as Record<string, unknown>).edition;

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The statistics dashboard /mein-bereich/statistik and each chart's table as CSV and XLSX. */
export function registerStatisticsPages(app: FastifyInstance): void {
  app.get("/mein-bereich/statistik", async (request, reply) => {
    const base = await pageBase(app, request);
    const data = await loadStatistics({ ctx: base.verb, input: { year: yearOf(request) } });
    return sendPage(reply, <StatisticsPage base={base} data={data} tables={statisticsTables(base.ctx, data)} />);
  });

  app.get<{ Params: { file: string } }>("/mein-bereich/statistik/:file", async (request, reply) => {
    const base = await pageBase(app, request);
    const match = /^([a-z-]+)\.(csv|xlsx)$/.exec(request.params.file);
    const id = match?.[1] ?? "";
    if (!match || !isStatisticsChart(id)) throw notFound("Chart not found");
    const data = await loadStatistics({ ctx: base.verb, input: { year: yearOf(request) } });
    const table = statisticsTable(base.ctx, data, id);
    const name = `clusterwoche-${data.edition.year}-${id}`;
    reply.header("cache-control", "private, no-store");
    if (match[2] === "csv") {
      reply.header("content-disposition", `attachment; filename="${name}.csv"`);
      return reply.type("text/csv; charset=utf-8").send(chartToCsv(table));
    }
    reply.header("content-disposition", `attachment; filename="${name}.xlsx"`);
    return reply.type(XLSX).send(await chartToXlsx(table));
  });
}
