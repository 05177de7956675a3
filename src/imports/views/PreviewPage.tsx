import type { Actor } from "../../lib/actor.ts";
import { formatDay, formatTime } from "../../lib/format-date.ts";
import type { PageCtx } from "../../lib/page-context.ts";
import type { MyOrganisation } from "../../organiser/load-dashboard.ts";
import { OrganiserShell } from "../../organiser/views/OrganiserShell.tsx";
import { CsrfField } from "../../views/CsrfField.tsx";
import type { ImportPlanView } from "../get-import-plan.ts";
import { planIsConfirmable } from "../import-plan.ts";
import { columnLabel, problemText } from "./import-texts.ts";

/** Rows and problems shown on the page; a sheet beyond that is still imported in full (the CLI lists everything). */
const SHOWN = 500;

export type PreviewPageProps = {
  ctx: PageCtx;
  actor: Actor;
  orgs: MyOrganisation[];
  view: ImportPlanView;
  csrf: string;
  /** Why confirming failed, already translated (409), or the success notice. */
  problem?: string | undefined;
  notice?: string | undefined;
};

/** The preview of an import: counts, problems by row and column, every row's result and changes, and the confirm form. */
export function PreviewPage({ ctx, actor, orgs, view, csrf, problem, notice }: PreviewPageProps) {
  const { t } = ctx;
  const { plan, organisation, year } = view;
  const { body } = plan;
  const problems = body.entries.flatMap((e) => e.problems);
  const confirmable = plan.status === "pending" && planIsConfirmable(body);
  const valid = body.counts.new + body.counts.changed;
  const upload = ctx.href("/mein-bereich/import", { org: organisation.slug });
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={t("imports.previewTitle")} orgs={orgs} notice={notice}>
      {problem && (
        <p class="notice notice-error" role="alert">
          {problem}
        </p>
      )}
      {plan.status === "pending" && (
        <p>
          {t("imports.previewIntro", {
            file: plan.fileName,
            organisation: organisation.name,
            year: String(year),
            expires: `${formatDay(ctx.lang, plan.expiresAt)} ${formatTime(ctx.lang, plan.expiresAt)}`,
          })}
        </p>
      )}
      <p class="import-counts">
        <strong>
          {t("imports.counts", {
            new: String(body.counts.new),
            changed: String(body.counts.changed),
            unchanged: String(body.counts.unchanged),
            faulty: String(body.counts.faulty),
          })}
        </strong>
      </p>
      {body.sheetProblems.length > 0 && (
        <section aria-labelledby="sheet-problems">
          <h2 id="sheet-problems">{t("imports.planProblems")}</h2>
          <ul>
            {body.sheetProblems.map((p) => (
              <li key={p.code + JSON.stringify(p.params)}>
                {t(p.severity === "error" ? "imports.error" : "imports.warning")}: {problemText(ctx, p)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {problems.length > 0 && (
        <section aria-labelledby="problems-title">
          <h2 id="problems-title">{t("imports.problemsHeading")}</h2>
          <p>{t("imports.problemsIntro")}</p>
          <table class="import-problems">
            <thead>
              <tr>
                <th scope="col">{t("imports.colRow")}</th>
                <th scope="col">{t("imports.colColumn")}</th>
                <th scope="col">{t("imports.severity")}</th>
                <th scope="col">{t("imports.colProblem")}</th>
              </tr>
            </thead>
            <tbody>
              {problems.slice(0, SHOWN).map((p, i) => (
                <tr key={`${p.row}-${p.column}-${i}`} class={p.severity === "error" ? "import-error" : undefined}>
                  <td>{p.row}</td>
                  <td>{columnLabel(ctx, p.column, body.headers)}</td>
                  <td>{t(p.severity === "error" ? "imports.error" : "imports.warning")}</td>
                  <td>{problemText(ctx, p)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {problems.length > SHOWN && <p>{t("imports.moreRows", { count: problems.length - SHOWN })}</p>}
        </section>
      )}
      <section aria-labelledby="rows-title">
        <h2 id="rows-title">{t("imports.rowsHeading")}</h2>
        <table class="import-rows">
          <thead>
            <tr>
              <th scope="col">{t("imports.colRow")}</th>
              <th scope="col">{t("imports.colReference")}</th>
              <th scope="col">{t("imports.colTitle")}</th>
              <th scope="col">{t("imports.colDates")}</th>
              <th scope="col">{t("imports.colAction")}</th>
              <th scope="col">{t("imports.colDetails")}</th>
            </tr>
          </thead>
          <tbody>
            {body.entries.slice(0, SHOWN).map((e) => (
              <tr key={`${e.reference}-${e.rows[0]}`}>
                <td>{e.rows.join(", ")}</td>
                <td>{e.reference}</td>
                <td>{e.title}</td>
                <td>{e.dates}</td>
                <td>{t(`imports.action.${e.action}`)}</td>
                <td>
                  {e.changes.length > 0 && (
                    <ul class="import-changes">
                      {e.changes.map((c) => (
                        <li key={c.field}>
                          {columnLabel(ctx, c.field, body.headers)}: {c.old} → {c.new}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {body.entries.length > SHOWN && <p>{t("imports.moreRows", { count: body.entries.length - SHOWN })}</p>}
      </section>
      {confirmable && (
        <form method="post" action={ctx.href(`/mein-bereich/import/${plan.id}/bestaetigen`)}>
          <CsrfField token={csrf} />
          <button type="submit">{t("imports.confirm", { count: valid })}</button>
        </form>
      )}
      {plan.status === "pending" && !confirmable && <p>{t("imports.confirmNone")}</p>}
      {plan.status === "confirmed" ? (
        <p>
          <a href={ctx.href("/mein-bereich", { org: organisation.slug })}>{t("imports.toDashboard")}</a>
        </p>
      ) : (
        <p>
          <a href={upload}>{t("imports.uploadAgain")}</a>
        </p>
      )}
    </OrganiserShell>
  );
}
