import type { ComponentChildren } from "preact";
import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import { OrganiserShell } from "../../organiser/views/OrganiserShell.tsx";
import type { OperationsFigures } from "../operations-figures.ts";

type Row = OperationsFigures["rows"][number];
/** One column of a per-Land table: its heading, whether it holds numbers, and the cell of a row. */
type Column = { label: string; num?: boolean; cell: (r: Row) => ComponentChildren };

const number = (lang: string, n: number) => n.toLocaleString(lang === "en" ? "en-GB" : "de-DE");
const share = (lang: string, part: number, whole: number) =>
  whole === 0 ? "–" : (part / whole).toLocaleString(lang === "en" ? "en-GB" : "de-DE", { style: "percent", maximumFractionDigits: 0 });

/** A table with one row per Land (its name as row header) and the given columns; `footer` is an optional last row. */
function StateTable(props: {
  id: string;
  title: string;
  caption: string;
  stateLabel: string;
  rows: Row[];
  name: (r: Row) => string;
  columns: Column[];
  footer?: ComponentChildren;
}) {
  return (
    <div class="table-scroll">
      <table class="booth-table" id={props.id}>
        <caption>
          {props.title}
          <span class="caption-note">{props.caption}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{props.stateLabel}</th>
            {props.columns.map((c) => (
              <th key={c.label} scope="col" class={c.num ? "num" : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.code} data-state={r.code}>
              <th scope="row">{props.name(r)}</th>
              {props.columns.map((c) => (
                <td key={c.label} class={c.num ? "num" : undefined}>
                  {c.cell(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {props.footer ? <tfoot>{props.footer}</tfoot> : null}
      </table>
    </div>
  );
}

/** /mein-bereich/statistik/betrieb: the national office's live figures per Land, as tables. */
export function OperationsPage({ base, figures }: { base: PageBase; figures: OperationsFigures }) {
  const { ctx, actor } = base;
  const { t, lang } = ctx;
  const name = (r: Row) => (lang === "en" ? r.nameEn : r.nameDe);
  const year = figures.edition?.year ?? "";
  const sum = (f: (r: Row) => number) => figures.rows.reduce((a, r) => a + f(r), 0);
  const table = { stateLabel: t("stats.operations.colState"), rows: figures.rows, name };
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={t("stats.operations.title")} orgs={base.orgs} org={base.org}>
      <p>{t("stats.operations.intro")}</p>
      <StateTable
        {...table}
        id="queue-age"
        title={t("stats.operations.queueTitle")}
        caption={t("stats.operations.queueCaption")}
        columns={[
          { label: t("stats.operations.colWaiting"), num: true, cell: (r) => r.queue.waiting },
          {
            label: t("stats.operations.colMedian"),
            num: true,
            cell: (r) => (r.queue.medianDays === null ? "–" : number(lang, r.queue.medianDays)),
          },
          {
            label: t("stats.operations.colOldest"),
            num: true,
            cell: (r) => (r.queue.oldestDays === null ? "–" : number(lang, r.queue.oldestDays)),
          },
        ]}
      />
      <StateTable
        {...table}
        id="decision-time"
        title={t("stats.operations.decisionTitle")}
        caption={t("stats.operations.decisionCaption", { year })}
        columns={[
          { label: t("stats.operations.colDecisions"), num: true, cell: (r) => r.decision.decisions },
          {
            label: t("stats.operations.colMedian"),
            num: true,
            cell: (r) => (r.decision.decisions > 0 ? number(lang, r.decision.medianDays) : "–"),
          },
        ]}
      />
      <StateTable
        {...table}
        id="without-report"
        title={t("stats.operations.reportTitle")}
        caption={t("stats.operations.reportCaption", { year })}
        columns={[
          { label: t("stats.operations.colPublished"), num: true, cell: (r) => r.reports.published },
          { label: t("stats.operations.colWithoutReport"), num: true, cell: (r) => r.reports.withoutReport },
          {
            label: t("stats.operations.colShare"),
            num: true,
            cell: (r) => share(lang, r.reports.withoutReport, r.reports.published),
          },
        ]}
      />
      {figures.previous ? (
        <StateTable
          {...table}
          id="not-submitted"
          title={t("stats.operations.missingTitle")}
          caption={t("stats.operations.missingCaption", { previous: figures.previous.year, year })}
          columns={[
            { label: t("stats.operations.colOrganisations"), num: true, cell: (r) => r.missing.count },
            { label: t("stats.operations.colNames"), cell: (r) => r.missing.names.join(", ") },
          ]}
          footer={
            <tr>
              <th scope="row">{t("stats.operations.total")}</th>
              <td class="num">{sum((r) => r.missing.count)}</td>
              <td />
            </tr>
          }
        />
      ) : (
        <p>{t("stats.operations.noPrevious")}</p>
      )}
    </OrganiserShell>
  );
}
