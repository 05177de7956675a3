import type { Actor } from "../../lib/actor.ts";
import type { PageCtx } from "../../lib/page-context.ts";
import { Layout } from "../../views/Layout.tsx";
import { ApiTokensSection, type ApiTokensView } from "./ApiTokensSection.tsx";
import { ErrorSummary, Field, type FieldErrors, LanguageField, Notice, PostForm } from "./Form.tsx";

export type SettingsForm = "profile" | "password" | "email" | "apiToken";

export type SettingsView = {
  actor: Actor;
  csrf: string;
  notice: string | null;
  apiTokens: ApiTokensView;
  /** The form that was refused, with its problems and what was typed. */
  refused?: { form: SettingsForm; errors: FieldErrors; values: Record<string, string> };
  /** Coordinators and editors: whether they get the daily review digest; null hides the setting. */
  reviewDigest: boolean | null;
  /** Members of an organisation: the report reminders (reports/report-reminders.ts); null for others. */
  reportReminders: boolean | null;
};

/** Ids of the controls: the password and e-mail forms both ask for the current password. */
const fieldId = (form: SettingsForm, field: string) =>
  form === "email" && field === "currentPassword" ? "field-email-currentPassword" : `field-${field}`;

/** /konto: name and language, password, e-mail address, API tokens, own data, logout. */
export function SettingsPage({ ctx, view }: { ctx: PageCtx; view: SettingsView }) {
  const { t } = ctx;
  const { actor, csrf, refused } = view;
  const errorsOf = (form: SettingsForm) => (refused?.form === form ? refused.errors : {});
  const typed = (form: SettingsForm, name: string, fallback: string) => (refused?.form === form ? (refused.values[name] ?? "") : fallback);
  const labels = {
    name: t("accounts.field.name"),
    language: t("accounts.field.language"),
    currentPassword: t("accounts.field.currentPassword"),
    newPassword: t("accounts.field.newPassword"),
    newEmail: t("accounts.field.newEmail"),
    tokenName: t("accounts.apiTokens.name"),
    expiresOn: t("accounts.apiTokens.expiresOn"),
  };
  return (
    <Layout ctx={ctx} meta={{ title: t("accounts.settings.title"), noindex: true }}>
      <h1>{t("accounts.settings.title")}</h1>
      <p>{t("accounts.settings.loggedInAs", { email: actor.email })}</p>
      <Notice ctx={ctx} notice={view.notice} />
      {refused && <ErrorSummary ctx={ctx} errors={refused.errors} labels={labels} targetId={(field) => fieldId(refused.form, field)} />}
      <p>
        <a href={ctx.href("/mein-bereich")}>{t("accounts.settings.myArea")}</a>
      </p>

      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{t("accounts.settings.profile")}</h2>
        <PostForm action={ctx.href("/konto/profil")} csrf={csrf}>
          <Field
            ctx={ctx}
            name="name"
            label={labels.name}
            value={typed("profile", "name", actor.name)}
            error={errorsOf("profile").name}
            autocomplete="name"
          />
          <LanguageField ctx={ctx} value={typed("profile", "language", actor.language)} />
          <button type="submit">{t("accounts.settings.saveProfile")}</button>
        </PostForm>
      </section>

      <section aria-labelledby="password-title">
        <h2 id="password-title">{t("accounts.settings.password")}</h2>
        <PostForm action={ctx.href("/konto/passwort")} csrf={csrf}>
          <Field
            ctx={ctx}
            name="currentPassword"
            type="password"
            label={labels.currentPassword}
            error={errorsOf("password").currentPassword}
            autocomplete="current-password"
          />
          <Field
            ctx={ctx}
            name="newPassword"
            type="password"
            label={labels.newPassword}
            hint={t("accounts.field.passwordHint")}
            error={errorsOf("password").newPassword}
            autocomplete="new-password"
          />
          <button type="submit">{t("accounts.settings.savePassword")}</button>
        </PostForm>
      </section>

      <section aria-labelledby="email-title">
        <h2 id="email-title">{t("accounts.settings.email")}</h2>
        <PostForm action={ctx.href("/konto/email")} csrf={csrf}>
          <Field
            ctx={ctx}
            name="newEmail"
            type="email"
            label={labels.newEmail}
            value={typed("email", "newEmail", "")}
            error={errorsOf("email").newEmail}
            autocomplete="email"
          />
          <Field
            ctx={ctx}
            name="currentPassword"
            id={fieldId("email", "currentPassword")}
            type="password"
            label={labels.currentPassword}
            error={errorsOf("email").currentPassword}
            autocomplete="current-password"
          />
          <button type="submit">{t("accounts.settings.saveEmail")}</button>
        </PostForm>
      </section>

      {view.reviewDigest !== null && (
        <section aria-labelledby="digest-title">
          <h2 id="digest-title">{t("coordination.digestSetting.title")}</h2>
          <PostForm action={ctx.href("/konto/uebersicht")} csrf={csrf}>
            <div class="form-field checkbox">
              <input type="checkbox" id="field-reviewDigest" name="reviewDigest" value="1" checked={view.reviewDigest} />{" "}
              <label for="field-reviewDigest">{t("coordination.digestSetting.label")}</label>
            </div>
            <button type="submit">{t("coordination.digestSetting.save")}</button>
          </PostForm>
        </section>
      )}

      {view.reportReminders !== null && (
        <section aria-labelledby="report-reminders-title">
          <h2 id="report-reminders-title">{t("reports.optOut.legend")}</h2>
          <PostForm action={ctx.href("/konto/berichte")} csrf={csrf}>
            <div class="form-field checkbox">
              <input type="checkbox" id="field-reportReminders" name="reportReminders" value="1" checked={view.reportReminders} />{" "}
              <label for="field-reportReminders">{t("reports.optOut.label")}</label>
            </div>
            <button type="submit">{t("reports.optOut.save")}</button>
          </PostForm>
        </section>
      )}

      <ApiTokensSection
        ctx={ctx}
        csrf={csrf}
        view={view.apiTokens}
        errors={errorsOf("apiToken")}
        values={refused?.form === "apiToken" ? refused.values : {}}
      />

      <section aria-labelledby="data-title">
        <h2 id="data-title">{t("accounts.settings.data")}</h2>
        <ul>
          <li>
            <a href={ctx.href("/konto/daten")} download>
              {t("accounts.settings.download")}
            </a>
          </li>
          <li>
            <a href={ctx.href("/konto/loeschen")}>{t("accounts.settings.deleteLink")}</a>
          </li>
        </ul>
      </section>

      <PostForm action={ctx.href("/abmelden")} csrf={csrf}>
        <button type="submit" class="button-secondary">
          {t("accounts.settings.logout")}
        </button>
      </PostForm>
    </Layout>
  );
}
