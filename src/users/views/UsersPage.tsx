import { formatDay } from "../../lib/format-date.ts";
import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import { OrganiserShell } from "../../organiser/views/OrganiserShell.tsx";
import type { Option } from "../../views/form/inputs.tsx";
import type { UserList } from "../list-users.ts";
import { roles, userStatuses } from "../users.schemas.ts";
import { Field, FilterForm, Pagination, UsersErrorSummary } from "./users-kit.tsx";

export const usersPath = "/mein-bereich/nutzer";

export type UsersView = { list: UserList; states: Option[]; invalid: string[]; raw: Record<string, string> };

/** /mein-bereich/nutzer: every account, searched and filtered by a plain GET form, 50 a page. */
export function UsersPage({ base, view }: { base: PageBase; view: UsersView }) {
  const { ctx, actor, orgs, org } = base;
  const { t, lang } = ctx;
  const { list } = view;
  const err = (k: string) => (view.invalid.includes(k) ? "invalid" : undefined);
  const value = (k: string) => view.raw[k] ?? "";
  const labels = { q: t("users.search"), role: t("users.role"), state: t("users.state"), status: t("users.status") };
  const errors = Object.fromEntries(view.invalid.map((k) => [k, "invalid"]));
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={t("users.title")} orgs={orgs} org={org}>
      <p>{t("users.intro")}</p>
      <p>
        <a href={ctx.href(`${usersPath}/neu`)}>{t("users.create.link")}</a>
      </p>
      <UsersErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <FilterForm ctx={ctx} reset={usersPath}>
        <Field ctx={ctx} name="q" label={labels.q} value={value("q")} error={err("q")} maxLength={120} />
        <Field
          ctx={ctx}
          name="role"
          label={labels.role}
          value={value("role")}
          error={err("role")}
          options={roles.map((r) => ({ value: r, label: t(`users.roles.${r}`) }))}
          placeholder={t("users.any")}
        />
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
          options={userStatuses.map((s) => ({ value: s, label: t(`users.statuses.${s}`) }))}
          placeholder={t("users.any")}
        />
      </FilterForm>
      <p role="status">{t("users.count", { count: list.total })}</p>
      {list.users.length === 0 ? (
        <p>{t("users.none")}</p>
      ) : (
        <div class="table-scroll">
          <table class="audit-table user-table">
            <caption class="visually-hidden">{t("users.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("users.name")}</th>
                <th scope="col">{t("users.email")}</th>
                <th scope="col">{t("users.role")}</th>
                <th scope="col">{t("users.status")}</th>
                <th scope="col">{t("users.organisations")}</th>
                <th scope="col">{t("users.created")}</th>
              </tr>
            </thead>
            <tbody>
              {list.users.map((u) => (
                <tr key={u.id} class="user-row">
                  <th scope="row">
                    <a href={ctx.href(`${usersPath}/${u.id}`)}>{u.name}</a>
                  </th>
                  <td>{u.email}</td>
                  <td>
                    {t(`users.roles.${u.role}`)}
                    {u.stateCodes.length > 0 && ` (${u.stateCodes.join(", ")})`}
                  </td>
                  <td>{t(`users.statuses.${u.status}`)}</td>
                  <td>{u.organisations.join(", ") || "–"}</td>
                  <td>{formatDay(lang, u.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        ctx={ctx}
        path={usersPath}
        params={{ q: list.filter.q, role: list.filter.role, state: list.filter.state, status: list.filter.status }}
        page={list.filter.page}
        pages={list.pages}
      />
    </OrganiserShell>
  );
}
