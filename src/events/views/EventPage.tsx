import type { ComponentChildren } from "preact";
import { formatDay, formatSpan } from "../../lib/format-date.ts";
import { pick, pickWithLang } from "../../lib/language.ts";
import { renderMarkdown } from "../../lib/markdown.ts";
import type { PageCtx } from "../../lib/page-context.ts";
import type { PublishedReport } from "../../reports/load-report.ts";
import { PublicReport } from "../../reports/views/PublicReport.tsx";
import { shareImageMeta } from "../../share-cards/share-card-meta.ts";
import { type Taxonomies, termName } from "../../taxonomies/taxonomy-queries.ts";
import { Layout } from "../../views/Layout.tsx";
import { Localized } from "../../views/Localized.tsx";
import { eventPath } from "../event-path.ts";
import type { PublicEvent } from "../get-public-event.ts";
import { ShareLinks } from "./ShareLinks.tsx";

const displayName = (lang: string, type: "region" | "language", code: string) => {
  try {
    return new Intl.DisplayNames([lang], { type }).of(code) ?? code;
  } catch {
    return code;
  }
};

/** Everything about one event, with JSON-LD, calendar download and share links. */
export function EventPage({
  ctx,
  e,
  taxonomies,
  jsonLd,
  preview,
  report,
}: {
  ctx: PageCtx;
  e: PublicEvent;
  taxonomies: Taxonomies;
  jsonLd: unknown;
  /** The organisers' preview banner (event-form): shown above the event, page not indexed. */
  preview?: ComponentChildren;
  /** The event's published report (src/reports/), shown below the event. */
  report?: PublishedReport | undefined;
}) {
  const { t, lang } = ctx;
  const ev = e.event;
  const title = pick(lang, ev.titleDe, ev.titleEn);
  const summary = pick(lang, ev.summaryDe, ev.summaryEn);
  const description = pickWithLang(lang, ev.descriptionDe, ev.descriptionEn);
  const path = eventPath(ev);
  const a11y = ev.accessibility;
  const a11yItems = [
    a11y.stepFree && t("event.stepFree"),
    a11y.hearingLoop && t("event.hearingLoop"),
    a11y.signLanguage && t("event.signLanguage"),
    a11y.subtitles && t("event.subtitles"),
  ].filter(Boolean);
  return (
    <Layout
      ctx={ctx}
      meta={{
        title,
        description: summary,
        canonical: ctx.href(path),
        ogType: "article",
        jsonLd,
        ...shareImageMeta(ctx, e),
        noindex: preview ? true : undefined,
      }}
    >
      {preview}
      <p class="breadcrumb">
        <a href={ctx.href("/programm", e.edition.status === "archived" ? { edition: String(e.edition.year) } : {})}>{t("event.back")}</a>
      </p>
      {ev.status === "cancelled" && (
        <div class="banner banner-cancelled" role="note">
          <p>
            <strong>{t("event.cancelledBanner")}</strong>{" "}
            {ev.cancelledAt ? t("event.cancelledSince", { date: formatDay(lang, ev.cancelledAt) }) : ""}
          </p>
          {ev.cancelReason && (
            <p class="cancel-reason">
              {t("event.cancelReason")} <span lang={lang === "en" ? "de" : undefined}>{ev.cancelReason}</span>
            </p>
          )}
        </div>
      )}
      <article class="event-page">
        <h1>
          <Localized lang={lang} de={ev.titleDe} en={ev.titleEn} />
        </h1>
        <p class="lead">
          <Localized lang={lang} de={ev.summaryDe} en={ev.summaryEn} />
        </p>
        {ev.imageUrl && (
          <figure class="event-image">
            <img src={ev.imageUrl} alt={ev.imageAlt ?? ""} />
            {ev.imageCredit && <figcaption>{t("event.imageCredit", { credit: ev.imageCredit })}</figcaption>}
          </figure>
        )}
        <div class="event-actions">
          <a class="button" href={`${path}.ics`} download>
            {t("event.addToCalendar")}
          </a>
          {ev.registrationUrl && (
            <a class="button button-secondary" href={ev.registrationUrl} rel="noopener nofollow">
              {t("event.registerOnline")}
            </a>
          )}
        </div>
        <h2>{t("event.details")}</h2>
        <dl class="facts">
          <dt>{e.sessions.length > 1 ? t("event.dates") : t("event.when")}</dt>
          <dd>
            <ul class="plain">
              {e.sessions.map((s) => (
                <li key={s.id}>
                  <time datetime={s.startsAt.toISOString()}>{formatSpan(lang, s.startsAt, s.endsAt, s.allDay)}</time>
                  {s.allDay && ` (${t("event.allDay")})`}
                </li>
              ))}
            </ul>
          </dd>
          <dt>{t("event.where")}</dt>
          <dd>
            {e.venue && (
              <address>
                {e.venue.name}
                <br />
                {e.venue.street && [e.venue.street, <br key="br" />]}
                {e.venue.postalCode} {e.venue.city}
                {e.venue.country !== "DE" && `, ${displayName(lang, "region", e.venue.country)}`}
              </address>
            )}
            {ev.mode !== "onsite" && (
              <p>
                {t("event.online")}
                {ev.onlineUrl && ev.status !== "cancelled" && (
                  <>
                    {": "}
                    <a href={ev.onlineUrl} rel="noopener nofollow">
                      {t("event.onlineLink")}
                    </a>
                  </>
                )}
                {!ev.onlineUrl && ev.status !== "cancelled" && `: ${t("event.onlineAfterRegistration")}`}
              </p>
            )}
            {e.booth && <p>{t("event.boothAt", { fair: e.booth.fair, hall: e.booth.hall, booth: e.booth.booth })}</p>}
          </dd>
          <dt>{t("event.format")}</dt>
          <dd>{termName(taxonomies.formats, ev.formatCode, lang)}</dd>
          <dt>{t("event.mode")}</dt>
          <dd>{termName(taxonomies.modes, ev.mode, lang)}</dd>
          <dt>{t("event.organiser")}</dt>
          <dd>
            <a href={ctx.href(`/organisationen/${e.organisation.slug}`)}>{e.organisation.name}</a>
          </dd>
          {ev.coOrganisers.length > 0 && (
            <>
              <dt>{t("event.coOrganisers")}</dt>
              <dd>
                <ul class="plain">
                  {ev.coOrganisers.map((c) => {
                    const org = c.organisationId ? e.coOrganisations.find((o) => o.id === c.organisationId) : undefined;
                    return <li key={c.name}>{org ? <a href={ctx.href(`/organisationen/${org.slug}`)}>{org.name}</a> : c.name}</li>;
                  })}
                </ul>
              </dd>
            </>
          )}
          {ev.partnerCountries.length > 0 && (
            <>
              <dt>{t("event.partners")}</dt>
              <dd>{ev.partnerCountries.map((c) => displayName(lang, "region", c)).join(", ")}</dd>
            </>
          )}
          {ev.topics.length > 0 && (
            <>
              <dt>{t("event.topics")}</dt>
              <dd>{ev.topics.map((c) => termName(taxonomies.allTopics, c, lang)).join(", ")}</dd>
            </>
          )}
          {ev.targetGroups.length > 0 && (
            <>
              <dt>{t("event.targetGroups")}</dt>
              <dd>{ev.targetGroups.map((c) => termName(taxonomies.allTargetGroups, c, lang)).join(", ")}</dd>
            </>
          )}
          <dt>{t("event.languages")}</dt>
          <dd>{ev.languages.map((c) => displayName(lang, "language", c)).join(", ")}</dd>
          <dt>{t("event.cost")}</dt>
          <dd>{ev.isFree ? t("event.free") : (ev.costText ?? "")}</dd>
          {(ev.registrationUrl || ev.registrationEmail || ev.registrationDeadline) && (
            <>
              <dt>{t("event.registration")}</dt>
              <dd>
                {ev.registrationUrl && (
                  <a href={ev.registrationUrl} rel="noopener nofollow">
                    {t("event.registerOnline")}
                  </a>
                )}
                {ev.registrationEmail && (
                  <>
                    {ev.registrationUrl && " · "}
                    <a href={`mailto:${ev.registrationEmail}`}>{t("event.registerByMail")}</a>
                  </>
                )}
                {ev.registrationDeadline && <p>{t("event.deadline", { date: formatDay(lang, ev.registrationDeadline) })}</p>}
              </dd>
            </>
          )}
          {ev.capacity != null && (
            <>
              <dt>{t("event.capacity")}</dt>
              <dd>{ev.capacity}</dd>
            </>
          )}
          {(a11yItems.length > 0 || a11y.notes) && (
            <>
              <dt>{t("event.accessibility")}</dt>
              <dd>
                {a11yItems.join(", ")}
                {a11y.notes && <p>{a11y.notes}</p>}
              </dd>
            </>
          )}
          {ev.contactName && (
            <>
              <dt>{t("event.contact")}</dt>
              <dd>
                {ev.contactName}
                {ev.contactEmail && (
                  <>
                    {", "}
                    <a href={`mailto:${ev.contactEmail}`}>{ev.contactEmail}</a>
                  </>
                )}
                {ev.contactPhone && `, ${ev.contactPhone}`}
              </dd>
            </>
          )}
          {(ev.liveUrl || ev.replayUrl) && (
            <>
              <dt>{t("event.live")}</dt>
              <dd>
                {ev.liveUrl && (
                  <a href={ev.liveUrl} rel="noopener nofollow">
                    {t("event.live")}
                  </a>
                )}
                {ev.replayUrl && (
                  <a href={ev.replayUrl} rel="noopener nofollow">
                    {t("event.replay")}
                  </a>
                )}
              </dd>
            </>
          )}
        </dl>
        {description.text && (
          <section aria-labelledby="description-heading">
            <h2 id="description-heading">{t("event.description")}</h2>
            <div
              class="prose"
              lang={description.lang === lang ? undefined : description.lang}
              dangerouslySetInnerHTML={{ __html: renderMarkdown(description.text) }}
            />
          </section>
        )}
        {ev.links.length > 0 && (
          <section aria-labelledby="links-heading">
            <h2 id="links-heading">{t("event.links")}</h2>
            <ul>
              {ev.links.map((l) => (
                <li key={l.url}>
                  <a href={l.url} rel="noopener nofollow">
                    {l.label}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}
        {report && <PublicReport ctx={ctx} report={report.report} photos={report.photos} />}
        <ShareLinks ctx={ctx} url={ctx.absolute(path)} title={title} hashtag={e.edition.hashtag} />
      </article>
    </Layout>
  );
}
