import { type FieldClasses, fieldAria, frameClass, HintAndError } from "./FieldFrame.tsx";

/** What every control has: its id and name, its hint and (translated) error for aria, and how "required" is said. */
type Control = {
  id: string;
  name: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** The HTML `required` attribute (the forms still validate on the server: they are noValidate). */
  required?: boolean | undefined;
  /** `aria-required` instead, for forms that keep the browser's own checks out entirely. */
  ariaRequired?: boolean | undefined;
  lang?: string | undefined;
  /** The reviewers' note on this field (request changes), already translated. */
  marked?: string | undefined;
};

const common = ({ id, name, hint, error, required, ariaRequired, lang, marked }: Control) => ({
  id,
  name,
  lang,
  required,
  "aria-required": ariaRequired ? ("true" as const) : undefined,
  ...fieldAria(id, hint, error, marked),
});

export type InputType = "text" | "email" | "password" | "url" | "tel" | "date" | "time";

/** A one-line input; a password input never echoes its value. */
export function Input(
  props: Control & {
    type?: InputType;
    value?: string | undefined;
    autocomplete?: string | undefined;
    maxLength?: number | undefined;
    inputMode?: string | undefined;
  },
) {
  const type = props.type ?? "text";
  return (
    <input
      // Preact types each input type separately; this component takes a union of them.
      {...({ type } as { type: "text" })}
      {...common(props)}
      value={type === "password" ? undefined : props.value}
      autocomplete={props.autocomplete}
      maxLength={props.maxLength}
      inputMode={props.inputMode as "text" | undefined}
    />
  );
}

export function TextArea(props: Control & { value: string; rows: number; maxLength?: number | undefined }) {
  return (
    <textarea {...common(props)} rows={props.rows} maxLength={props.maxLength}>
      {props.value}
    </textarea>
  );
}

export type Option = { value: string; label: string };

/**
 * A select; `placeholder` adds a first empty option.
 * Without one the select always has a value, so HTML forbids `required` there: it says `aria-required`.
 */
export function Select(props: Control & { value: string; options: readonly Option[]; placeholder?: string | undefined }) {
  const hasPlaceholder = props.placeholder !== undefined;
  const required = hasPlaceholder ? props.required : undefined;
  const ariaRequired = props.ariaRequired || (!hasPlaceholder && props.required);
  return (
    <select {...common({ ...props, required, ariaRequired })}>
      {hasPlaceholder && (
        <option value="" selected={props.value === ""}>
          {props.placeholder}
        </option>
      )}
      {props.options.map((o) => (
        <option key={o.value} value={o.value} selected={o.value === props.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

type ChoicesProps = {
  /** The field's id: on the fieldset (`idOn: "fieldset"`, then focusable) or on the first box (`"first"`). */
  id: string;
  idOn: "fieldset" | "first";
  name: string;
  type?: "checkbox" | "radio";
  legend: preact.ComponentChildren;
  hint?: string | undefined;
  error?: string | undefined;
  marked?: string | undefined;
  options: readonly Option[];
  chosen: readonly string[];
  /** `field`/`invalid` are the fieldset's classes; `hint`/`error` those of the messages. */
  classes: FieldClasses;
};

/** Checkboxes (or radio buttons) in a fieldset with legend, hint and error message. */
export function Choices(props: ChoicesProps) {
  const { id, error, hint, marked } = props;
  return (
    <fieldset
      class={frameClass(props.classes, error, marked)}
      id={props.idOn === "fieldset" ? id : undefined}
      tabIndex={props.idOn === "fieldset" ? -1 : undefined}
      aria-describedby={fieldAria(id, hint, error, marked)["aria-describedby"]}
    >
      <legend>{props.legend}</legend>
      <HintAndError id={id} hint={hint} error={error} marked={marked} classes={props.classes} />
      {props.options.map((o, i) => (
        <label key={o.value} class="choice">
          <input
            type={props.type ?? "checkbox"}
            id={props.idOn === "first" && i === 0 ? id : undefined}
            name={props.name}
            value={o.value}
            checked={props.chosen.includes(o.value)}
          />{" "}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
