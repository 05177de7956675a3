import { formatDay } from "../../lib/format-date.ts";
import { pick } from "../../lib/language.ts";
import type { PageCtx } from "../../lib/page-context.ts";
import { holderOf } from "../../moderation/allowed-actions.ts";
import { reviewStateOf } from "../../moderation/review-state.ts";
import { holderText } from "../../moderation/views/OrganiserStanding.tsx";
import { ReportLink } from "../../reports/views/ReportLink.tsx";
import type { Term } from "../../taxonomies/taxonomy-queries.ts";
import { CsrfField } from "../../views/CsrfField.tsx";
import { Layout } from "../../views/Layout.tsx";
import type { listMyEvents } from "../get-managed-event.ts";
import { tr } from "./form-kit.tsx";

type Item = Awaited<ReturnType<typeof listMyEvents>>[number];

/** Who has the event now, " · Liegt bei: …", or nothing. */
function holderOfItem(ctx: PageCtx, i: Item, states: readonly Term[]): string {
  const text = holderText(
    ctx,
    { kind: holderOf(i.workingStatus, i.moderation), stateCode: reviewStateOf(i.stateCode, i.organisationStateCode) },
    states,
  );
  return text ? ` · ${text}` : "";
}

/** The actor's events: the current edition's to edit, earlier editions' to copy as drafts. */
export function MyEventsPage({
  ctx,
  csrf,
  items,
  states,
  currentYear,
  notice,
}: {
  ctx: PageCtx;
  csrf: string;
  items: Item[];
  /** The Länder, to name the one whose coordinators have an event. */
  states: readonly Term[];
  currentYear: number;
  notice?: string;
}) {
  const { t, lang } = ctx;
  const current = items.filter((i) => i.year >= currentYear);
  const earlier = items.filter((i) => i.year < currentYear);
  const title = (i: Item) => pick(lang, i.titleDe, i.titleEn);
  return (
    <Layout ctx={ctx} meta={{ title: t("eventForm.listTitle"), noindex: true }}>
      <p class="breadcrumb">
        <a href={ctx.href("/mein-bereich")}>{t("eventForm.dashboard")}</a>
      </p>
      <h1>{t("eventForm.listTitle")}</h1>
      {notice && (
        <div class="notice" role="status">
          <p>{notice}</p>
        </div>
      )}
      <p>
        <a class="button" href={ctx.href("/mein-bereich/veranstaltungen/neu")}>
          {t("eventForm.newEvent")}
        </a>
      </p>
      <h2>{t("eventForm.currentEditionEvents", { year: currentYear })}</h2>
      {current.length === 0 ? (
        <p>{t("eventForm.noEvents")}</p>
      ) : (
        <ul class="plain my-events">
          {current.map((i) => (
            <li key={i.id}>
              <a href={ctx.href(`/mein-bereich/veranstaltungen/${i.id}`)}>{title(i)}</a> – {formatDay(lang, i.startsAt)} –{" "}
              <span class="event-status">
                {tr(ctx, `eventForm.status.${i.status}`)}
                {i.underReview && ` (${tr(ctx, `eventForm.status.${i.workingStatus}`)})`}
                {holderOfItem(ctx, i, states)}
              </span>{" "}
              ({i.organisationName})
              <ReportLink ctx={ctx} item={i} />
            </li>
          ))}
        </ul>
      )}
      {earlier.length > 0 && (
        <section aria-labelledby="earlier-title">
          <h2 id="earlier-title">{t("eventForm.earlierEditions")}</h2>
          <p>{t("eventForm.earlierHint")}</p>
          <ul class="plain my-events">
            {earlier.map((i) => (
              <li key={i.id}>
                <form method="post" action={ctx.href(`/mein-bereich/veranstaltungen/${i.id}/duplizieren`)} class="inline-form">
                  <CsrfField token={csrf} />
                  {i.year}: {title(i)} ({tr(ctx, `eventForm.status.${i.status}`)})
                  <ReportLink ctx={ctx} item={i} />{" "}
                  <button type="submit" class="button button-secondary" aria-label={`${t("eventForm.duplicate")}: ${title(i)}`}>
                    {t("eventForm.duplicate")}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}
