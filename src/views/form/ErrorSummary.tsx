import type { ComponentChildren } from "preact";

/** One problem of a refused form, already translated; `field` names the field the entry links to. */
export type SummaryEntry = { field: string; label?: string; message: string };

type Props = {
  /** The heading above the list, already translated. */
  title: string;
  entries: readonly SummaryEntry[];
  /** The id of a field's control (the link target); `field-<name>` unless a form names its fields otherwise. */
  targetId?: (field: string) => string;
  class?: string;
  id?: string;
  autofocus?: boolean;
  /** After the list, e.g. the script that moves the focus here. */
  children?: ComponentChildren;
};

/** The list of problems at the top of a refused form, each linking to its field; nothing when there are none. */
export function ErrorSummary({ title, entries, targetId = (f) => `field-${f}`, children, ...props }: Props) {
  if (entries.length === 0) return null;
  return (
    <div
      class={props.class ?? "notice notice-error error-summary"}
      id={props.id}
      role="alert"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
      autofocus={props.autofocus}
    >
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {entries.map((e) => (
          <li key={e.field}>
            <a href={`#${targetId(e.field)}`}>
              {e.label ? `${e.label}: ` : ""}
              {e.message}
            </a>
          </li>
        ))}
      </ul>
      {children}
    </div>
  );
}
