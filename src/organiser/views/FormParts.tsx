import type { ComponentChildren } from "preact";
import type { PageCtx } from "../../lib/page-context.ts";
import { CsrfField } from "../../views/CsrfField.tsx";
import { ErrorSummary as KitErrorSummary } from "../../views/form/ErrorSummary.tsx";
import { type FieldClasses, FieldFrame, formFieldClasses } from "../../views/form/FieldFrame.tsx";
import { Choices, Input, TextArea as KitTextArea, Select } from "../../views/form/inputs.tsx";
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
  "slug",
  "slugTaken",
  "dateTime",
  "pdfEmpty",
  "pdfSize",
  "pdfType",
  "stale",
  "number",
  "hashtag",
  "dateOrder",
  "yearTaken",
  "notInEdition",
  "creditRequired",
  "fileRequired",
  "fileType",
  "fileSvg",
  "fileEncrypted",
]);

/** The message of an error key in the reader's language (unknown keys read as "invalid"). */
export function errorText(ctx: PageCtx, key: string): string {
  return ctx.t(`organiser.errors.${(knownErrors.has(key) ? key : "invalid") as ErrorKey}`);
}

/** The list of problems at the top of a refused form, each linking to its field. */
export function ErrorSummary({ ctx, errors, labels }: { ctx: PageCtx; errors: FieldErrors; labels: Record<string, string> }) {
  const entries = Object.entries(errors).map(([field, key]) => ({ field, label: labels[field], message: errorText(ctx, key) }));
  return <KitErrorSummary title={ctx.t("organiser.errorSummary")} entries={entries} />;
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

/** The field's id, its translated error, and the label with "(optional)" unless the field is required. */
function parts({ ctx, name, label, error, required }: Common) {
  const optional = !required && <span class="muted"> {ctx.t("organiser.optional")}</span>;
  return {
    id: `field-${name}`,
    message: error ? errorText(ctx, error) : undefined,
    label: (
      <>
        {label}
        {optional}
      </>
    ),
  };
}

const str = (v: unknown) => (typeof v === "string" ? v : Array.isArray(v) ? v.join("\n") : v == null ? "" : String(v));

/** A labelled text input whose hint and error are tied to it for screen readers. */
export function TextField(
  props: Common & { value: unknown; type?: "text" | "email" | "url" | "tel" | "date"; maxLength?: number; autocomplete?: string },
) {
  const { id, message, label } = parts(props);
  return (
    <FieldFrame id={id} label={label} hint={props.hint} error={message}>
      <Input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        value={str(props.value)}
        maxLength={props.maxLength}
        autocomplete={props.autocomplete}
        required={props.required}
        hint={props.hint}
        error={message}
      />
    </FieldFrame>
  );
}

export function TextArea(props: Common & { value: unknown; rows?: number; maxLength?: number; lang?: string }) {
  const { id, message, label } = parts(props);
  return (
    <FieldFrame id={id} label={label} hint={props.hint} error={message}>
      <KitTextArea
        id={id}
        name={props.name}
        value={str(props.value)}
        rows={props.rows ?? 5}
        maxLength={props.maxLength}
        lang={props.lang}
        required={props.required}
        hint={props.hint}
        error={message}
      />
    </FieldFrame>
  );
}

export function SelectField(props: Common & { value: unknown; options: { value: string; label: string }[]; placeholder?: string }) {
  const { id, message, label } = parts(props);
  return (
    <FieldFrame id={id} label={label} hint={props.hint} error={message}>
      <Select
        id={id}
        name={props.name}
        value={str(props.value)}
        options={props.options}
        placeholder={props.placeholder}
        required={props.required}
        hint={props.hint}
        error={message}
      />
    </FieldFrame>
  );
}

const checkboxGroupClasses: FieldClasses = {
  ...formFieldClasses,
  field: "form-field checkbox-group",
  invalid: "form-field form-field-error checkbox-group",
};

/** Checkboxes in a fieldset; the error links to the first box. */
export function CheckboxGroup(props: Common & { values: readonly string[]; options: { value: string; label: string }[] }) {
  const { id, message, label } = parts(props);
  return (
    <Choices
      id={id}
      idOn="first"
      name={props.name}
      legend={label}
      hint={props.hint}
      error={message}
      options={props.options}
      chosen={props.values}
      classes={checkboxGroupClasses}
    />
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
