import { FeaturedEvents } from "../../coordination/views/FeaturedEvents.tsx";
import type { ProgrammeItem } from "../../events/list-programme.ts";
import { EventCard } from "../../events/views/EventCard.tsx";
import { formatDayShort } from "../../lib/format-date.ts";
import { pick } from "../../lib/language.ts";
import { renderMarkdown } from "../../lib/markdown.ts";
import type { PageCtx } from "../../lib/page-context.ts";
import type { Taxonomies } from "../../taxonomies/taxonomy-queries.ts";
import { Layout } from "../../views/Layout.tsx";
import type { EditionNumbers } from "../edition-numbers.ts";
import type { Edition } from "../edition-queries.ts";

type Props = {
  ctx: PageCtx;
  edition: Edition;
  numbers: EditionNumbers;
  next: ProgrammeItem[];
  /** Chosen by editors (featured_event, scope "home"). */
  featured: ProgrammeItem[];
  opening: ProgrammeItem | undefined;
  closing: ProgrammeItem | undefined;
  taxonomies: Taxonomies;
};

/** "2.–11. April 2019" */
export function editionDates(ctx: PageCtx, edition: Pick<Edition, "startsOn" | "endsOn">): string {
  const start = new Date(`${edition.startsOn}T12:00:00Z`);
  const end = new Date(`${edition.endsOn}T12:00:00Z`);
  return `${formatDayShort(ctx.lang, start)} – ${formatDayShort(ctx.lang, end)} ${end.getUTCFullYear()}`;
}

/** Home of the current edition: dates, motto, numbers, next events, opening and closing, greeting. */
export function HomePage({ ctx, edition, numbers, next, featured, opening, closing, taxonomies }: Props) {
  const { t, lang } = ctx;
  const title = pick(lang, edition.titleDe, edition.titleEn);
  const greeting = pick(lang, edition.greetingDe, edition.greetingEn);
  return (
    <Layout ctx={ctx} meta={{ title, description: `${pick(lang, edition.mottoDe, edition.mottoEn)} – ${editionDates(ctx, edition)}` }}>
      <section class="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{title}</h1>
        <p class="hero-dates">
          <time datetime={edition.startsOn}>{editionDates(ctx, edition)}</time>
          {/* Stored with or without "#" (the form strips it, older rows keep it): shown with one. */}
          {edition.hashtag && <span class="hashtag"> · #{edition.hashtag.replace(/^#/, "")}</span>}
        </p>
        {pick(lang, edition.mottoDe, edition.mottoEn) && <p class="hero-motto">{pick(lang, edition.mottoDe, edition.mottoEn)}</p>}
        <p class="cta">
          <a class="button" href={ctx.href("/programm")}>
            {t("home.browse")}
          </a>
          <a class="button button-secondary" href={ctx.href("/registrieren")}>
            {t("home.register")}
          </a>
        </p>
      </section>

      <section aria-labelledby="numbers-title">
        <h2 id="numbers-title">{t("home.keyNumbers")}</h2>
        <ul class="key-numbers">
          <li>{t("home.days", { count: numbers.days })}</li>
          <li>{t("home.states", { count: numbers.states })}</li>
          <li>
            {t("home.events", { count: numbers.events })}
            {numbers.booths > 0 && <span class="sub">{t("home.booths", { count: numbers.booths })}</span>}
          </li>
          <li>{t("home.organisations", { count: numbers.organisations })}</li>
        </ul>
        {(edition.status === "running" || edition.status === "archived") && (
          <p>
            <a href={ctx.href(`/archiv/${edition.year}/rueckblick`)}>{t("stats.retro.link", { year: edition.year })}</a>
          </p>
        )}
      </section>

      {(opening || closing) && (
        <section aria-labelledby="highlights-title">
          <h2 id="highlights-title" class="visually-hidden">
            {t("home.opening")} / {t("home.closing")}
          </h2>
          <div class="highlights">
            {opening && (
              <div>
                <p class="eyebrow">{t("home.opening")}</p>
                <EventCard ctx={ctx} item={opening} taxonomies={taxonomies} />
              </div>
            )}
            {closing && (
              <div>
                <p class="eyebrow">{t("home.closing")}</p>
                <EventCard ctx={ctx} item={closing} taxonomies={taxonomies} />
              </div>
            )}
          </div>
        </section>
      )}

      <FeaturedEvents ctx={ctx} items={featured} taxonomies={taxonomies} />

      {next.length > 0 && (
        <section aria-labelledby="next-title">
          <h2 id="next-title">{t("home.nextEvents")}</h2>
          <ul class="card-grid">
            {next.map((item) => (
              <li key={item.id}>
                <EventCard ctx={ctx} item={item} taxonomies={taxonomies} />
              </li>
            ))}
          </ul>
          <p>
            <a href={ctx.href("/programm")}>{t("home.browse")}</a>
          </p>
        </section>
      )}

      {greeting && (
        <section aria-labelledby="greeting-title">
          <h2 id="greeting-title">{t("home.greeting")}</h2>
          {edition.patrons.length > 0 && (
            <ul class="patrons" aria-label={t("home.patrons")}>
              {edition.patrons.map((p) => (
                <li key={p.name}>
                  <strong>{p.name}</strong>
                  <br />
                  {pick(lang, p.roleDe, p.roleEn)}
                </li>
              ))}
            </ul>
          )}
          <div class="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(greeting) }} />
        </section>
      )}

      <section aria-labelledby="states-title">
        <h2 id="states-title">{t("home.byState")}</h2>
        <ul class="state-links">
          {taxonomies.states
            .filter((s) => s.kind === "land")
            .map((s) => (
              <li key={s.code}>
                <a href={ctx.href(`/laender/${s.code.toLowerCase()}`)}>{lang === "en" ? s.nameEn : s.nameDe}</a>
              </li>
            ))}
        </ul>
      </section>

      {edition.contacts.length > 0 && (
        <section aria-labelledby="contacts-title">
          <h2 id="contacts-title">{t("home.contacts")}</h2>
          <ul class="contacts">
            {edition.contacts.map((c) => (
              <li key={c.email}>
                <strong>{c.name}</strong>, {c.organisation}
                <br />
                {c.phone && (
                  <>
                    Tel. {c.phone}
                    <br />
                  </>
                )}
                {c.fax && (
                  <>
                    Fax {c.fax}
                    <br />
                  </>
                )}
                <a href={`mailto:${c.email}`}>{c.email}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}
