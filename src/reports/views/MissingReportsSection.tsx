import type { PageCtx } from "../../lib/page-context.ts";
import { PostForm } from "../../organiser/views/FormParts.tsx";
import type { MissingReports } from "../missing-reports.ts";

/** The coordination overview's section on missing reports: how many, which organisations, and the reminder button. */
export function MissingReportsSection({ ctx, csrf, code, missing }: { ctx: PageCtx; csrf: string; code: string; missing: MissingReports }) {
  const { t } = ctx;
  if (!missing.edition) return null;
  const events = missing.organisations.reduce((n, o) => n + o.events.length, 0);
  const open = missing.organisations.filter((o) => !o.remindedToday);
  return (
    <section aria-labelledby="missing-reports-title">
      <h2 id="missing-reports-title">{t("reports.coordination.title")}</h2>
      {events === 0 ? (
        <p>{t("reports.coordination.none")}</p>
      ) : (
        <>
          <p>{t("reports.coordination.intro", { year: missing.edition.year, count: events })}</p>
          <ul>
            {missing.organisations.map((o) => (
              <li key={o.id}>
                {o.name} ({o.events.length}){o.remindedToday && ` – ${t("coordination.organisations.remindedToday")}`}
              </li>
            ))}
          </ul>
          {open.length > 0 && (
            <PostForm action={ctx.href(`/mein-bereich/land/${code}/berichte-erinnern`)} csrf={csrf}>
              <button type="submit">{t("reports.coordination.remind")}</button>
            </PostForm>
          )}
        </>
      )}
    </section>
  );
}
