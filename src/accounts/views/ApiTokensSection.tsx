import { formatDay, formatTime } from "../../lib/format-date.ts";
import type { PageCtx } from "../../lib/page-context.ts";
import { FieldFrame } from "../../views/form/FieldFrame.tsx";
import { Input } from "../../views/form/inputs.tsx";
import { Field, type FieldErrors, PostForm } from "./Form.tsx";

export type ApiTokenRow = { id: number; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date | null };

export type ApiTokensView = {
  tokens: ApiTokenRow[];
  /** A token just created: its secret, shown this once. */
  created?: { name: string; token: string } | undefined;
};

/** /konto: the personal API tokens (name, created, last used, expiry), a form to create one and to revoke each. */
export function ApiTokensSection({
  ctx,
  csrf,
  view,
  errors,
  values,
}: {
  ctx: PageCtx;
  csrf: string;
  view: ApiTokensView;
  errors: FieldErrors;
  values: Record<string, string>;
}) {
  const { t, lang } = ctx;
  const when = (d: Date | null, none: string) => (d ? `${formatDay(lang, d)}, ${formatTime(lang, d)}` : none);
  // Stored as the instant the token stops working (midnight after its last day): show that last day.
  const lastDay = (d: Date | null) => (d ? formatDay(lang, new Date(d.getTime() - 1)) : t("accounts.apiTokens.unlimited"));
  const expiryError = errors.expiresOn ? t(`accounts.error.${errors.expiresOn}`) : undefined;
  return (
    <section aria-labelledby="api-tokens-title">
      <h2 id="api-tokens-title">{t("accounts.apiTokens.title")}</h2>
      <p>{t("accounts.apiTokens.intro")}</p>
      {view.created && (
        <div class="notice" role="status">
          <h3>{t("accounts.apiTokens.createdTitle", { name: view.created.name })}</h3>
          <p>{t("accounts.apiTokens.createdText")}</p>
          <p>
            <code class="api-token-secret" data-token>
              {view.created.token}
            </code>
          </p>
        </div>
      )}
      {view.tokens.length === 0 ? (
        <p>{t("accounts.apiTokens.none")}</p>
      ) : (
        <div class="table-scroll">
          <table class="members-table">
            <caption class="visually-hidden">{t("accounts.apiTokens.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("accounts.apiTokens.name")}</th>
                <th scope="col">{t("accounts.apiTokens.prefix")}</th>
                <th scope="col">{t("accounts.apiTokens.created")}</th>
                <th scope="col">{t("accounts.apiTokens.lastUsed")}</th>
                <th scope="col">{t("accounts.apiTokens.expires")}</th>
                <th scope="col">{t("accounts.apiTokens.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {view.tokens.map((token) => (
                <tr key={token.id}>
                  <th scope="row">{token.name}</th>
                  <td>
                    <code>{token.prefix}…</code>
                  </td>
                  <td>{when(token.createdAt, "")}</td>
                  <td>{when(token.lastUsedAt, t("accounts.apiTokens.never"))}</td>
                  <td>{lastDay(token.expiresAt)}</td>
                  <td>
                    <PostForm
                      action={ctx.href(`/konto/tokens/${token.id}/widerrufen`)}
                      csrf={csrf}
                      label={t("accounts.apiTokens.revokeLabel", { name: token.name })}
                    >
                      <button type="submit" class="button-secondary" aria-label={t("accounts.apiTokens.revokeLabel", { name: token.name })}>
                        {t("accounts.apiTokens.revoke")}
                      </button>
                    </PostForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PostForm action={ctx.href("/konto/tokens")} csrf={csrf}>
        <Field
          ctx={ctx}
          name="tokenName"
          label={t("accounts.apiTokens.name")}
          hint={t("accounts.apiTokens.nameHint")}
          value={values.tokenName ?? ""}
          error={errors.tokenName}
          maxLength={100}
        />
        <FieldFrame
          id="field-expiresOn"
          label={t("accounts.apiTokens.expiresOn")}
          hint={t("accounts.apiTokens.expiresOnHint")}
          error={expiryError}
        >
          <Input
            id="field-expiresOn"
            name="expiresOn"
            type="date"
            value={values.expiresOn ?? ""}
            hint={t("accounts.apiTokens.expiresOnHint")}
            error={expiryError}
          />
        </FieldFrame>
        <button type="submit">{t("accounts.apiTokens.create")}</button>
      </PostForm>
    </section>
  );
}
