import type { PageCtx } from "../../lib/page-context.ts";
import { Layout } from "../../views/Layout.tsx";
import { ErrorSummary, Field, type FieldErrors, LanguageField, PostForm } from "./Form.tsx";

export type FormView = { csrf: string; values: Record<string, string | undefined>; errors: FieldErrors };

/** /registrieren: name, e-mail, password, mail language. */
export function RegisterPage({ ctx, view }: { ctx: PageCtx; view: FormView }) {
  const { t } = ctx;
  const labels = {
    name: t("accounts.field.name"),
    email: t("accounts.field.email"),
    password: t("accounts.field.password"),
    language: t("accounts.field.language"),
  };
  return (
    <Layout ctx={ctx} meta={{ title: t("accounts.register.title"), noindex: true }}>
      <h1>{t("accounts.register.title")}</h1>
      <p>{t("accounts.register.intro")}</p>
      <ErrorSummary ctx={ctx} errors={view.errors} labels={labels} />
      <PostForm action={ctx.href("/registrieren")} csrf={view.csrf}>
        <Field ctx={ctx} name="name" label={labels.name} value={view.values.name} error={view.errors.name} autocomplete="name" />
        <Field
          ctx={ctx}
          name="email"
          type="email"
          label={labels.email}
          value={view.values.email}
          error={view.errors.email}
          autocomplete="email"
        />
        <Field
          ctx={ctx}
          name="password"
          type="password"
          label={labels.password}
          hint={t("accounts.field.passwordHint")}
          error={view.errors.password}
          autocomplete="new-password"
        />
        <LanguageField ctx={ctx} value={view.values.language ?? ctx.lang} />
        <button type="submit">{t("accounts.register.submit")}</button>
      </PostForm>
      <p>
        {t("accounts.register.haveAccount")} <a href={ctx.href("/anmelden")}>{t("accounts.login.title")}</a>
      </p>
    </Layout>
  );
}

/** A heading and a paragraph after a form was accepted ("check your mail"). */
export function DonePage({ ctx, title, text }: { ctx: PageCtx; title: string; text: string }) {
  return (
    <Layout ctx={ctx} meta={{ title, noindex: true }}>
      <h1>{title}</h1>
      <p role="status">{text}</p>
      <p>
        <a href={ctx.href("/anmelden")}>{ctx.t("accounts.login.title")}</a>
      </p>
    </Layout>
  );
}

/** /passwort-vergessen: the address to send a reset link to. */
export function ForgotPage({ ctx, view }: { ctx: PageCtx; view: FormView }) {
  const { t } = ctx;
  const labels = { email: t("accounts.field.email") };
  return (
    <Layout ctx={ctx} meta={{ title: t("accounts.forgot.title"), noindex: true }}>
      <h1>{t("accounts.forgot.title")}</h1>
      <p>{t("accounts.forgot.intro")}</p>
      <ErrorSummary ctx={ctx} errors={view.errors} labels={labels} />
      <PostForm action={ctx.href("/passwort-vergessen")} csrf={view.csrf}>
        <Field
          ctx={ctx}
          name="email"
          type="email"
          label={labels.email}
          value={view.values.email}
          error={view.errors.email}
          autocomplete="email"
        />
        <button type="submit">{t("accounts.forgot.submit")}</button>
      </PostForm>
    </Layout>
  );
}

/** /passwort-neu: the new password, with the token from the link carried along. */
export function ResetPage({ ctx, view }: { ctx: PageCtx; view: FormView }) {
  const { t } = ctx;
  const labels = { password: t("accounts.field.newPassword") };
  return (
    <Layout ctx={ctx} meta={{ title: t("accounts.reset.title"), noindex: true }}>
      <h1>{t("accounts.reset.title")}</h1>
      <ErrorSummary ctx={ctx} errors={view.errors} labels={labels} />
      <PostForm action={ctx.href("/passwort-neu")} csrf={view.csrf}>
        <input type="hidden" name="token" value={view.values.token} />
        <Field
          ctx={ctx}
          name="password"
          type="password"
          label={labels.password}
          hint={t("accounts.field.passwordHint")}
          error={view.errors.password}
          autocomplete="new-password"
        />
        <button type="submit">{t("accounts.reset.submit")}</button>
      </PostForm>
    </Layout>
  );
}

/** /konto/loeschen: confirm with the password. */
export function DeletePage({ ctx, view }: { ctx: PageCtx; view: FormView }) {
  const { t } = ctx;
  const labels = { currentPassword: t("accounts.field.currentPassword") };
  return (
    <Layout ctx={ctx} meta={{ title: t("accounts.delete.title"), noindex: true }}>
      <h1>{t("accounts.delete.title")}</h1>
      {view.values.email && <p>{t("accounts.settings.loggedInAs", { email: view.values.email })}</p>}
      <p>{t("accounts.delete.intro")}</p>
      <ErrorSummary ctx={ctx} errors={view.errors} labels={labels} />
      <PostForm action={ctx.href("/konto/loeschen")} csrf={view.csrf}>
        <Field
          ctx={ctx}
          name="currentPassword"
          type="password"
          label={labels.currentPassword}
          error={view.errors.currentPassword}
          autocomplete="current-password"
        />
        <button type="submit" class="button-danger">
          {t("accounts.delete.submit")}
        </button>
      </PostForm>
      <p>
        <a href={ctx.href("/konto")}>{t("accounts.settings.title")}</a>
      </p>
    </Layout>
  );
}
