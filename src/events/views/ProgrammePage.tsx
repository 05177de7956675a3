import { formatIsoDay } from "../../lib/format-date.ts";
import type { PageCtx } from "../../lib/page-context.ts";
import type { Taxonomies } from "../../taxonomies/taxonomy-queries.ts";
import { Layout } from "../../views/Layout.tsx";
import type { Programme } from "../load-programme.ts";
import { AGENDA_LIMIT } from "../load-programme.ts";
import { filterParams } from "../programme-filter.ts";
import { EventCard } from "./EventCard.tsx";
import { activeFilterChips, FilterForm } from "./FilterForm.tsx";
import { ActiveFilters, FilterNotices, ViewSwitch } from "./ProgrammeNav.tsx";

type Props = { ctx: PageCtx; programme: Programme; taxonomies: Taxonomies; currentYear: number; view: "list" | "agenda" };

/** The programme: filter form beside the results, as a paged list or grouped by day. */
export function ProgrammePage({ ctx, programme, taxonomies, currentYear, view }: Props) {
  const { t } = ctx;
  const path = view === "list" ? "/programm" : "/programm/agenda";
  const params = filterParams(programme.filter, currentYear);
  const archived = programme.edition.year !== currentYear;
  const title = `${view === "list" ? t("programme.title") : t("programme.agendaTitle")}${archived ? ` ${programme.edition.year}` : ""}`;
  const chips = activeFilterChips(ctx, programme.filter, taxonomies, params, path);
  return (
    <Layout
      ctx={ctx}
      meta={{
        title,
        description: `${t("site.name")} ${programme.edition.year}: ${t("programme.results", { count: programme.total })}`,
        canonical: ctx.href(path, { ...params, page: programme.filter.page > 1 ? String(programme.filter.page) : undefined }),
      }}
    >
      <h1>{title}</h1>
      <ViewSwitch ctx={ctx} params={params} current={view} />
      <p>
        <a class="skip-to-results" href="#results-heading">
          {t("programme.toResults")}
        </a>
      </p>
      <div class="programme">
        <FilterForm ctx={ctx} programme={programme} taxonomies={taxonomies} action={path} currentYear={currentYear} />
        <section class="results" aria-labelledby="results-heading">
          <FilterNotices ctx={ctx} programme={programme} />
          <h2 id="results-heading" class="results-count">
            {t("programme.results", { count: programme.total })}
          </h2>
          <ActiveFilters
            ctx={ctx}
            chips={chips}
            resetHref={ctx.href(path, programme.filter.edition !== currentYear ? { edition: String(programme.filter.edition) } : {})}
          />
          {programme.total === 0 && <p>{t("programme.noResults")}</p>}
          {view === "list" ? (
            <ResultList ctx={ctx} programme={programme} taxonomies={taxonomies} />
          ) : (
            <Agenda ctx={ctx} programme={programme} taxonomies={taxonomies} />
          )}
          {view === "list" && <Pagination ctx={ctx} programme={programme} params={params} />}
        </section>
      </div>
    </Layout>
  );
}

function ResultList({ ctx, programme, taxonomies }: { ctx: PageCtx; programme: Programme; taxonomies: Taxonomies }) {
  return (
    <ol class="event-list">
      {programme.items.map((item) => (
        <li key={item.id}>
          <EventCard ctx={ctx} item={item} taxonomies={taxonomies} />
        </li>
      ))}
    </ol>
  );
}

function Agenda({ ctx, programme, taxonomies }: { ctx: PageCtx; programme: Programme; taxonomies: Taxonomies }) {
  const chosenDays = programme.filter.day;
  const byDay = new Map<string, typeof programme.items>();
  for (const item of programme.items) {
    for (const day of item.days) {
      if (chosenDays.length && !chosenDays.includes(day)) continue;
      byDay.set(day, [...(byDay.get(day) ?? []), item]);
    }
  }
  const days = [...byDay.keys()].sort();
  return (
    <div class="agenda">
      {programme.total > AGENDA_LIMIT && <p class="notice">{ctx.t("programme.tooMany", { max: AGENDA_LIMIT })}</p>}
      {days.map((day) => (
        <section key={day} aria-labelledby={`day-${day}`}>
          <h3 id={`day-${day}`} class="agenda-day">
            {formatIsoDay(ctx.lang, day)}
          </h3>
          <ol class="event-list">
            {(byDay.get(day) ?? []).map((item) => (
              <li key={item.id}>
                <EventCard ctx={ctx} item={item} taxonomies={taxonomies} headingLevel={4} />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

function Pagination({
  ctx,
  programme,
  params,
}: {
  ctx: PageCtx;
  programme: Programme;
  params: Record<string, string | string[] | undefined>;
}) {
  const { page } = programme.filter;
  if (programme.pages <= 1) return null;
  const link = (p: number) => ctx.href("/programm", { ...params, page: p > 1 ? String(p) : undefined });
  return (
    <nav class="pagination" aria-label={ctx.t("programme.pagination")}>
      {page > 1 ? (
        <a href={link(page - 1)} rel="prev">
          {ctx.t("programme.previous")}
        </a>
      ) : (
        <span />
      )}
      <span>{ctx.t("programme.pageOf", { page, pages: programme.pages })}</span>
      {page < programme.pages ? (
        <a href={link(page + 1)} rel="next">
          {ctx.t("programme.next")}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
