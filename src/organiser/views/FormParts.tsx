import type { ComponentChildren } from "preact";
import type { PageCtx } from "../../lib/page-context.ts";
import { CsrfField } from "../../views/CsrfField.tsx";
import type { organiserDe } from "../organiser.i18n.ts";

export type ErrorKey = keyof typeof organiserDe.errors;
export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, unknown>;

const knownErrors = new Set<string>([
  "required",
  "tooLong",
  "tooMany",
  "email",
  "url",
  "choose",
  "day",
  "chooseDay",
  "outsideFair",
  "alreadyMember",
  "emailMismatch",
  "invalid",
  "lastOwner",
  "tooManyRequests",
  "tooManyInvitations",
  "notActive",
  "imageEmpty",
  "imageSize",
  "imageType",
  "imagePixels",
  "imageBroken",
]);

/** The message of an error key in the reader's language (unknown keys read as "invalid"). */
export function errorText(ctx: PageCtx, key: string): string {
  return ctx.t(`organiser.errors.${(knownErrors.has(key) ? key : "invalid") as ErrorKey}`);
}

/** The list of problems at the top of a refused form, each linking to its field. */
export function ErrorSummary({ ctx, errors, labels }: { ctx: PageCtx; errors: FieldErrors; labels: Record<string, string> }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="notice notice-error error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{ctx.t("organiser.errorSummary")}</h2>
      <ul>
        {entries.map(([field, key]) => (
          <li key={field}>
            <a href={`#field-${field}`}>
              {labels[field] ? `${labels[field]}: ` : ""}
              {errorText(ctx, key)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A one-line success notice after a redirect. */
export function Notice({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <p class="notice" role="status">
      {text}
    </p>
  );
}

type Common = { ctx: PageCtx; name: string; label: string; error?: string | undefined; hint?: string; required?: boolean };

const describedBy = (id: string, hint?: string, error?: string) =>
  [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;

function Frame({ ctx, name, label, error, hint, required, children }: Common & { children: ComponentChildren }) {
  const id = `field-${name}`;
  return (
    <div class={error ? "form-field form-field-error" : "form-field"}>
      <label for={id}>
        {label}
        {!required && <span class="muted"> {ctx.t("organiser.optional")}</span>}
      </label>
      {hint && (
        <p class="form-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="form-error" id={`${id}-error`}>
          {errorText(ctx, error)}
        </p>
      )}
      {children}
    </div>
  );
}

const str = (v: unknown) => (typeof v === "string" ? v : Array.isArray(v) ? v.join("\n") : v == null ? "" : String(v));

/** A labelled text input whose hint and error are tied to it for screen readers. */
export function TextField(
  props: Common & { value: unknown; type?: "text" | "email" | "url" | "tel"; maxLength?: number; autocomplete?: string },
) {
  const id = `field-${props.name}`;
  const common = {
    id,
    name: props.name,
    value: str(props.value),
    maxLength: props.maxLength,
    autocomplete: props.autocomplete,
    required: props.required,
    "aria-invalid": props.error ? ("true" as const) : undefined,
    "aria-describedby": describedBy(id, props.hint, props.error),
  };
  const type = props.type ?? "text";
  return (
    <Frame {...props}>
      {type === "email" ? (
        <input type="email" {...common} />
      ) : type === "url" ? (
        <input type="url" {...common} />
      ) : type === "tel" ? (
        <input type="tel" {...common} />
      ) : (
        <input type="text" {...common} />
      )}
    </Frame>
  );
}

export function TextArea(props: Common & { value: unknown; rows?: number; maxLength?: number; lang?: string }) {
  const id = `field-${props.name}`;
  return (
    <Frame {...props}>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 5}
        maxLength={props.maxLength}
        lang={props.lang}
        required={props.required}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      >
        {str(props.value)}
      </textarea>
    </Frame>
  );
}

export function SelectField(props: Common & { value: unknown; options: { value: string; label: string }[]; placeholder?: string }) {
  const id = `field-${props.name}`;
  const value = str(props.value);
  return (
    <Frame {...props}>
      <select
        id={id}
        name={props.name}
        required={props.required}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

/** Checkboxes in a fieldset; the error links to the first box. */
export function CheckboxGroup(props: Common & { values: readonly string[]; options: { value: string; label: string }[] }) {
  const id = `field-${props.name}`;
  return (
    <fieldset
      class={props.error ? "form-field form-field-error checkbox-group" : "form-field checkbox-group"}
      aria-describedby={describedBy(id, props.hint, props.error)}
    >
      <legend>
        {props.label}
        {!props.required && <span class="muted"> {props.ctx.t("organiser.optional")}</span>}
      </legend>
      {props.hint && (
        <p class="form-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="form-error" id={`${id}-error`}>
          {errorText(props.ctx, props.error)}
        </p>
      )}
      {props.options.map((o, i) => (
        <label key={o.value} class="choice">
          <input type="checkbox" id={i === 0 ? id : undefined} name={props.name} value={o.value} checked={props.values.includes(o.value)} />{" "}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/** A POST form with its CSRF field; forms validate on the server (noValidate keeps messages consistent). */
export function PostForm(props: {
  action: string;
  csrf: string;
  children: ComponentChildren;
  label?: string;
  class?: string;
  enctype?: string;
}) {
  return (
    <form
      method="post"
      action={props.action}
      class={props.class ?? "organiser-form"}
      aria-label={props.label}
      noValidate
      enctype={props.enctype}
    >
      <CsrfField token={props.csrf} />
      {props.children}
    </form>
  );
}

/** A one-button POST form (remove, revoke, delete). */
export function ButtonForm({
  action,
  csrf,
  label,
  accessibleLabel,
}: {
  action: string;
  csrf: string;
  label: string;
  accessibleLabel?: string;
}) {
  return (
    <form method="post" action={action} class="inline-form">
      <CsrfField token={csrf} />
      <button type="submit" class="button-secondary" aria-label={accessibleLabel}>
        {label}
      </button>
    </form>
  );
}

/** Values of a list field as submitted (one value or several). */
export const listOf = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === "string" && v !== "" ? [v] : []);
