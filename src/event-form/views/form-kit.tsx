import type { ComponentChildren } from "preact";
import type { PageCtx } from "../../lib/page-context.ts";
import { type FormValues, many, one } from "../event-form-data.ts";

/** What every field needs: the typed values, the errors by field name, and the translator. */
export type FormState = { ctx: PageCtx; values: FormValues; errors: Record<string, string> };

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

/** aria attributes tying an input to its hint and error. */
function described(s: FormState, name: string, hint: string | undefined) {
  const id = fieldId(name);
  const error = s.errors[name];
  const ids = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  return { id, error, aria: { "aria-invalid": error ? ("true" as const) : undefined, "aria-describedby": ids || undefined } };
}

function Wrap({ s, name, label, hint, required, children }: Common & { children: ComponentChildren }) {
  const { id, error } = described(s, name, hint);
  return (
    <div class={error ? "field field-invalid" : "field"}>
      <label for={id}>
        {label}
        {required && <span class="field-required"> ({s.ctx.t("eventForm.required")})</span>}
      </label>
      {hint && (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {errorText(s.ctx, error)}
        </p>
      )}
      {children}
    </div>
  );
}

export function TextField(
  props: Common & { type?: "text" | "date" | "time" | "url" | "email" | "tel"; autocomplete?: string; inputmode?: string; lang?: string },
) {
  const { id, aria } = described(props.s, props.name, props.hint);
  return (
    <Wrap {...props}>
      <input
        id={id}
        name={props.name}
        // Preact types each input type separately; this component takes a union of them.
        {...({ type: props.type ?? "text" } as { type: "text" })}
        value={one(props.s.values, props.name)}
        autocomplete={props.autocomplete}
        inputMode={props.inputmode as "text" | undefined}
        lang={props.lang}
        aria-required={props.required ? "true" : undefined}
        {...aria}
      />
    </Wrap>
  );
}

export function TextArea(props: Common & { rows?: number; lang?: string }) {
  const { id, aria } = described(props.s, props.name, props.hint);
  return (
    <Wrap {...props}>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        lang={props.lang}
        aria-required={props.required ? "true" : undefined}
        {...aria}
      >
        {one(props.s.values, props.name)}
      </textarea>
    </Wrap>
  );
}

export function Select(props: Common & { options: { value: string; label: string }[] }) {
  const { id, aria } = described(props.s, props.name, props.hint);
  const current = one(props.s.values, props.name);
  return (
    <Wrap {...props}>
      <select id={id} name={props.name} aria-required={props.required ? "true" : undefined} {...aria}>
        <option value="">{props.s.ctx.t("eventForm.fields.choose")}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrap>
  );
}

/** A group of checkboxes or radio buttons in its own fieldset; the error sits under the legend. */
export function Choices(props: Common & { options: { value: string; label: string }[]; type: "checkbox" | "radio" }) {
  const { id, error } = described(props.s, props.name, props.hint);
  const chosen = many(props.s.values, props.name);
  return (
    <fieldset
      class={error ? "choices field-invalid" : "choices"}
      id={id}
      tabIndex={-1}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>
        {props.label}
        {props.required && <span class="field-required"> ({props.s.ctx.t("eventForm.required")})</span>}
      </legend>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {errorText(props.s.ctx, error)}
        </p>
      )}
      {props.options.map((o) => (
        <label key={o.value} class="choice">
          <input type={props.type} name={props.name} value={o.value} checked={chosen.includes(o.value)} /> {o.label}
        </label>
      ))}
    </fieldset>
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
