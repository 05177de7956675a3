import { formatDay } from "../../lib/format-date.ts";
import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import { ButtonForm, PostForm } from "../../organiser/views/FormParts.tsx";
import { OrganiserShell } from "../../organiser/views/OrganiserShell.tsx";
import { formFieldClasses } from "../../views/form/FieldFrame.tsx";
import { Choices, type Option } from "../../views/form/inputs.tsx";
import type { ManagedUser } from "../load-user.ts";
import { roles } from "../users.schemas.ts";
import { isPrivilegedRole } from "../users-access.ts";
import { organisationsPath } from "./OrganisationsPage.tsx";
import { usersPath } from "./UsersPage.tsx";
import { Field, type FieldErrors, UsersErrorSummary, usersError } from "./users-kit.tsx";

export type UserView = {
  user: ManagedUser;
  /** The Länder a coordinator may be bound to. */
  states: Option[];
  csrf: string;
  values: { role?: string; stateCodes?: string[] };
  errors: FieldErrors;
  notice: string | null;
};

/** /mein-bereich/nutzer/:id: one account — details, memberships, role and Länder, access, address confirmation. */
export function UserPage({ base, view }: { base: PageBase; view: UserView }) {
  const { ctx, actor, orgs, org } = base;
  const { t, lang } = ctx;
  const { user } = view;
  const self = actor.userId === user.id;
  const manageable = actor.role === "admin" || !isPrivilegedRole(user.role);
  const href = (suffix: string) => ctx.href(`${usersPath}/${user.id}/${suffix}`);
  const roleOptions = roles
    .filter((r) => actor.role === "admin" || !isPrivilegedRole(r))
    .map((r) => ({ value: r, label: t(`users.roles.${r}`) }));
  const labels = { role: t("users.role"), stateCodes: t("users.states") };
  const stateError = view.errors.stateCodes ? usersError(ctx, view.errors.stateCodes) : undefined;
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={user.name} orgs={orgs} org={org} notice={view.notice}>
      <p>
        <a href={ctx.href(usersPath)}>{t("users.title")}</a>
      </p>
      <h2>{t("users.user.details")}</h2>
      <dl class="facts">
        <dt>{t("users.email")}</dt>
        <dd>{user.email}</dd>
        <dt>{t("users.role")}</dt>
        <dd>
          {t(`users.roles.${user.role}`)}
          {user.stateCodes.length > 0 && ` (${user.stateCodes.join(", ")})`}
        </dd>
        <dt>{t("users.status")}</dt>
        <dd>{t(`users.statuses.${user.status}`)}</dd>
        <dt>{t("users.user.language")}</dt>
        <dd>{user.language === "en" ? "English" : "Deutsch"}</dd>
        <dt>{t("users.created")}</dt>
        <dd>{formatDay(lang, user.createdAt)}</dd>
        <dt>{t("users.user.sessions")}</dt>
        <dd>{user.sessions}</dd>
      </dl>
      <h2>{t("users.user.memberships")}</h2>
      {user.memberships.length === 0 ? (
        <p>{t("users.user.noMemberships")}</p>
      ) : (
        <ul>
          {user.memberships.map((m) => (
            <li key={m.id}>
              <a href={ctx.href(`${organisationsPath}/${m.id}`)}>{m.name}</a> –{" "}
              {t(m.role === "owner" ? "users.user.owner" : "users.user.member")}
            </li>
          ))}
        </ul>
      )}
      {self && <p class="notice">{t("users.user.self")}</p>}
      {!self && !manageable && <p class="notice">{t("users.user.roleAdminsOnly")}</p>}
      {!self && manageable && (
        <>
          <h2 id="role-title">{t("users.user.roleTitle")}</h2>
          <UsersErrorSummary ctx={ctx} errors={view.errors} labels={labels} />
          <PostForm action={href("rolle")} csrf={view.csrf} label={t("users.user.roleTitle")}>
            <Field
              ctx={ctx}
              name="role"
              label={labels.role}
              value={view.values.role ?? user.role}
              error={view.errors.role}
              options={roleOptions}
            />
            <Choices
              id="field-stateCodes"
              idOn="first"
              name="stateCodes"
              legend={labels.stateCodes}
              hint={t("users.user.roleHint")}
              error={stateError}
              options={view.states}
              chosen={view.values.stateCodes ?? user.stateCodes}
              classes={{ ...formFieldClasses, field: "form-field checkbox-group", invalid: "form-field form-field-error checkbox-group" }}
            />
            <button type="submit">{t("users.user.roleSave")}</button>
          </PostForm>
          <h2>{t("users.user.accessTitle")}</h2>
          {user.deactivatedAt ? (
            <>
              <p>{t("users.user.deactivatedSince", { date: formatDay(lang, user.deactivatedAt) })}</p>
              <ButtonForm action={href("aktivieren")} csrf={view.csrf} label={t("users.user.reactivate")} />
            </>
          ) : (
            <>
              <p>{t("users.user.deactivateHint")}</p>
              <ButtonForm action={href("deaktivieren")} csrf={view.csrf} label={t("users.user.deactivate")} />
            </>
          )}
          {user.status === "unverified" && (
            <>
              <h2>{t("users.user.verificationTitle")}</h2>
              <ButtonForm action={href("bestaetigung")} csrf={view.csrf} label={t("users.user.resend")} />
            </>
          )}
        </>
      )}
      <p>
        <a href={ctx.href("/mein-bereich/protokoll", { objectType: "user" })}>{t("users.user.audit")}</a>
      </p>
    </OrganiserShell>
  );
}
