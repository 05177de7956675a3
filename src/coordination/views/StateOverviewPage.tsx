import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import { PostForm } from "../../organiser/views/FormParts.tsx";
import type { MissingReports } from "../../reports/missing-reports.ts";
import { MissingReportsSection } from "../../reports/views/MissingReportsSection.tsx";
import type { StateOverview } from "../list-state-organisations.ts";
import { eventStatuses } from "../list-state-organisations.ts";
import { CoordinationShell, landName } from "./CoordinationShell.tsx";

/** A refusal or warning shown above the overview (e.g. "already reminded today"). */
export type OverviewMessage = { kind: "notice" | "warning"; text: string };

/** /mein-bereich/land/:code: the Land's organisations with their events per status, and who has not submitted yet. */
export function StateOverviewPage({
  base,
  overview,
  csrf,
  message,
  missingReports,
}: {
  base: PageBase;
  overview: StateOverview;
  csrf: string;
  message: OverviewMessage | null;
  /** Published past events without a report (reports/missing-reports.ts), with the reminder button. */
  missingReports?: MissingReports | undefined;
}) {
  const { ctx } = base;
  const { t } = ctx;
  const { land, edition, previous } = overview;
  const state = landName(ctx, land);
  return (
    <CoordinationShell
      base={base}
      land={land}
      title={t("coordination.stateTitle", { state })}
      notice={message?.kind === "notice" ? message.text : null}
    >
      {message?.kind === "warning" && (
        <p class="notice notice-error" role="alert">
          {message.text}
        </p>
      )}
      {!edition ? (
        <p>{t("coordination.noEdition")}</p>
      ) : (
        <>
          <section aria-labelledby="orgs-title">
            <h2 id="orgs-title">{t("coordination.organisations.title", { state })}</h2>
            {overview.organisations.length === 0 ? (
              <p>{t("coordination.organisations.none")}</p>
            ) : (
              <div class="table-scroll">
                <table class="booth-table">
                  <caption>{t("coordination.organisations.caption", { state, year: edition.year })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("coordination.organisations.colOrganisation")}</th>
                      {eventStatuses.map((s) => (
                        <th scope="col" key={s}>
                          {t(`coordination.status.${s}`)}
                        </th>
                      ))}
                      <th scope="col">{t("coordination.organisations.colTotal")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {overview.organisations.map((o) => (
                      <tr key={o.id}>
                        <th scope="row">
                          {o.name}
                          {o.status === "pending" && <span class="muted"> ({t("coordination.organisations.pending")})</span>}
                        </th>
                        {eventStatuses.map((s) => (
                          <td key={s}>{o.counts[s]}</td>
                        ))}
                        <td>{o.total}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <section aria-labelledby="not-submitted-title">
            <h2 id="not-submitted-title">{t("coordination.organisations.notSubmittedTitle")}</h2>
            {!previous ? (
              <p>{t("coordination.organisations.noPrevious")}</p>
            ) : overview.notSubmitted.length === 0 ? (
              <p>{t("coordination.organisations.notSubmittedNone")}</p>
            ) : (
              <>
                <p>{t("coordination.organisations.notSubmittedIntro", { year: previous.year })}</p>
                <ul class="plain not-submitted">
                  {overview.notSubmitted.map((o) => (
                    <li key={o.id}>
                      <strong>{o.name}</strong> – {t("coordination.organisations.lastEdition", { count: o.lastCount, year: previous.year })}
                      {o.remindedToday && <span class="muted"> · {t("coordination.organisations.remindedToday")}</span>}{" "}
                      <PostForm
                        action={ctx.href(`/mein-bereich/land/${land.code}/erinnerung`)}
                        csrf={csrf}
                        class="inline-form"
                        label={t("coordination.organisations.remindLabel", { name: o.name })}
                      >
                        <input type="hidden" name="organisationId" value={String(o.id)} />
                        <button
                          type="submit"
                          class="button-secondary"
                          aria-label={t("coordination.organisations.remindLabel", { name: o.name })}
                        >
                          {t("coordination.organisations.remind")}
                        </button>
                      </PostForm>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
          {missingReports && <MissingReportsSection ctx={ctx} csrf={csrf} code={land.code} missing={missingReports} />}
        </>
      )}
    </CoordinationShell>
  );
}
