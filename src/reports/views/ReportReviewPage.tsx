import { tr } from "../../event-form/views/form-kit.tsx";
import { eventPath } from "../../events/event-path.ts";
import { formatDay } from "../../lib/format-date.ts";
import { pick } from "../../lib/language.ts";
import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import { OrganiserShell } from "../../organiser/views/OrganiserShell.tsx";
import { type Taxonomies, termName } from "../../taxonomies/taxonomy-queries.ts";
import { CsrfField } from "../../views/CsrfField.tsx";
import { ErrorSummary } from "../../views/form/ErrorSummary.tsx";
import { FieldFrame } from "../../views/form/FieldFrame.tsx";
import { TextArea } from "../../views/form/inputs.tsx";
import { reportDecisions } from "../decide-report.ts";
import type { ReportView } from "../load-report.ts";
import type { ReportTarget } from "../report-access.ts";
import { PublicReport } from "./PublicReport.tsx";
import { ReviewTabs } from "./ReviewTabs.tsx";

type Props = {
  base: PageBase;
  target: ReportTarget;
  view: ReportView;
  taxonomies: Taxonomies;
  csrf: string;
  refused?: { message: string; errors: Record<string, string> } | undefined;
  problem?: string | undefined;
};

/** One report for its reviewers: the event, the report as the public would see it, the decision form and the history. */
export function ReportReviewPage({ base, target, view, taxonomies, csrf, refused, problem }: Props) {
  const { ctx, actor } = base;
  const { t, lang } = ctx;
  const title = pick(lang, target.event.titleDe, target.event.titleEn);
  const r = view.report;
  const entries = Object.entries(refused?.errors ?? {}).map(([field, code]) => ({
    field,
    label: t("reports.review.message"),
    message: tr(ctx, `reports.errors.${code}`),
  }));
  const messageError = refused?.errors.message ? tr(ctx, `reports.errors.${refused.errors.message}`) : undefined;
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={t("reports.review.reviewTitle", { title })} orgs={base.orgs}>
      <ReviewTabs ctx={ctx} current="reports" />
      <p>
        {t("reports.statusLabel")}: <strong>{t(`reports.status.${r.status}`)}</strong> ·{" "}
        {termName(taxonomies.states, target.stateCode, lang)}
        {target.event.status === "published" && (
          <>
            {" · "}
            <a href={ctx.href(eventPath(target.event))}>{t("reports.review.eventPage")}</a>
          </>
        )}
      </p>
      {problem && (
        <div class="notice notice-error" role="alert">
          <p>{problem}</p>
        </div>
      )}
      <PublicReport ctx={ctx} report={r} photos={view.photos} />
      {r.status === "submitted" && (
        <form method="post" action={ctx.href(`/mein-bereich/pruefung/berichte/${target.event.id}/entscheidung`)} noValidate>
          <ErrorSummary title={t("reports.errorTitle")} entries={entries} autofocus />
          <CsrfField token={csrf} />
          <input type="hidden" name="version" value={String(r.version)} />
          <fieldset>
            <legend>{t("reports.review.decisionLegend")}</legend>
            <FieldFrame id="field-message" label={t("reports.review.message")} hint={t("reports.review.messageHint")} error={messageError}>
              <TextArea
                id="field-message"
                name="message"
                value={refused?.message ?? ""}
                rows={4}
                maxLength={4000}
                hint="1"
                error={messageError}
              />
            </FieldFrame>
            <p class="form-actions">
              {reportDecisions.map((a) => (
                <button key={a} type="submit" name="action" value={a} class={a === "publish" ? undefined : "button-secondary"}>
                  {t(`reports.review.${a}`)}
                </button>
              ))}
            </p>
          </fieldset>
        </form>
      )}
      <section aria-labelledby="report-history">
        <h2 id="report-history">{t("reports.review.history")}</h2>
        <ol class="plain history">
          {view.decisions.map((d) => (
            <li key={`${d.at.toISOString()}-${d.action}`}>
              {t("reports.review.historyEntry", {
                date: formatDay(lang, d.at),
                action: tr(ctx, `reports.review.actions.${d.action}`),
                who: d.who ?? "–",
              })}
              {d.message && <p>{d.message}</p>}
            </li>
          ))}
        </ol>
      </section>
    </OrganiserShell>
  );
}
