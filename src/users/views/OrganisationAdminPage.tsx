import { tr } from "../../event-form/views/form-kit.tsx";
import type { PageCtx } from "../../lib/page-context.ts";
import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import { OrganiserShell } from "../../organiser/views/OrganiserShell.tsx";
import type { ManagedOrganisation } from "../organisation-admin.ts";
import type { Footprint } from "../organisation-footprint.ts";
import { organisationsPath } from "./OrganisationsPage.tsx";
import { usersPath } from "./UsersPage.tsx";
import { Field, type FieldErrors, UsersErrorSummary } from "./users-kit.tsx";

export type OrganisationAdminView = {
  managed: ManagedOrganisation;
  values: { target?: string };
  errors: FieldErrors;
  notice: string | null;
};

const knownRows = ["event", "membership", "trade_fair_presence", "organisation_invitation"];

/** The rows that belong to an organisation, by kind (tables added later show by name). */
export function FootprintList({ ctx, footprint }: { ctx: PageCtx; footprint: Footprint }) {
  const { t } = ctx;
  return (
    <ul class="footprint">
      {Object.entries(footprint.rows).map(([key, n]) => {
        const table = key.split(".")[0] ?? key;
        const label = knownRows.includes(table) ? tr(ctx, `users.orgs.rows.${table}`) : t("users.orgs.rows.other", { name: key });
        return (
          <li key={key} data-key={key}>
            {label}: {n}
          </li>
        );
      })}
      <li data-key="co_organisers">
        {t("users.orgs.rows.coOrganiser")}: {footprint.coOrganiserMentions}
      </li>
    </ul>
  );
}

/** /mein-bereich/organisationen/:id: an organisation's facts, what belongs to it, its members, and the merge form. */
export function OrganisationAdminPage({ base, view }: { base: PageBase; view: OrganisationAdminView }) {
  const { ctx, actor, orgs, org } = base;
  const { t } = ctx;
  const o = view.managed.organisation;
  const labels = { target: t("users.orgs.target") };
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={o.name} orgs={orgs} org={org} notice={view.notice}>
      <p>
        <a href={ctx.href(organisationsPath)}>{t("users.orgs.title")}</a>
      </p>
      <dl class="facts">
        <dt>{t("users.orgs.slug")}</dt>
        <dd>
          <code>{o.slug}</code>
        </dd>
        <dt>{t("users.state")}</dt>
        <dd>{o.stateCode}</dd>
        <dt>{t("users.orgs.city")}</dt>
        <dd>{o.city || "–"}</dd>
        <dt>{t("users.status")}</dt>
        <dd>{t(`users.orgs.statuses.${o.status}`)}</dd>
      </dl>
      {o.status === "active" && (
        <p>
          <a href={ctx.href(`/organisationen/${o.slug}`)}>{t("users.orgs.publicPage")}</a>
        </p>
      )}
      <h2>{t("users.orgs.belongs")}</h2>
      <FootprintList ctx={ctx} footprint={view.managed.footprint} />
      <h2>{t("users.orgs.members")}</h2>
      {view.managed.members.length === 0 ? (
        <p>{t("users.orgs.noMembers")}</p>
      ) : (
        <ul>
          {view.managed.members.map((m) => (
            <li key={m.userId}>
              <a href={ctx.href(`${usersPath}/${m.userId}`)}>{m.name}</a> ({m.email}) –{" "}
              {t(m.role === "owner" ? "users.user.owner" : "users.user.member")}
            </li>
          ))}
        </ul>
      )}
      <h2 id="merge-title">{t("users.orgs.mergeTitle")}</h2>
      <p>{t("users.orgs.mergeIntro")}</p>
      <UsersErrorSummary ctx={ctx} errors={view.errors} labels={labels} />
      <form
        method="get"
        action={ctx.href(`${organisationsPath}/${o.id}/zusammenfuehren`)}
        class="organiser-form"
        aria-labelledby="merge-title"
        noValidate
      >
        {ctx.lang === "en" && <input type="hidden" name="lang" value="en" />}
        <Field
          ctx={ctx}
          name="target"
          label={labels.target}
          hint={t("users.orgs.targetHint")}
          value={view.values.target ?? ""}
          error={view.errors.target}
          required
          maxLength={200}
        />
        <button type="submit">{t("users.orgs.preview")}</button>
      </form>
    </OrganiserShell>
  );
}
