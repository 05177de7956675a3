import { isNational } from "../../lib/actor.ts";
import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import { OrganiserShell } from "../../organiser/views/OrganiserShell.tsx";
import type { ChartTable } from "../chart-tables.ts";
import type { EditionStatistics } from "../load-statistics.ts";
import { ChartSection } from "./ChartSection.tsx";

/** /mein-bereich/statistik: every chart of an edition with its table and downloads, for the actor's scope. */
export function StatisticsPage({ base, data, tables }: { base: PageBase; data: EditionStatistics; tables: ChartTable[] }) {
  const { ctx, actor } = base;
  const { t } = ctx;
  const year = data.edition.year;
  const states = data.scope.all ? [] : data.scope.stateCodes.map((c) => data.taxonomies.states.find((s) => s.code === c));
  const stateNames = states.map((s) => (s ? (ctx.lang === "en" ? s.nameEn : s.nameDe) : "")).join(", ");
  const download = (id: string, ext: "csv" | "xlsx") => ctx.href(`/mein-bereich/statistik/${id}.${ext}`, { edition: String(year) });
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={t("stats.title", { year })} orgs={base.orgs} org={base.org}>
      <p>{data.scope.all ? t("stats.intro", { year }) : t("stats.introScoped", { year, states: stateNames })}</p>
      <form method="get" action={ctx.path} class="edition-choice">
        {ctx.lang === "en" && <input type="hidden" name="lang" value="en" />}
        <label for="stats-edition">{t("stats.chooseEdition")}</label>{" "}
        <select id="stats-edition" name="edition">
          {data.editions.map((e) => (
            <option key={e.id} value={String(e.year)} selected={e.id === data.edition.id}>
              {e.year}
            </option>
          ))}
        </select>{" "}
        <button type="submit">{t("stats.show")}</button>
      </form>
      {isNational(actor) && (
        <p>
          <a href={ctx.href("/mein-bereich/statistik/betrieb")}>{t("stats.operationsLink")}</a>
        </p>
      )}
      {tables.map((table) => (
        <ChartSection
          key={table.id}
          ctx={ctx}
          table={table}
          downloads={{ csv: download(table.id, "csv"), xlsx: download(table.id, "xlsx") }}
        />
      ))}
    </OrganiserShell>
  );
}
