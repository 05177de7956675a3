import { isMarkableEventField, markableFieldLabel } from "../../event-form/event-form-fields.ts";
import { markTargetId } from "../../event-form/views/form-kit.tsx";
import { formatDay, formatTime } from "../../lib/format-date.ts";
import { pick } from "../../lib/language.ts";
import type { PageCtx, QueryParams } from "../../lib/page-context.ts";
import { type Term, termName } from "../../taxonomies/taxonomy-queries.ts";
import type { Holder, ReviewerMessage } from "../organiser-standing.ts";

/** "Liegt bei: Koordination des Landes Baden-Württemberg" and the like; empty when nobody has to act (published, rejected …). */
export function holderText(ctx: PageCtx, holder: Holder, states: readonly Term[]): string {
  if (holder.kind === "none") return "";
  return ctx.t(`moderation.organiser.holder.${holder.kind}`, { state: termName(states, holder.stateCode, ctx.lang) });
}

const when = (ctx: PageCtx, at: Date) => `${formatDay(ctx.lang, at)}, ${formatTime(ctx.lang, at)}`;
const reasonOf = (ctx: PageCtx, m: ReviewerMessage) => (m.reasonDe ? pick(ctx.lang, m.reasonDe, m.reasonEn) : null);

/** The reviewer's message above the event form while changes are requested, linking the fields it marks. */
export function ChangeRequestMessage({ ctx, request }: { ctx: PageCtx; request: ReviewerMessage }) {
  const { t } = ctx;
  const fields = request.fields.filter(isMarkableEventField);
  return (
    <section class="notice review-message" aria-labelledby="review-message-title">
      <h2 id="review-message-title">
        {t("moderation.organiser.messageTitle", { who: request.reviewer ?? t("moderation.someone"), when: when(ctx, request.at) })}
      </h2>
      {request.message && <p class="review-message-text">{request.message}</p>}
      {fields.length > 0 && (
        <>
          <p>{t("moderation.fieldsConcerned")}:</p>
          <ul class="marked-fields">
            {fields.map((name) => (
              <li key={name}>
                <a href={`#${markTargetId(name)}`}>{markableFieldLabel(ctx, name)}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The reviewers' recent messages on the dashboard: event, decision, message, who and when. */
export function ReviewerMessages({ ctx, messages, q }: { ctx: PageCtx; messages: ReviewerMessage[]; q: QueryParams }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="review-messages-title" class="review-messages">
      <h2 id="review-messages-title">{t("moderation.organiser.dashboardMessages")}</h2>
      {messages.length === 0 ? (
        <p>{t("moderation.organiser.noMessages")}</p>
      ) : (
        <ul class="plain">
          {messages.map((m) => {
            const reason = reasonOf(ctx, m);
            return (
              <li key={`${m.eventId}-${m.at.toISOString()}`} class="review-message-item">
                <p>
                  <a href={ctx.href(`/mein-bereich/veranstaltungen/${m.eventId}`, q)}>{pick(ctx.lang, m.titleDe, m.titleEn)}</a>:{" "}
                  <strong>{t(`moderation.action.${m.action}`)}</strong>{" "}
                  <span class="muted">
                    ({t("moderation.historyBy", { when: when(ctx, m.at), who: m.reviewer ?? t("moderation.someone") })})
                  </span>
                </p>
                {reason && <p>{t("moderation.mail.reason", { reason })}</p>}
                {m.message && <p class="review-message-text">{m.message}</p>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
