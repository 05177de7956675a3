import type { ComponentChildren } from "preact";

/** The classes of a field's wrapper, hint and error message (the event form has its own set). */
export type FieldClasses = { field: string; invalid: string; hint: string; error: string };

export const formFieldClasses: FieldClasses = {
  field: "form-field",
  invalid: "form-field form-field-error",
  hint: "form-hint",
  error: "form-error",
};

/** The ids of the reviewers' mark, the hint and the error message that describe the control `id`. */
export const describedBy = (id: string, hint?: unknown, error?: unknown, marked?: unknown): string | undefined =>
  [marked ? `${id}-marked` : "", hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;

/** aria-invalid and aria-describedby of a control with an optional hint, error and reviewers' mark. */
export const fieldAria = (id: string, hint?: unknown, error?: unknown, marked?: unknown) => ({
  "aria-invalid": error ? ("true" as const) : undefined,
  "aria-describedby": describedBy(id, hint, error, marked),
});

/** The wrapper class of a field, with `field-marked` when reviewers asked for it to be revised. */
export const frameClass = (classes: FieldClasses, error?: unknown, marked?: unknown): string =>
  `${error ? classes.invalid : classes.field}${marked ? " field-marked" : ""}`;

/** The reviewers' mark, hint and error message of a field, with the ids its control points to. */
export function HintAndError({
  id,
  hint,
  error,
  marked,
  classes,
}: {
  id: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** Reviewers asked to revise this field (request changes): the note, already translated. */
  marked?: string | undefined;
  classes: FieldClasses;
}) {
  return (
    <>
      {marked && (
        <p class="field-marked-note" id={`${id}-marked`}>
          {marked}
        </p>
      )}
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
  /** Reviewers asked to revise this field: the note, already translated. */
  marked?: string | undefined;
  classes?: FieldClasses;
  children: ComponentChildren;
};

/** A field: label, hint, error message, then the control (which carries `fieldAria`). */
export function FieldFrame({ id, label, hint, error, marked, classes = formFieldClasses, children }: Props) {
  return (
    <div class={frameClass(classes, error, marked)}>
      <label for={id}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} marked={marked} classes={classes} />
      {children}
    </div>
  );
}
