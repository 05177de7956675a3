import { formatDay } from "../../lib/format-date.ts";
import { pick } from "../../lib/language.ts";
import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import { OrganiserShell } from "../../organiser/views/OrganiserShell.tsx";
import { type Taxonomies, termName } from "../../taxonomies/taxonomy-queries.ts";
import { type ReportQueue, reportQueueStatuses } from "../load-report.ts";
import { ReviewTabs } from "./ReviewTabs.tsx";

/** The reports tab of the review queue: counts per status, then the reports of one status, oldest first. */
export function ReportQueuePage({
  base,
  queue,
  taxonomies,
  notice,
}: {
  base: PageBase;
  queue: ReportQueue;
  taxonomies: Taxonomies;
  notice: string | null;
}) {
  const { ctx, actor } = base;
  const { t, lang } = ctx;
  const path = "/mein-bereich/pruefung/berichte";
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={t("reports.review.queueTitle")} orgs={base.orgs} notice={notice}>
      <ReviewTabs ctx={ctx} current="reports" reportsWaiting={queue.counts.submitted} />
      <p>{t("reports.review.queueIntro")}</p>
      <nav aria-label={t("moderation.countsLabel")}>
        <ul class="status-tabs">
          {reportQueueStatuses.map((s) => (
            <li key={s}>
              <a href={ctx.href(path, s === "submitted" ? {} : { status: s })} aria-current={queue.status === s ? "page" : undefined}>
                {t(`reports.status.${s}`)} <span class="count">({queue.counts[s]})</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {queue.rows.length === 0 ? (
        <p>{t("reports.review.empty")}</p>
      ) : (
        <table class="queue">
          <caption class="visually-hidden">{t(`reports.status.${queue.status}`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t("reports.review.colEvent")}</th>
              <th scope="col">{t("reports.review.colOrganisation")}</th>
              <th scope="col">{t("reports.review.colState")}</th>
              <th scope="col">{t("reports.review.colSubmitted")}</th>
            </tr>
          </thead>
          <tbody>
            {queue.rows.map((r) => (
              <tr key={r.eventId}>
                <td>
                  <a href={ctx.href(`${path}/${r.eventId}`)}>{pick(lang, r.titleDe, r.titleEn)}</a>
                </td>
                <td>{r.organisationName}</td>
                <td>{termName(taxonomies.states, r.stateCode, lang)}</td>
                <td>{r.submittedAt ? <time datetime={r.submittedAt.toISOString()}>{formatDay(lang, r.submittedAt)}</time> : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </OrganiserShell>
  );
}
