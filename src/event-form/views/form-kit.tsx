import type { ComponentChildren } from "preact";
import type { PageCtx } from "../../lib/page-context.ts";
import { type FieldClasses, FieldFrame } from "../../views/form/FieldFrame.tsx";
import { Input, Choices as KitChoices, Select as KitSelect, TextArea as KitTextArea } from "../../views/form/inputs.tsx";
import { type FormValues, many, one } from "../event-form-data.ts";

/** What every field needs: the typed values, the errors by field name, the translator, and the fields reviewers marked. */
export type FormState = { ctx: PageCtx; values: FormValues; errors: Record<string, string>; marked?: ReadonlySet<string> };

/** The reviewers' note of a field they asked to revise (markableEventFields), else undefined. */
export const markedNote = (s: FormState, name: string): string | undefined =>
  s.marked?.has(name) ? s.ctx.t("moderation.organiser.fieldMarked") : undefined;

/** Sections marked as a whole (their rows have numbered names): field name → section id. */
export const markedSections: Record<string, string> = { sessions: "dates", links: "links", image: "image" };

/** Where the reviewers' message links a marked field to. */
export const markTargetId = (name: string): string => {
  const section = markedSections[name];
  return section ? `section-${section}` : fieldId(name);
};

/** Translates a key built at run time (the typed t() only takes literal keys). */
export const tr = (ctx: PageCtx, key: string, options?: Record<string, unknown>): string =>
  (ctx.t as unknown as (k: string, o?: Record<string, unknown>) => string)(key, options);

export const fieldId = (name: string) => `f-${name.replace(/\./g, "-")}`;

/** The message of an error code, falling back to a generic one. */
export function errorText(ctx: PageCtx, code: string): string {
  const text = tr(ctx, `eventForm.errors.${code}`);
  return text.startsWith("eventForm.") ? tr(ctx, "eventForm.errors.invalid") : text;
}

type Common = { s: FormState; name: string; label: string; hint?: string; required?: boolean };

/** The event form's own classes (its styles predate the shared kit). */
const fieldClasses: FieldClasses = { field: "field", invalid: "field field-invalid", hint: "field-hint", error: "field-error" };
const choicesClasses: FieldClasses = { ...fieldClasses, field: "choices", invalid: "choices field-invalid" };

/** The field's id, its translated error, and the label with "(required)" for required fields. */
function parts({ s, name, label, hint, required }: Common) {
  const code = s.errors[name];
  const control = {
    id: fieldId(name),
    name,
    hint,
    error: code ? errorText(s.ctx, code) : undefined,
    ariaRequired: required,
    marked: markedNote(s, name),
  };
  return {
    control,
    label: (
      <>
        {label}
        {required && <span class="field-required"> ({s.ctx.t("eventForm.required")})</span>}
      </>
    ),
  };
}

function Wrap({ p, children }: { p: ReturnType<typeof parts>; children: ComponentChildren }) {
  const { id, hint, error, marked } = p.control;
  return (
    <FieldFrame id={id} label={p.label} hint={hint} error={error} marked={marked} classes={fieldClasses}>
      {children}
    </FieldFrame>
  );
}

export function TextField(
  props: Common & { type?: "text" | "date" | "time" | "url" | "email" | "tel"; autocomplete?: string; inputmode?: string; lang?: string },
) {
  const p = parts(props);
  return (
    <Wrap p={p}>
      <Input
        {...p.control}
        type={props.type ?? "text"}
        value={one(props.s.values, props.name)}
        autocomplete={props.autocomplete}
        inputMode={props.inputmode}
        lang={props.lang}
      />
    </Wrap>
  );
}

export function TextArea(props: Common & { rows?: number; lang?: string }) {
  const p = parts(props);
  return (
    <Wrap p={p}>
      <KitTextArea {...p.control} rows={props.rows ?? 4} lang={props.lang} value={one(props.s.values, props.name)} />
    </Wrap>
  );
}

export function Select(props: Common & { options: { value: string; label: string }[] }) {
  const p = parts(props);
  return (
    <Wrap p={p}>
      <KitSelect
        {...p.control}
        value={one(props.s.values, props.name)}
        options={props.options}
        placeholder={props.s.ctx.t("eventForm.fields.choose")}
      />
    </Wrap>
  );
}

/** A group of checkboxes or radio buttons in its own fieldset; the error sits under the legend. */
export function Choices(props: Common & { options: { value: string; label: string }[]; type: "checkbox" | "radio" }) {
  const p = parts(props);
  return (
    <KitChoices
      id={p.control.id}
      idOn="fieldset"
      name={props.name}
      type={props.type}
      legend={p.label}
      hint={p.control.hint}
      error={p.control.error}
      marked={p.control.marked}
      options={props.options}
      chosen={many(props.s.values, props.name)}
      classes={choicesClasses}
    />
  );
}

/** One checkbox that sends "1" when ticked. */
export function Check({ s, name, label }: { s: FormState; name: string; label: string }) {
  return (
    <label class="choice">
      <input type="checkbox" name={name} value="1" checked={one(s.values, name) === "1"} /> {label}
    </label>
  );
}
