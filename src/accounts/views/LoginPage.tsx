import type { PageCtx } from "../../lib/page-context.ts";
import { Layout } from "../../views/Layout.tsx";
import { ErrorSummary, Field, type FieldErrors, Notice, PostForm } from "./Form.tsx";

export type LoginView = {
  csrf: string;
  values: { email?: string; next?: string };
  errors: FieldErrors;
  /** The password was right but the address is not confirmed yet: offer to resend the link. */
  unverified?: boolean;
  notice: string | null;
};

export function LoginPage({ ctx, view }: { ctx: PageCtx; view: LoginView }) {
  const { t } = ctx;
  const labels = { email: t("accounts.field.email"), password: t("accounts.field.password"), form: "" };
  return (
    <Layout ctx={ctx} meta={{ title: t("accounts.login.title"), noindex: true }}>
      <h1>{t("accounts.login.title")}</h1>
      <Notice ctx={ctx} notice={view.notice} />
      <ErrorSummary ctx={ctx} errors={view.errors} labels={labels} />
      <PostForm action={ctx.href("/anmelden")} csrf={view.csrf}>
        {view.values.next && <input type="hidden" name="next" value={view.values.next} />}
        <Field
          ctx={ctx}
          name="email"
          type="email"
          label={labels.email}
          value={view.values.email}
          error={view.errors.email}
          autocomplete="username"
        />
        <Field
          ctx={ctx}
          name="password"
          type="password"
          label={labels.password}
          error={view.errors.password}
          autocomplete="current-password"
        />
        <button type="submit">{t("accounts.login.submit")}</button>
      </PostForm>
      {view.unverified && (
        <section aria-labelledby="resend-title">
          <h2 id="resend-title">{t("accounts.login.resendTitle")}</h2>
          <PostForm action={ctx.href("/konto/bestaetigen/erneut")} csrf={view.csrf}>
            <input type="hidden" name="email" value={view.values.email} />
            <button type="submit">{t("accounts.login.resendSubmit")}</button>
          </PostForm>
        </section>
      )}
      <p>
        <a href={ctx.href("/passwort-vergessen")}>{t("accounts.login.forgot")}</a>
      </p>
      <p>
        {t("accounts.login.noAccount")} <a href={ctx.href("/registrieren")}>{t("accounts.login.register")}</a>
      </p>
    </Layout>
  );
}
