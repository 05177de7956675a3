import { formatDay, formatTime } from "../../lib/format-date.ts";
import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import { OrganiserShell } from "../../organiser/views/OrganiserShell.tsx";
import { CsrfField } from "../../views/CsrfField.tsx";
import type { PageRevisionRow, PageRow } from "../page-queries.ts";
import { pagesAdminPath } from "./PagesListPage.tsx";

/** /mein-bereich/seiten/:id/versionen: the saved versions, newest first, each restorable. */
export function PageHistoryPage({
  base,
  page,
  revisions,
  csrf,
  notice,
}: {
  base: PageBase;
  page: PageRow;
  revisions: PageRevisionRow[];
  csrf: string;
  notice: string | null;
}) {
  const { ctx, actor, orgs, org } = base;
  const { t, lang } = ctx;
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={t("pages.historyTitle", { title: page.titleDe })} orgs={orgs} org={org} notice={notice}>
      <p>
        {t("pages.historyIntro")} <a href={ctx.href(`${pagesAdminPath}/${page.id}`)}>{t("pages.edit")}</a>
      </p>
      {revisions.length === 0 && <p>{t("pages.historyNone")}</p>}
      <ol class="plain revision-list">
        {revisions.map((r) => (
          <li key={r.id} class="revision">
            <h2>
              {t("pages.versionBy", {
                version: r.version,
                when: `${formatDay(lang, r.savedAt)} ${formatTime(lang, r.savedAt)}`,
                who: r.savedByName,
              })}
              {r.version === page.version && <> ({t("pages.current")})</>}
            </h2>
            {r.restoredFrom !== null && <p class="muted">{t("pages.restoredFrom", { version: r.restoredFrom })}</p>}
            <p lang="de">{r.titleDe}</p>
            <details>
              <summary>{t("pages.bodyDe")}</summary>
              <pre class="revision-body" lang="de">
                {r.bodyDe}
              </pre>
            </details>
            <details>
              <summary>{t("pages.bodyEn")}</summary>
              <pre class="revision-body" lang="en">
                {r.bodyEn}
              </pre>
            </details>
            {r.version !== page.version && (
              <form method="post" action={ctx.href(`${pagesAdminPath}/${page.id}/versionen`)} class="inline-form">
                <CsrfField token={csrf} />
                <input type="hidden" name="revision" value={String(r.version)} />
                <input type="hidden" name="version" value={String(page.version)} />
                <button type="submit" class="button-secondary" aria-label={`${t("pages.restore")}: ${r.version}`}>
                  {t("pages.restore")}
                </button>
              </form>
            )}
          </li>
        ))}
      </ol>
    </OrganiserShell>
  );
}
