import type { ComponentChildren } from "preact";
import type { PageCtx, QueryParams } from "../../lib/page-context.ts";
import { ErrorSummary } from "../../views/form/ErrorSummary.tsx";
import { FieldFrame } from "../../views/form/FieldFrame.tsx";
import { Input, type InputType, type Option, Select } from "../../views/form/inputs.tsx";
import type { usersDe } from "../users.i18n.ts";

export type FieldErrors = Record<string, string>;
type ErrorKey = keyof typeof usersDe.errors;

/** The message of an error key in the reader's language (unknown keys read as "invalid"). */
export function usersError(ctx: PageCtx, key: string): string {
  const known: readonly string[] = [
    "required",
    "tooLong",
    "email",
    "emailTaken",
    "choose",
    "chooseState",
    "statesOnlyCoordinators",
    "unknownOrganisation",
    "sameOrganisation",
  ];
  return ctx.t(`users.errors.${(known.includes(key) ? key : "invalid") as ErrorKey}`);
}

export function UsersErrorSummary({ ctx, errors, labels }: { ctx: PageCtx; errors: FieldErrors; labels: Record<string, string> }) {
  const entries = Object.entries(errors).map(([field, key]) => ({ field, label: labels[field], message: usersError(ctx, key) }));
  return <ErrorSummary title={ctx.t("users.errorSummary")} entries={entries} />;
}

/** A labelled input or select of a users-area form (ids `field-<name>`, errors tied to it). */
export function Field(props: {
  ctx: PageCtx;
  name: string;
  label: string;
  value: string;
  error?: string | undefined;
  hint?: string;
  type?: InputType;
  options?: readonly Option[];
  placeholder?: string;
  required?: boolean;
  maxLength?: number;
  autocomplete?: string;
}) {
  const id = `field-${props.name}`;
  const message = props.error ? usersError(props.ctx, props.error) : undefined;
  const common = { id, name: props.name, hint: props.hint, error: message, required: props.required };
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={message}>
      {props.options ? (
        <Select {...common} value={props.value} options={props.options} placeholder={props.placeholder} />
      ) : (
        <Input {...common} type={props.type ?? "text"} value={props.value} maxLength={props.maxLength} autocomplete={props.autocomplete} />
      )}
    </FieldFrame>
  );
}

/** A GET filter form: fields in a row, apply and reset; keeps the language. */
export function FilterForm({ ctx, reset, children }: { ctx: PageCtx; reset: string; children: ComponentChildren }) {
  return (
    <form method="get" action={ctx.path} class="audit-filter" aria-label={ctx.t("users.filters")}>
      {ctx.lang === "en" && <input type="hidden" name="lang" value="en" />}
      {children}
      <button type="submit">{ctx.t("users.apply")}</button> <a href={ctx.href(reset)}>{ctx.t("users.reset")}</a>
    </form>
  );
}

/** Previous / next links of a paged list (nothing for a single page). */
export function Pagination(props: { ctx: PageCtx; path: string; params: QueryParams; page: number; pages: number }) {
  const { ctx, page, pages } = props;
  if (pages <= 1) return null;
  const link = (n: number) => ctx.href(props.path, { ...props.params, page: n > 1 ? n : undefined });
  return (
    <nav class="pagination" aria-label={ctx.t("users.pagination")}>
      {page > 1 ? (
        <a href={link(page - 1)} rel="prev">
          {ctx.t("users.previous")}
        </a>
      ) : (
        <span />
      )}
      <span>{ctx.t("users.page", { page, pages })}</span>
      {page < pages ? (
        <a href={link(page + 1)} rel="next">
          {ctx.t("users.next")}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
