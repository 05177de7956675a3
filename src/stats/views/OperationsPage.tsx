import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import { OrganiserShell } from "../../organiser/views/OrganiserShell.tsx";
import type { OperationsFigures } from "../operations-figures.ts";

const number = (lang: string, n: number) => n.toLocaleString(lang === "en" ? "en-GB" : "de-DE");
const share = (lang: string, part: number, whole: number) =>
  whole === 0 ? "–" : (part / whole).toLocaleString(lang === "en" ? "en-GB" : "de-DE", { style: "percent", maximumFractionDigits: 0 });

/** /mein-bereich/statistik/betrieb: the national office's live figures per Land, as tables. */
export function OperationsPage({ base, figures }: { base: PageBase; figures: OperationsFigures }) {
  const { ctx, actor } = base;
  const { t, lang } = ctx;
  const name = (r: { nameDe: string; nameEn: string }) => (lang === "en" ? r.nameEn : r.nameDe);
  const year = figures.edition?.year ?? "";
  const sum = (f: (r: OperationsFigures["rows"][number]) => number) => figures.rows.reduce((a, r) => a + f(r), 0);
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={t("stats.operations.title")} orgs={base.orgs} org={base.org}>
      <p>{t("stats.operations.intro")}</p>
      <div class="table-scroll">
        <table class="booth-table" id="queue-age">
          <caption>
            {t("stats.operations.queueTitle")}
            <span class="caption-note">{t("stats.operations.queueCaption")}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("stats.operations.colState")}</th>
              <th scope="col" class="num">
                {t("stats.operations.colWaiting")}
              </th>
              <th scope="col" class="num">
                {t("stats.operations.colMedian")}
              </th>
              <th scope="col" class="num">
                {t("stats.operations.colOldest")}
              </th>
            </tr>
          </thead>
          <tbody>
            {figures.rows.map((r) => (
              <tr key={r.code} data-state={r.code}>
                <th scope="row">{name(r)}</th>
                <td class="num">{r.queue.waiting}</td>
                <td class="num">{r.queue.medianDays === null ? "–" : number(lang, r.queue.medianDays)}</td>
                <td class="num">{r.queue.oldestDays === null ? "–" : number(lang, r.queue.oldestDays)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="table-scroll">
        <table class="booth-table" id="decision-time">
          <caption>
            {t("stats.operations.decisionTitle")}
            <span class="caption-note">{t("stats.operations.decisionCaption", { year })}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("stats.operations.colState")}</th>
              <th scope="col" class="num">
                {t("stats.operations.colDecisions")}
              </th>
              <th scope="col" class="num">
                {t("stats.operations.colMedian")}
              </th>
            </tr>
          </thead>
          <tbody>
            {figures.rows.map((r) => (
              <tr key={r.code} data-state={r.code}>
                <th scope="row">{name(r)}</th>
                <td class="num">{r.decision.decisions}</td>
                <td class="num">{r.decision.decisions > 0 ? number(lang, r.decision.medianDays) : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="table-scroll">
        <table class="booth-table" id="without-report">
          <caption>
            {t("stats.operations.reportTitle")}
            <span class="caption-note">{t("stats.operations.reportCaption", { year })}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("stats.operations.colState")}</th>
              <th scope="col" class="num">
                {t("stats.operations.colPublished")}
              </th>
              <th scope="col" class="num">
                {t("stats.operations.colWithoutReport")}
              </th>
              <th scope="col" class="num">
                {t("stats.operations.colShare")}
              </th>
            </tr>
          </thead>
          <tbody>
            {figures.rows.map((r) => (
              <tr key={r.code} data-state={r.code}>
                <th scope="row">{name(r)}</th>
                <td class="num">{r.reports.published}</td>
                <td class="num">{r.reports.withoutReport}</td>
                <td class="num">{share(lang, r.reports.withoutReport, r.reports.published)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {figures.previous ? (
        <div class="table-scroll">
          <table class="booth-table" id="not-submitted">
            <caption>
              {t("stats.operations.missingTitle")}
              <span class="caption-note">{t("stats.operations.missingCaption", { previous: figures.previous.year, year })}</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("stats.operations.colState")}</th>
                <th scope="col" class="num">
                  {t("stats.operations.colOrganisations")}
                </th>
                <th scope="col">{t("stats.operations.colNames")}</th>
              </tr>
            </thead>
            <tbody>
              {figures.rows.map((r) => (
                <tr key={r.code} data-state={r.code}>
                  <th scope="row">{name(r)}</th>
                  <td class="num">{r.missing.count}</td>
                  <td>{r.missing.names.join(", ")}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("stats.operations.total")}</th>
                <td class="num">{sum((r) => r.missing.count)}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      ) : (
        <p>{t("stats.operations.noPrevious")}</p>
      )}
    </OrganiserShell>
  );
}
