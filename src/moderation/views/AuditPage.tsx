import { tr } from "../../event-form/views/form-kit.tsx";
import { formatDay, formatTime } from "../../lib/format-date.ts";
import type { PageCtx } from "../../lib/page-context.ts";
import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import { OrganiserShell } from "../../organiser/views/OrganiserShell.tsx";
import { ErrorSummary } from "../../views/form/ErrorSummary.tsx";
import { Input, type Option, Select } from "../../views/form/inputs.tsx";
import { auditObjectTypes } from "../audit.ts";
import type { AuditList } from "../list-audit.ts";
import type { AuditFilter } from "../moderation.schemas.ts";

export const auditPath = "/mein-bereich/protokoll";

export type AuditView = {
  list: AuditList;
  /** The Länder the actor may filter by (a coordinator's own, all for the national office). */
  states: Option[];
  /** Filter fields refused as malformed (the page then shows no entries). */
  invalid: string[];
  /** The filter values as typed, to show them back. */
  raw: Record<string, string>;
};

const filterKeys = ["action", "objectType", "state", "actor", "from", "to"] as const;

/** The filter as link parameters (empty ones drop out), for pagination. */
const paramsOf = (f: AuditFilter) => Object.fromEntries(filterKeys.map((k) => [k, f[k]]));

/** /mein-bereich/protokoll: the audit log the actor may see, filtered by a plain GET form, newest first. */
export function AuditPage({ base, view }: { base: PageBase; view: AuditView }) {
  const { ctx, actor, orgs, org } = base;
  const { t } = ctx;
  const { list } = view;
  const intro =
    actor.role === "coordinator"
      ? t("moderation.audit.introStates", { states: actor.stateCodes.join(", ") || "–" })
      : t("moderation.scopeAll");
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={t("moderation.audit.title")} orgs={orgs} org={org}>
      <p>{t("moderation.audit.intro")}</p>
      <p>{intro}</p>
      <ErrorSummary
        title={t("moderation.errorSummary")}
        entries={view.invalid.map((field) => ({ field, label: labelOf(ctx, field), message: t("moderation.audit.invalidFilter") }))}
        targetId={(f) => `audit-${f}`}
      />
      <AuditFilterForm ctx={ctx} view={view} />
      <p role="status">{t("moderation.audit.count", { count: list.total })}</p>
      {list.entries.length === 0 ? <p>{t("moderation.audit.empty")}</p> : <AuditTable ctx={ctx} list={list} />}
      <Pages ctx={ctx} list={list} />
    </OrganiserShell>
  );
}

function labelOf(ctx: PageCtx, field: string): string {
  const key = field === "actor" ? "actor" : field;
  return tr(ctx, `moderation.audit.${key}`);
}

function AuditFilterForm({ ctx, view }: { ctx: PageCtx; view: AuditView }) {
  const { t } = ctx;
  const value = (k: string) => view.raw[k] ?? "";
  const err = (k: string) => (view.invalid.includes(k) ? t("moderation.audit.invalidFilter") : undefined);
  const any = t("moderation.audit.any");
  const actions = view.list.actions.map((a) => ({ value: a, label: a }));
  const types = auditObjectTypes.map((o) => ({ value: o, label: t(`moderation.audit.objectTypes.${o}`) }));
  const field = (k: string, label: string, control: preact.ComponentChildren) => (
    <div class={err(k) ? "form-field form-field-error" : "form-field"}>
      <label for={`audit-${k}`}>{label}</label>
      {err(k) && (
        <p class="form-error" id={`audit-${k}-error`}>
          {err(k)}
        </p>
      )}
      {control}
    </div>
  );
  return (
    <form method="get" action={ctx.path} class="audit-filter" aria-label={t("moderation.filters")}>
      {ctx.lang === "en" && <input type="hidden" name="lang" value="en" />}
      {field(
        "action",
        t("moderation.audit.action"),
        <Select id="audit-action" name="action" value={value("action")} options={actions} placeholder={any} error={err("action")} />,
      )}
      {field(
        "objectType",
        t("moderation.audit.objectType"),
        <Select
          id="audit-objectType"
          name="objectType"
          value={value("objectType")}
          options={types}
          placeholder={any}
          error={err("objectType")}
        />,
      )}
      {field(
        "state",
        t("moderation.audit.state"),
        <Select id="audit-state" name="state" value={value("state")} options={view.states} placeholder={any} error={err("state")} />,
      )}
      {field(
        "actor",
        t("moderation.audit.actor"),
        <Input id="audit-actor" name="actor" value={value("actor")} maxLength={120} error={err("actor")} />,
      )}
      {field(
        "from",
        t("moderation.audit.from"),
        <Input id="audit-from" name="from" type="date" value={value("from")} error={err("from")} />,
      )}
      {field("to", t("moderation.audit.to"), <Input id="audit-to" name="to" type="date" value={value("to")} error={err("to")} />)}
      <button type="submit">{t("moderation.filterApply")}</button> <a href={ctx.href(auditPath)}>{t("moderation.filterReset")}</a>
    </form>
  );
}

function AuditTable({ ctx, list }: { ctx: PageCtx; list: AuditList }) {
  const { t, lang } = ctx;
  return (
    <div class="table-scroll">
      <table class="audit-table">
        <caption class="visually-hidden">{t("moderation.audit.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("moderation.audit.when")}</th>
            <th scope="col">{t("moderation.audit.who")}</th>
            <th scope="col">{t("moderation.audit.what")}</th>
            <th scope="col">{t("moderation.audit.object")}</th>
            <th scope="col">{t("moderation.audit.state")}</th>
            <th scope="col">{t("moderation.audit.summary")}</th>
          </tr>
        </thead>
        <tbody>
          {list.entries.map((e) => (
            <tr key={e.id} class="audit-entry">
              <td>
                <time dateTime={e.at.toISOString()}>
                  {formatDay(lang, e.at)} {formatTime(lang, e.at)}
                </time>
              </td>
              <td>{e.actorName}</td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>
                {tr(ctx, `moderation.audit.objectTypes.${e.objectType}`)} {e.objectId}
              </td>
              <td>{e.stateCode ?? "–"}</td>
              <td lang="de">{e.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Pages({ ctx, list }: { ctx: PageCtx; list: AuditList }) {
  const { page } = list.filter;
  if (list.pages <= 1) return null;
  const link = (n: number) => ctx.href(auditPath, { ...paramsOf(list.filter), page: n > 1 ? n : undefined });
  return (
    <nav class="pagination" aria-label={ctx.t("moderation.pagination")}>
      {page > 1 ? (
        <a href={link(page - 1)} rel="prev">
          {ctx.t("moderation.previous")}
        </a>
      ) : (
        <span />
      )}
      <span>{ctx.t("moderation.page", { page, pages: list.pages })}</span>
      {page < list.pages ? (
        <a href={link(page + 1)} rel="next">
          {ctx.t("moderation.next")}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
