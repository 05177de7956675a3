import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import { OrganiserShell } from "../../organiser/views/OrganiserShell.tsx";
import type { Option } from "../../views/form/inputs.tsx";
import type { OrganisationList } from "../list-organisations.ts";
import { organisationStatuses } from "../users.schemas.ts";
import { Field, FilterForm, Pagination, UsersErrorSummary } from "./users-kit.tsx";

export const organisationsPath = "/mein-bereich/organisationen";

export type OrganisationsView = { list: OrganisationList; states: Option[]; invalid: string[]; raw: Record<string, string> };

/** /mein-bereich/organisationen: every organisation, searched and filtered by a plain GET form, 50 a page. */
export function OrganisationsPage({ base, view }: { base: PageBase; view: OrganisationsView }) {
  const { ctx, actor, orgs, org } = base;
  const { t } = ctx;
  const { list } = view;
  const err = (k: string) => (view.invalid.includes(k) ? "invalid" : undefined);
  const value = (k: string) => view.raw[k] ?? "";
  const labels = { q: t("users.orgs.search"), state: t("users.state"), status: t("users.status") };
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={t("users.orgs.title")} orgs={orgs} org={org}>
      <p>{t("users.orgs.intro")}</p>
      <UsersErrorSummary ctx={ctx} errors={Object.fromEntries(view.invalid.map((k) => [k, "invalid"]))} labels={labels} />
      <FilterForm ctx={ctx} reset={organisationsPath}>
        <Field ctx={ctx} name="q" label={labels.q} value={value("q")} error={err("q")} maxLength={120} />
        <Field
          ctx={ctx}
          name="state"
          label={labels.state}
          value={value("state")}
          error={err("state")}
          options={view.states}
          placeholder={t("users.any")}
        />
        <Field
          ctx={ctx}
          name="status"
          label={labels.status}
          value={value("status")}
          error={err("status")}
          options={organisationStatuses.map((s) => ({ value: s, label: t(`users.orgs.statuses.${s}`) }))}
          placeholder={t("users.any")}
        />
      </FilterForm>
      <p role="status">{t("users.orgs.count", { count: list.total })}</p>
      {list.organisations.length === 0 ? (
        <p>{t("users.orgs.none")}</p>
      ) : (
        <div class="table-scroll">
          <table class="audit-table organisation-table">
            <caption class="visually-hidden">{t("users.orgs.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("users.orgs.name")}</th>
                <th scope="col">{t("users.orgs.slug")}</th>
                <th scope="col">{t("users.state")}</th>
                <th scope="col">{t("users.orgs.city")}</th>
                <th scope="col">{t("users.status")}</th>
                <th scope="col">{t("users.orgs.events")}</th>
                <th scope="col">{t("users.orgs.members")}</th>
              </tr>
            </thead>
            <tbody>
              {list.organisations.map((o) => (
                <tr key={o.id} class="organisation-row">
                  <th scope="row">
                    <a href={ctx.href(`${organisationsPath}/${o.id}`)}>{o.name}</a>
                  </th>
                  <td>
                    <code>{o.slug}</code>
                  </td>
                  <td>{o.stateCode}</td>
                  <td>{o.city || "–"}</td>
                  <td>{t(`users.orgs.statuses.${o.status}`)}</td>
                  <td>{o.events}</td>
                  <td>{o.members}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        ctx={ctx}
        path={organisationsPath}
        params={{ q: list.filter.q, state: list.filter.state, status: list.filter.status }}
        page={list.filter.page}
        pages={list.pages}
      />
    </OrganiserShell>
  );
}
