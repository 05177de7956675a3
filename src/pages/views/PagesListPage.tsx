import { formatDay } from "../../lib/format-date.ts";
import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import { OrganiserShell } from "../../organiser/views/OrganiserShell.tsx";
import { publicPathOf } from "../page-paths.ts";
import type { PageListItem } from "../page-queries.ts";

export const pagesAdminPath = "/mein-bereich/seiten";

/** /mein-bereich/seiten: every page with its address, edition, state and version. */
export function PagesListPage({ base, pages, notice }: { base: PageBase; pages: PageListItem[]; notice: string | null }) {
  const { ctx, actor, orgs, org } = base;
  const { t, lang } = ctx;
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={t("pages.listTitle")} orgs={orgs} org={org} notice={notice}>
      <p>{t("pages.listIntro")}</p>
      <p>
        <a href={ctx.href(`${pagesAdminPath}/neu`)}>{t("pages.newPage")}</a>
      </p>
      <div class="table-scroll">
        <table class="pages-table">
          <caption class="visually-hidden">{t("pages.listTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("pages.colTitle")}</th>
              <th scope="col">{t("pages.colAddress")}</th>
              <th scope="col">{t("pages.colEdition")}</th>
              <th scope="col">{t("pages.colStatus")}</th>
              <th scope="col">{t("pages.colVersion")}</th>
            </tr>
          </thead>
          <tbody>
            {pages.map((p) => (
              <tr key={p.id} class="page-row">
                <td>
                  <a href={ctx.href(`${pagesAdminPath}/${p.id}`)}>{lang === "en" ? p.titleEn : p.titleDe}</a>
                </td>
                <td>
                  <code>{publicPathOf(p.slug)}</code>
                </td>
                <td>{p.year ?? t("pages.global")}</td>
                <td>{p.demo ? t("pages.statusDemo") : p.published ? t("pages.statusPublished") : t("pages.statusDraft")}</td>
                <td>
                  {p.version} ({formatDay(lang, p.updatedAt)}){" "}
                  <a href={ctx.href(`${pagesAdminPath}/${p.id}/versionen`)}>{t("pages.history")}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </OrganiserShell>
  );
}
