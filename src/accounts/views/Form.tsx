import type { ComponentChildren } from "preact";
import type { PageCtx } from "../../lib/page-context.ts";
import { assetUrl } from "../../views/assets.ts";
import { CsrfField } from "../../views/CsrfField.tsx";
import { ErrorSummary as KitErrorSummary } from "../../views/form/ErrorSummary.tsx";
import { FieldFrame } from "../../views/form/FieldFrame.tsx";
import { Input } from "../../views/form/inputs.tsx";
import type { accountsDe } from "../accounts.i18n.ts";

export type ErrorKey = keyof typeof accountsDe.error;
export type FieldErrors = Partial<Record<string, ErrorKey>>;

/** The list of problems at the top of a refused form, each linking to its field. */
export function ErrorSummary({
  ctx,
  errors,
  labels,
  targetId,
}: {
  ctx: PageCtx;
  errors: FieldErrors;
  labels: Record<string, string>;
  targetId?: (field: string) => string;
}) {
  const entries = Object.entries(errors).flatMap(([field, key]) =>
    key === undefined ? [] : [{ field, label: labels[field], message: ctx.t(`accounts.error.${key}`) }],
  );
  return (
    <KitErrorSummary title={ctx.t("accounts.error.summary")} entries={entries} targetId={targetId}>
      <script type="module" src={assetUrl("account-forms.js")} />
    </KitErrorSummary>
  );
}

type FieldProps = {
  ctx: PageCtx;
  name: string;
  /** The control's id, `field-<name>` unless one page has two fields of that name. */
  id?: string;
  label: string;
  type?: "text" | "email" | "password";
  value?: string;
  error?: ErrorKey | undefined;
  hint?: string;
  autocomplete?: string;
  maxLength?: number;
};

/** A labelled input with its hint and error message tied to it for screen readers. */
export function Field({ ctx, name, id = `field-${name}`, label, type = "text", value, error, hint, autocomplete, maxLength }: FieldProps) {
  const message = error ? ctx.t(`accounts.error.${error}`) : undefined;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={message}>
      <Input
        id={id}
        name={name}
        type={type}
        value={value}
        hint={hint}
        error={message}
        autocomplete={autocomplete}
        maxLength={maxLength}
        required
      />
    </FieldFrame>
  );
}

/** A POST form with its CSRF field. */
export function PostForm({ action, csrf, children, label }: { action: string; csrf: string; children: ComponentChildren; label?: string }) {
  return (
    <form method="post" action={action} class="account-form" aria-label={label} noValidate>
      <CsrfField token={csrf} />
      {children}
    </form>
  );
}

/** The language choice of an account (mails come in this language). */
export function LanguageField({ ctx, value }: { ctx: PageCtx; value: string }) {
  return (
    <fieldset class="form-field">
      <legend>{ctx.t("accounts.field.language")}</legend>
      {(["de", "en"] as const).map((lang) => (
        <label key={lang} class="choice">
          <input type="radio" name="language" value={lang} checked={value === lang} />{" "}
          {ctx.t(lang === "de" ? "accounts.field.languageDe" : "accounts.field.languageEn")}
        </label>
      ))}
    </fieldset>
  );
}

/** A one-line notice after a redirect (`?notice=…`), for the known keys only. */
export function Notice({ ctx, notice }: { ctx: PageCtx; notice: string | null }) {
  const known = [
    "loggedOut",
    "verified",
    "passwordReset",
    "deleted",
    "resent",
    "saved",
    "passwordChanged",
    "emailChangeSent",
    "emailChanged",
    "tokenRevoked",
  ] as const;
  const key = known.find((k) => k === notice);
  if (!key) return null;
  return (
    <p class="notice" role="status">
      {ctx.t(`accounts.notice.${key}`)}
    </p>
  );
}
