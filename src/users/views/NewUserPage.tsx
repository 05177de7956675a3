import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import { PostForm } from "../../organiser/views/FormParts.tsx";
import { OrganiserShell } from "../../organiser/views/OrganiserShell.tsx";
import { formFieldClasses } from "../../views/form/FieldFrame.tsx";
import { Choices, type Option } from "../../views/form/inputs.tsx";
import { roles } from "../users.schemas.ts";
import { isPrivilegedRole } from "../users-access.ts";
import { usersPath } from "./UsersPage.tsx";
import { Field, type FieldErrors, UsersErrorSummary, usersError } from "./users-kit.tsx";

export type NewUserView = { states: Option[]; csrf: string; values: Record<string, unknown>; errors: FieldErrors };

const str = (v: unknown) => (typeof v === "string" ? v : "");
const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : typeof v === "string" && v ? [v] : []);

/** /mein-bereich/nutzer/neu: an account for someone; editors offer organiser and coordinator, admins every role. */
export function NewUserPage({ base, view }: { base: PageBase; view: NewUserView }) {
  const { ctx, actor, orgs, org } = base;
  const { t } = ctx;
  const labels = {
    name: t("users.name"),
    email: t("users.email"),
    role: t("users.role"),
    language: t("users.create.language"),
    stateCodes: t("users.states"),
  };
  const roleOptions = roles
    .filter((r) => actor.role === "admin" || !isPrivilegedRole(r))
    .map((r) => ({ value: r, label: t(`users.roles.${r}`) }));
  const v = view.values;
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={t("users.create.title")} orgs={orgs} org={org}>
      <p>
        <a href={ctx.href(usersPath)}>{t("users.title")}</a>
      </p>
      <p>{t("users.create.intro")}</p>
      <UsersErrorSummary ctx={ctx} errors={view.errors} labels={labels} />
      <PostForm action={ctx.href(`${usersPath}/neu`)} csrf={view.csrf} label={t("users.create.title")}>
        <Field ctx={ctx} name="name" label={labels.name} value={str(v.name)} error={view.errors.name} required maxLength={200} />
        <Field ctx={ctx} name="email" type="email" label={labels.email} value={str(v.email)} error={view.errors.email} required />
        <Field
          ctx={ctx}
          name="role"
          label={labels.role}
          value={str(v.role) || "organiser"}
          error={view.errors.role}
          options={roleOptions}
        />
        <Field
          ctx={ctx}
          name="language"
          label={labels.language}
          value={str(v.language) || "de"}
          error={view.errors.language}
          options={[
            { value: "de", label: "Deutsch" },
            { value: "en", label: "English" },
          ]}
        />
        <Choices
          id="field-stateCodes"
          idOn="first"
          name="stateCodes"
          legend={labels.stateCodes}
          hint={t("users.user.roleHint")}
          error={view.errors.stateCodes ? usersError(ctx, view.errors.stateCodes) : undefined}
          options={view.states}
          chosen={list(v.stateCodes)}
          classes={{ ...formFieldClasses, field: "form-field checkbox-group", invalid: "form-field form-field-error checkbox-group" }}
        />
        <button type="submit">{t("users.create.submit")}</button>
      </PostForm>
    </OrganiserShell>
  );
}
