import { eventPath } from "../../events/event-path.ts";
import type { ProgrammeItem } from "../../events/list-programme.ts";
import { formatSpan } from "../../lib/format-date.ts";
import type { PageCtx } from "../../lib/page-context.ts";
import { type Taxonomies, termName } from "../../taxonomies/taxonomy-queries.ts";
import { assetUrl } from "../../views/assets.ts";
import { Localized } from "../../views/Localized.tsx";
import type { EmbedEvents } from "../load-embed-events.ts";

/** One event of the embed: title link (to our page, in the whole window), date, place and format. */
function EmbedItem({ ctx, item, taxonomies }: { ctx: PageCtx; item: ProgrammeItem; taxonomies: Taxonomies }) {
  const { t, lang } = ctx;
  const place = item.mode === "online" ? t("event.online") : [item.venueName, item.city].filter(Boolean).join(", ");
  const where = [place, item.mode === "hybrid" ? t("mode.hybrid") : "", termName(taxonomies.formats, item.formatCode, lang)];
  return (
    <li class={item.status === "cancelled" ? "embed-item is-cancelled" : "embed-item"}>
      <h2 class="embed-item-title">
        <a href={ctx.absolute(ctx.href(eventPath(item)))} target="_top">
          <Localized lang={lang} de={item.titleDe} en={item.titleEn} />
        </a>
      </h2>
      {item.status === "cancelled" && <p class="embed-badge">{t("programme.cancelled")}</p>}
      <p class="embed-meta">
        <time datetime={item.startsAt.toISOString()}>{formatSpan(lang, item.startsAt, item.endsAt, item.allDay)}</time>
      </p>
      <p class="embed-meta">{where.filter(Boolean).join(" · ")}</p>
    </li>
  );
}

/** The iframe document: a bare list of events that any site may frame; no script, no cookies. */
export function EmbedEventsPage({ ctx, data }: { ctx: PageCtx; data: EmbedEvents }) {
  const { t } = ctx;
  const host = new URL(ctx.baseUrl).host;
  const programme = ctx.absolute(ctx.href("/programm", data.programmeParams));
  const title = `${t("widget.eventsTitle")} – ${t("site.name")}`;
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{title}</title>
        <link rel="stylesheet" href={assetUrl("embed.css")} />
      </head>
      <body class="embed-frame">
        <main>
          <h1 class="visually-hidden">{title}</h1>
          {data.problems.length > 0 ? (
            <div class="embed-message" role="alert">
              {data.problems.map((p) => (
                <p key={`${p.name}=${p.value}`}>{t("widget.unknownValue", { name: p.name, value: p.value.slice(0, 80) })}</p>
              ))}
            </div>
          ) : data.items.length > 0 ? (
            <ul class="embed-list">
              {data.items.map((item) => (
                <EmbedItem key={item.id} ctx={ctx} item={item} taxonomies={data.taxonomies} />
              ))}
            </ul>
          ) : (
            <p class="embed-message">{t("widget.empty")}</p>
          )}
          <p class="embed-more">
            <a href={programme} target="_top">
              {data.problems.length > 0 || data.total === 0
                ? t("widget.programmeLink", { host })
                : t("widget.showAll", { count: data.total, host })}
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
