import { formatDay, formatIsoDay } from "../../lib/format-date.ts";
import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import { PostForm } from "../../organiser/views/FormParts.tsx";
import { OrganiserShell } from "../../organiser/views/OrganiserShell.tsx";
import type { RolloverPlan } from "../rollover/plan-rollover.ts";
import { rolloverPath } from "./edition-paths.ts";

/** /mein-bereich/ausgaben/neu-aus-vorjahr: what the rollover will create, and the one button that does it. */
export function RolloverPage({ base, plan, csrf, problem }: { base: PageBase; plan: RolloverPlan; csrf: string; problem: string | null }) {
  const { ctx, actor, orgs } = base;
  const { t, lang } = ctx;
  const { next, from } = plan;
  const day = (d: Date | null | undefined) => (d ? formatDay(lang, d) : "–");
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={t("editions.rolloverTitle")} orgs={orgs}>
      {problem && (
        <p class="form-error" role="alert">
          {problem}
        </p>
      )}
      <p>{t("editions.rolloverIntro", { year: from.year, next: next.year })}</p>
      <h2>{t("editions.rolloverNew")}</h2>
      <dl class="facts">
        <dt>{t("editions.fields.titleDe")}</dt>
        <dd lang="de">{next.titleDe}</dd>
        <dt>{t("editions.fields.titleEn")}</dt>
        <dd lang="en">{next.titleEn}</dd>
        <dt>{t("editions.fields.hashtag")}</dt>
        <dd>{next.hashtag ? `#${next.hashtag}` : "–"}</dd>
        <dt>{t("editions.colDates")}</dt>
        <dd>
          {formatIsoDay(lang, next.startsOn)} – {formatIsoDay(lang, next.endsOn)} {next.endsOn.slice(0, 4)}
        </dd>
        <dt>{t("editions.colWindow")}</dt>
        <dd>
          {day(next.submissionOpensAt)} – {day(next.submissionClosesAt)}
        </dd>
        <dt>{t("editions.colStatus")}</dt>
        <dd>{t("editions.status.planning")}</dd>
      </dl>
      <p>{t("editions.rolloverShift", { days: plan.shiftDays })}</p>
      <h2>{t("editions.rolloverCopies")}</h2>
      <ul>
        <li>
          {t("editions.sections.greeting")}, {t("editions.sections.patrons")} ({next.patrons?.length ?? 0}),{" "}
          {t("editions.sections.contacts")} ({next.contacts?.length ?? 0}), {t("editions.fields.moderation")}
        </li>
        {plan.steps.map((s) => (
          <li key={s.key}>
            {lang === "en" ? s.label.en : s.label.de}: {s.result.count}
            {s.result.examples.length > 0 && <span class="muted"> ({s.result.examples.join(", ")}…)</span>}
          </li>
        ))}
      </ul>
      <h2>{t("editions.rolloverInvite")}</h2>
      <p>
        {t("editions.rolloverInviteSummary", {
          orgs: plan.organisations.length,
          year: from.year,
          recipients: plan.recipients,
          drafts: plan.drafts,
        })}
      </p>
      {plan.organisations.length > 0 && (
        <table class="queue">
          <caption class="visually-hidden">{t("editions.rolloverInvite")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("editions.colOrganisation")}</th>
              <th scope="col">{t("editions.colEvents")}</th>
              <th scope="col">{t("editions.colMembers")}</th>
            </tr>
          </thead>
          <tbody>
            {plan.organisations.map((o) => (
              <tr key={o.id}>
                <th scope="row">{o.name}</th>
                <td>{o.events}</td>
                <td>{o.members}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PostForm action={ctx.href(rolloverPath)} csrf={csrf} label={t("editions.confirm", { next: next.year })}>
        <input type="hidden" name="fromYear" value={String(from.year)} />
        <button type="submit">{t("editions.confirm", { next: next.year })}</button>
      </PostForm>
    </OrganiserShell>
  );
}
