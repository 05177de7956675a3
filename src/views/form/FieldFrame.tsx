import type { ComponentChildren } from "preact";

/** The classes of a field's wrapper, hint and error message (the event form has its own set). */
export type FieldClasses = { field: string; invalid: string; hint: string; error: string };

export const formFieldClasses: FieldClasses = {
  field: "form-field",
  invalid: "form-field form-field-error",
  hint: "form-hint",
  error: "form-error",
};

/** The ids of the hint and the error message that describe the control `id`. */
export const describedBy = (id: string, hint?: unknown, error?: unknown): string | undefined =>
  [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;

/** aria-invalid and aria-describedby of a control with an optional hint and error. */
export const fieldAria = (id: string, hint?: unknown, error?: unknown) => ({
  "aria-invalid": error ? ("true" as const) : undefined,
  "aria-describedby": describedBy(id, hint, error),
});

/** Hint and error message of a field, with the ids its control points to. */
export function HintAndError({
  id,
  hint,
  error,
  classes,
}: {
  id: string;
  hint?: string | undefined;
  error?: string | undefined;
  classes: FieldClasses;
}) {
  return (
    <>
      {hint && (
        <p class={classes.hint} id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class={classes.error} id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

type Props = {
  /** The id of the control inside (the label points to it). */
  id: string;
  label: ComponentChildren;
  hint?: string | undefined;
  /** The error message, already translated. */
  error?: string | undefined;
  classes?: FieldClasses;
  children: ComponentChildren;
};

/** A field: label, hint, error message, then the control (which carries `fieldAria`). */
export function FieldFrame({ id, label, hint, error, classes = formFieldClasses, children }: Props) {
  return (
    <div class={error ? classes.invalid : classes.field}>
      <label for={id}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} classes={classes} />
      {children}
    </div>
  );
}
