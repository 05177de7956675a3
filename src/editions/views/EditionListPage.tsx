import { formatDay, formatIsoDay } from "../../lib/format-date.ts";
import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import { OrganiserShell } from "../../organiser/views/OrganiserShell.tsx";
import type { Edition } from "../edition-queries.ts";
import { editionsPath, rolloverPath } from "./edition-paths.ts";

/** /mein-bereich/ausgaben: every edition with its week, window and status; which one is current and why. */
export function EditionListPage({
  base,
  editions,
  current,
  notice,
}: {
  base: PageBase;
  editions: Edition[];
  current: Edition | undefined;
  notice: string | null;
}) {
  const { ctx, actor, orgs } = base;
  const { t, lang } = ctx;
  const day = (d: Date | null) => (d ? formatDay(lang, d) : "–");
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={t("editions.listTitle")} orgs={orgs} notice={notice}>
      <p>{t("editions.listIntro")}</p>
      <p class="muted">{t("editions.currentRule")}</p>
      <p>
        <a class="button" href={ctx.href(rolloverPath)}>
          {t("editions.rollover")}
        </a>{" "}
        <a class="button button-secondary" href={ctx.href(`${editionsPath}/neu`)}>
          {t("editions.create")}
        </a>
      </p>
      {editions.length === 0 ? (
        <p>{t("editions.none")}</p>
      ) : (
        <table class="queue">
          <caption class="visually-hidden">{t("editions.listTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("editions.colYear")}</th>
              <th scope="col">{t("editions.colTitle")}</th>
              <th scope="col">{t("editions.colDates")}</th>
              <th scope="col">{t("editions.colWindow")}</th>
              <th scope="col">{t("editions.colStatus")}</th>
            </tr>
          </thead>
          <tbody>
            {editions.map((e) => (
              <tr key={e.id}>
                <th scope="row">
                  <a href={ctx.href(`${editionsPath}/${e.year}`)} aria-label={t("editions.editLabel", { year: e.year })}>
                    {e.year}
                  </a>
                </th>
                <td>
                  {lang === "en" ? e.titleEn : e.titleDe}
                  {current?.id === e.id && <strong class="badge"> ({t("editions.current")})</strong>}
                </td>
                <td>
                  {formatIsoDay(lang, e.startsOn, "short")} – {formatIsoDay(lang, e.endsOn, "short")} {e.endsOn.slice(0, 4)}
                </td>
                <td>
                  {day(e.submissionOpensAt)} – {day(e.submissionClosesAt)}
                </td>
                <td>{t(`editions.status.${e.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </OrganiserShell>
  );
}
