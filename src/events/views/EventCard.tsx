import { jsxTemplate } from "preact/jsx-runtime";
import { renderToString } from "preact-render-to-string";
import { formatSpan } from "../../lib/format-date.ts";
import type { PageCtx } from "../../lib/page-context.ts";
import { type Taxonomies, termName } from "../../taxonomies/taxonomy-queries.ts";
import { Localized } from "../../views/Localized.tsx";
import { eventPath } from "../event-path.ts";
import type { ProgrammeItem } from "../list-programme.ts";

type CardProps = { ctx: PageCtx; item: ProgrammeItem; taxonomies: Taxonomies; headingLevel?: 2 | 3 | 4 };

const CARD_LIMIT = 5000;
// A card costs tens of µs to render and the same events show on many pages: keep its HTML per language,
// heading level and event, with a copy of the data it was made from; any change renders it again.
// (A JSON key of the data would cost more than the render saves.) Oldest out first.
type Entry = { item: ProgrammeItem; stateName: string; formatName: string; html: string };
const cards = new Map<string, Entry>();

/** One event in a list: title link, date, place, organiser, format; marked when cancelled. */
export function EventCard({ ctx, item, taxonomies, headingLevel = 3 }: CardProps) {
  const stateName = termName(taxonomies.states, item.stateCode, ctx.lang);
  const formatName = termName(taxonomies.formats, item.formatCode, ctx.lang);
  const key = `${ctx.lang}:${headingLevel}:${item.id}`;
  const known = cards.get(key);
  // Raw HTML without a wrapper element: preact-render-to-string writes a template's strings as they are.
  if (known && known.stateName === stateName && known.formatName === formatName && sameData(known.item, item)) {
    return jsxTemplate([known.html]);
  }
  const html = renderToString(<Card ctx={ctx} item={item} taxonomies={taxonomies} headingLevel={headingLevel} />);
  if (!known && cards.size >= CARD_LIMIT) cards.delete(cards.keys().next().value ?? "");
  cards.set(key, { item: structuredClone(item), stateName, formatName, html });
  return jsxTemplate([html]);
}

/** True when two items hold the same data (dates by instant, arrays by element). */
function sameData(a: ProgrammeItem, b: ProgrammeItem): boolean {
  const keys = Object.keys(b) as (keyof ProgrammeItem)[];
  return keys.length === Object.keys(a).length && keys.every((k) => sameValue(a[k], b[k]));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  return a === b;
}

/** The card itself; everything it shows must come from the parts of EventCard's key. */
function Card({ ctx, item, taxonomies, headingLevel = 3 }: CardProps) {
  const { t, lang } = ctx;
  const Heading = (["h2", "h3", "h4"] as const)[headingLevel - 2] ?? "h3";
  const cancelled = item.status === "cancelled";
  const place = item.mode === "online" ? t("event.online") : [item.venueName, item.city].filter(Boolean).join(", ");
  return (
    <article class={cancelled ? "event-card is-cancelled" : "event-card"}>
      <Heading class="event-card-title">
        <a href={ctx.href(eventPath(item))}>
          <Localized lang={lang} de={item.titleDe} en={item.titleEn} />
        </a>
      </Heading>
      {cancelled && <p class="badge badge-cancelled">{t("programme.cancelled")}</p>}
      <p class="event-card-when">
        <time datetime={item.startsAt.toISOString()}>{formatSpan(lang, item.startsAt, item.endsAt, item.allDay)}</time>
        {item.sessionCount > 1 && <span class="more-dates"> {t("programme.moreDates", { count: item.sessionCount - 1 })}</span>}
      </p>
      <p class="event-card-where">
        {place}
        {item.mode === "hybrid" && ` · ${t("mode.hybrid")}`}
        {" · "}
        {termName(taxonomies.states, item.stateCode, lang)}
      </p>
      <p class="event-card-summary">
        <Localized lang={lang} de={item.summaryDe} en={item.summaryEn} />
      </p>
      <p class="event-card-meta">
        <span class="tag">{termName(taxonomies.formats, item.formatCode, lang)}</span>
        <span class="event-card-org">{item.organisationName}</span>
      </p>
    </article>
  );
}
