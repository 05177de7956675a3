import type { ReviewAction } from "../../db/schema/index.ts";
import { tr } from "../../event-form/views/form-kit.tsx";
import { formatDay } from "../../lib/format-date.ts";
import { pick } from "../../lib/language.ts";
import type { PageCtx } from "../../lib/page-context.ts";
import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import { OrganiserShell } from "../../organiser/views/OrganiserShell.tsx";
import { type Taxonomies, termName } from "../../taxonomies/taxonomy-queries.ts";
import { CsrfField } from "../../views/CsrfField.tsx";
import { ErrorSummary } from "../../views/form/ErrorSummary.tsx";
import { FieldFrame } from "../../views/form/FieldFrame.tsx";
import { Select, TextArea } from "../../views/form/inputs.tsx";
import { holderOf } from "../allowed-actions.ts";
import type { ReviewPageData } from "../load-review.ts";
import { DiffTable, fieldLabel } from "./DiffTable.tsx";

export type DecisionFormState = {
  /** The form that was refused, with its values and field errors. */
  action: ReviewAction;
  values: { message?: string; fields?: string[]; reasonId?: string };
  errors: Record<string, string>;
};

type Props = {
  base: PageBase;
  data: ReviewPageData;
  taxonomies: Taxonomies;
  csrf: string;
  /** The fields a change request can name (the event form's), with their labels. */
  markable: { name: string; label: string }[];
  refused?: DecisionFormState | undefined;
  /** A decision came too late (409) or is not possible. */
  problem?: string | undefined;
};

const when = (ctx: PageCtx, d: Date) =>
  `${formatDay(ctx.lang, d)}, ${d.toLocaleTimeString(ctx.lang === "en" ? "en-GB" : "de-DE", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Berlin" })}`;

/** One submitted event for its reviewer: where it stands, the decisions, findings, the diff, preview and history. */
export function ReviewPage({ base, data, taxonomies, csrf, markable, refused, problem }: Props) {
  const { ctx, actor } = base;
  const { t, lang } = ctx;
  const { item, view, diff } = data;
  const title = pick(lang, view.event.titleDe, view.event.titleEn);
  const path = `/mein-bereich/pruefung/${item.live.id}`;
  const holder = holderOf(item.working.status, item.moderation);
  const errorEntries = refused
    ? Object.entries(refused.errors).map(([field, code]) => ({
        field,
        label: field === "message" ? t("moderation.message") : field === "reasonId" ? t("moderation.reason") : undefined,
        message: tr(ctx, `moderation.errors.${code}`),
      }))
    : [];
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={t("moderation.reviewTitle", { title })} orgs={base.orgs}>
      <p class="breadcrumb">
        <a href={ctx.href("/mein-bereich/pruefung")}>{t("moderation.backToQueue")}</a>
      </p>
      <p>
        {t("moderation.where", {
          status: tr(ctx, `moderation.status.${item.working.status}`),
          state: termName(taxonomies.states, item.stateCode, lang),
          mode: item.moderation === "two_tier" ? t("moderation.modeTwo") : t("moderation.modeOne"),
        })}
        {holder !== "none" && (
          <>
            {" · "}
            {t(`moderation.organiser.holder.${holder}`, { state: termName(taxonomies.states, item.stateCode, lang) })}
          </>
        )}
      </p>
      <p>
        {view.organisation.name} · {t("moderation.colSubmitted")}: {item.working.submittedAt ? when(ctx, item.working.submittedAt) : "–"}
      </p>
      {item.revision && (
        <div class="notice" role="note">
          <p>{t("moderation.changesOfPublished")}</p>
        </div>
      )}
      {problem && (
        <div class="notice notice-error" role="alert" id="decision-problem" tabIndex={-1}>
          <p>{problem}</p>
        </div>
      )}
      <ErrorSummary
        title={t("moderation.errorSummary")}
        entries={errorEntries}
        targetId={(f) => `${refused?.action}-${f}`}
        id="error-summary"
        autofocus
      />

      <section aria-labelledby="decide-title" class="decisions">
        <h2 id="decide-title">{t("moderation.decide")}</h2>
        {data.actions.length === 0 ? (
          <p>{t("moderation.noActions")}</p>
        ) : (
          data.actions.map((action) => (
            <DecisionForm
              key={action}
              ctx={ctx}
              action={action}
              path={path}
              csrf={csrf}
              version={item.working.version}
              data={data}
              markable={markable}
              refused={refused?.action === action ? refused : undefined}
            />
          ))
        )}
      </section>

      <section aria-labelledby="findings-title">
        <h2 id="findings-title">{t("moderation.findings")}</h2>
        {item.working.checks.length === 0 ? (
          <p>{t("moderation.noFindings")}</p>
        ) : (
          <ul>
            {item.working.checks.map((c) => (
              <li key={`${c.code}-${JSON.stringify(c.params)}`} class={`check check-${c.severity}`}>
                <strong>{tr(ctx, `eventForm.checks.${c.severity}`)}:</strong> {tr(ctx, `eventForm.checks.${c.code}`, c.params)}
                {c.code === "likelyDuplicate" && c.params?.id && (
                  <>
                    {" "}
                    <a href={ctx.href(`/mein-bereich/pruefung/${c.params.id}`)}>{t("moderation.duplicateLink")}</a>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="diff-title">
        <h2 id="diff-title">{t("moderation.diff")}</h2>
        {diff.kind === "new" ? (
          <p>{t("moderation.diffNew")}</p>
        ) : diff.changes.length === 0 ? (
          <p>{t("moderation.diffNone")}</p>
        ) : (
          <DiffTable ctx={ctx} changes={diff.changes} taxonomies={taxonomies} />
        )}
        {diff.sinceRequest && (
          <>
            <h3>{t("moderation.sinceRequest", { when: when(ctx, diff.sinceRequest.at) })}</h3>
            {diff.sinceRequest.changes.length === 0 ? (
              <p>{t("moderation.sinceRequestNone", { when: when(ctx, diff.sinceRequest.at) })}</p>
            ) : (
              <DiffTable ctx={ctx} changes={diff.sinceRequest.changes} taxonomies={taxonomies} since="request" />
            )}
          </>
        )}
      </section>

      <section aria-labelledby="preview-title">
        <h2 id="preview-title">{t("moderation.preview")}</h2>
        <p>
          <a href={ctx.href(`${path}/vorschau`)}>{t("moderation.previewOpen")}</a>
        </p>
        <iframe class="review-preview" src={ctx.href(`${path}/vorschau`)} title={t("moderation.preview")} loading="lazy" />
      </section>

      <section aria-labelledby="decisions-title">
        <h2 id="decisions-title">{t("moderation.decisions")}</h2>
        {data.decisions.length === 0 ? (
          <p>{t("moderation.decisionsEmpty")}</p>
        ) : (
          <ol class="plain history">
            {data.decisions.map((d) => (
              <li key={`${d.at.toISOString()}-${d.action}`}>
                <p>
                  <strong>{tr(ctx, `moderation.action.${d.action}`)}</strong> –{" "}
                  {t("moderation.historyBy", { when: when(ctx, d.at), who: d.who ?? t("moderation.someone") })}
                </p>
                {(d.reasonDe || d.reasonEn) && <p>{t("moderation.mail.reason", { reason: lang === "en" ? d.reasonEn : d.reasonDe })}</p>}
                {d.message && <p class="message">{d.message}</p>}
                {d.fields.length > 0 && (
                  <p>
                    {t("moderation.mail.fields", {
                      fields: d.fields.map((f) => markable.find((m) => m.name === f)?.label ?? f).join(", "),
                    })}
                  </p>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t("moderation.history")}</h2>
        {data.history.length === 0 ? (
          <p>{t("moderation.historyEmpty")}</p>
        ) : (
          <ol class="plain history">
            {data.history.map((h) => (
              <li key={`${h.at.toISOString()}-${h.action}`}>
                <strong>{tr(ctx, `moderation.historyAction.${h.action}`)}</strong> –{" "}
                {t("moderation.historyBy", { when: when(ctx, h.at), who: h.who ?? t("moderation.someone") })}
                {h.action !== "create" && h.fields.length > 0 && (
                  <>
                    {" "}
                    ·{" "}
                    {t("moderation.fieldsChanged", {
                      fields: h.fields
                        .filter((f) => f !== "message")
                        .map((f) => fieldLabel(ctx, f))
                        .join(", "),
                    })}
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </OrganiserShell>
  );
}

const labels: Record<ReviewAction, { button: string; help?: string; message?: string; hint?: string }> = {
  publish: { button: "moderation.publish", help: "moderation.publishHelp" },
  approve: { button: "moderation.approve", help: "moderation.approveHelp" },
  request_changes: { button: "moderation.requestChanges", message: "moderation.message", hint: "moderation.messageHint" },
  reject: { button: "moderation.reject", message: "moderation.rejectMessage", hint: "moderation.rejectHint" },
  unpublish: { button: "moderation.unpublish", message: "moderation.unpublishMessage", hint: "moderation.unpublishHint" },
};

/** One decision as a plain form: the version it is about, CSRF, and what the decision needs. */
function DecisionForm(props: {
  ctx: PageCtx;
  action: ReviewAction;
  path: string;
  csrf: string;
  version: number;
  data: ReviewPageData;
  markable: { name: string; label: string }[];
  refused: DecisionFormState | undefined;
}) {
  const { ctx, action, refused } = props;
  const { t, lang } = ctx;
  const l = labels[action];
  const id = (f: string) => `${action}-${f}`;
  const err = (f: string) => (refused?.errors[f] ? tr(ctx, `moderation.errors.${refused.errors[f]}`) : undefined);
  const changed = new Set(props.data.diff.kind === "changes" ? props.data.diff.changes.map((c) => c.field) : []);
  return (
    <form method="post" action={ctx.href(`${props.path}/entscheidung`)} class={`decision decision-${action}`} noValidate>
      <CsrfField token={props.csrf} />
      <input type="hidden" name="action" value={action} />
      <input type="hidden" name="version" value={String(props.version)} />
      <h3>{tr(ctx, l.button)}</h3>
      {l.help && <p>{tr(ctx, l.help)}</p>}
      {action === "reject" && props.data.reasons.length > 0 && (
        <FieldFrame id={id("reasonId")} label={t("moderation.reason")} error={err("reasonId")}>
          <Select
            id={id("reasonId")}
            name="reasonId"
            value={refused?.values.reasonId ?? ""}
            placeholder={t("moderation.noReason")}
            options={props.data.reasons.map((r) => ({ value: String(r.id), label: lang === "en" ? r.textEn : r.textDe }))}
            error={err("reasonId")}
          />
        </FieldFrame>
      )}
      {l.message && (
        <FieldFrame id={id("message")} label={tr(ctx, l.message)} hint={l.hint ? tr(ctx, l.hint) : undefined} error={err("message")}>
          <TextArea
            id={id("message")}
            name="message"
            rows={4}
            maxLength={4000}
            value={refused?.values.message ?? ""}
            hint={l.hint ? tr(ctx, l.hint) : undefined}
            error={err("message")}
            ariaRequired={action !== "reject"}
          />
        </FieldFrame>
      )}
      {action === "request_changes" && props.markable.length > 0 && (
        <fieldset class="fields-concerned">
          <legend>{t("moderation.fieldsConcerned")}</legend>
          {props.markable.map((f) => (
            <label key={f.name} class="choice">
              <input type="checkbox" name="fields" value={f.name} checked={refused?.values.fields?.includes(f.name) ?? false} /> {f.label}
              {changed.has(f.name) && <span class="badge">{t("moderation.kindChange")}</span>}
            </label>
          ))}
        </fieldset>
      )}
      <p>
        <button type="submit" class={action === "reject" || action === "unpublish" ? "button-danger" : undefined}>
          {tr(ctx, l.button)}
        </button>
      </p>
    </form>
  );
}
