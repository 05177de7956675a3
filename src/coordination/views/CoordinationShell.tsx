import type { ComponentChildren } from "preact";
import type { PageCtx } from "../../lib/page-context.ts";
import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import { OrganiserShell } from "../../organiser/views/OrganiserShell.tsx";
import { ErrorSummary } from "../../views/form/ErrorSummary.tsx";
import { FieldFrame } from "../../views/form/FieldFrame.tsx";
import { Input, TextArea } from "../../views/form/inputs.tsx";
import { MAX_FEATURED } from "../coordination.schemas.ts";
import type { CoordinatedState } from "../coordination-access.ts";
import { MAX_INVITATIONS_PER_DAY } from "../invite-organisation.ts";

export const landName = (ctx: PageCtx, land: CoordinatedState) => (ctx.lang === "en" ? land.nameEn : land.nameDe);

/** The organiser area's frame with the tools of one Land as a second navigation. */
export function CoordinationShell({
  base,
  land,
  title,
  notice,
  children,
}: {
  base: PageBase;
  land: CoordinatedState;
  title: string;
  notice?: string | null;
  children: ComponentChildren;
}) {
  const { ctx } = base;
  const { t } = ctx;
  const root = `/mein-bereich/land/${land.code}`;
  const tools: [string, string][] = [
    [root, t("coordination.overview")],
    [`${root}/einladen`, t("coordination.invite")],
    [`${root}/seite`, t("coordination.intro")],
    [`${root}/hervorgehoben`, t("coordination.featured")],
  ];
  return (
    <OrganiserShell ctx={ctx} actor={base.actor} title={title} orgs={base.orgs} org={base.org} notice={notice}>
      <nav class="area-nav" aria-label={t("coordination.toolsNav", { state: landName(ctx, land) })}>
        <ul>
          {tools.map(([path, label]) => (
            <li key={path}>
              <a href={ctx.href(path)} aria-current={ctx.path === path ? "page" : undefined}>
                {label}
              </a>
            </li>
          ))}
          <li>
            <a href={ctx.href(`/laender/${land.code.toLowerCase()}`)}>{t("coordination.publicPage")}</a>
          </li>
        </ul>
      </nav>
      {children}
    </OrganiserShell>
  );
}

export type FieldErrors = Record<string, string>;

const known = new Set(["required", "tooLong", "email", "invalid", "tooMany", "notFeaturable", "alreadyInvited", "dailyLimit"]);

/** The message of an error key of the coordination forms (unknown keys read as "invalid"). */
export function errorText(ctx: PageCtx, key: string): string {
  const k = (known.has(key) ? key : "invalid") as "invalid";
  return ctx.t(`coordination.errors.${k}`, { max: key === "dailyLimit" ? MAX_INVITATIONS_PER_DAY : MAX_FEATURED });
}

/** The list of problems above a refused form. */
export function FormErrors({ ctx, errors, labels }: { ctx: PageCtx; errors: FieldErrors; labels: Record<string, string> }) {
  const entries = Object.entries(errors).map(([field, key]) => ({ field, label: labels[field], message: errorText(ctx, key) }));
  return <ErrorSummary title={ctx.t("coordination.errorSummary")} entries={entries} />;
}

type FieldProps = {
  ctx: PageCtx;
  name: string;
  label: string;
  value: string;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
};

/** A labelled input or textarea of the coordination forms, its hint and error tied to it. */
export function Field(props: FieldProps & { type?: "text" | "email"; rows?: number; maxLength: number; lang?: string }) {
  const id = `field-${props.name}`;
  const error = props.error ? errorText(props.ctx, props.error) : undefined;
  const label = (
    <>
      {props.label}
      {!props.required && <span class="muted"> {props.ctx.t("organiser.optional")}</span>}
    </>
  );
  const control = { id, name: props.name, hint: props.hint, error, required: props.required, lang: props.lang };
  return (
    <FieldFrame id={id} label={label} hint={props.hint} error={error}>
      {props.rows ? (
        <TextArea {...control} value={props.value} rows={props.rows} maxLength={props.maxLength} />
      ) : (
        <Input {...control} type={props.type ?? "text"} value={props.value} maxLength={props.maxLength} />
      )}
    </FieldFrame>
  );
}
