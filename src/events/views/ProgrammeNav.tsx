import type { ComponentChildren } from "preact";
import type { PageCtx, QueryParams } from "../../lib/page-context.ts";
import type { Programme } from "../load-programme.ts";
import type { FilterChip } from "./FilterForm.tsx";

export type ProgrammeView = "list" | "agenda" | "map";

const viewPaths: [ProgrammeView, string][] = [
  ["list", "/programm"],
  ["agenda", "/programm/agenda"],
  ["map", "/programm/karte"],
];

/** The switch between the programme's views (list, agenda, map), keeping the filters. */
export function ViewSwitch({ ctx, params, current }: { ctx: PageCtx; params: QueryParams; current: ProgrammeView }) {
  const { t } = ctx;
  const labels: Record<ProgrammeView, string> = { list: t("programme.listView"), agenda: t("programme.agendaView"), map: t("map.title") };
  return (
    <nav class="view-switch" aria-label={t("programme.views")}>
      <ul>
        {viewPaths.map(([view, path]) => (
          <li key={view}>
            <a href={ctx.href(path, params)} aria-current={view === current ? "page" : undefined}>
              {labels[view]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The chosen filters as chips that each remove themselves, plus a link resetting them all. */
export function ActiveFilters({ ctx, chips, resetHref }: { ctx: PageCtx; chips: FilterChip[]; resetHref: string }) {
  const { t } = ctx;
  if (chips.length === 0) return null;
  return (
    <div class="active-filters">
      <h3 class="visually-hidden">{t("programme.activeFilters")}</h3>
      <ul>
        {chips.map((chip) => (
          <li key={chip.href}>
            <a class="chip" href={chip.href} aria-label={t("programme.removeFilter", { label: chip.label })}>
              {chip.label} <span aria-hidden="true">×</span>
            </a>
          </li>
        ))}
        <li>
          <a href={resetHref}>{t("programme.reset")}</a>
        </li>
      </ul>
    </div>
  );
}

/** Filter values that were not used (and a search text cut short), listed above the results. */
export function FilterNotices({ ctx, programme }: { ctx: PageCtx; programme: Pick<Programme, "truncated" | "ignored"> }) {
  const messages: ComponentChildren[] = [];
  if (programme.truncated) messages.push(ctx.t("programme.truncated", { max: 200 }));
  for (const p of programme.ignored) messages.push(ctx.t("programme.ignoredValue", { name: p.name, value: p.value.slice(0, 60) }));
  if (messages.length === 0) return null;
  return (
    <div class="notice" role="status">
      <p>{ctx.t("programme.ignored")}</p>
      <ul>
        {messages.map((m, i) => (
          <li key={i}>{m}</li>
        ))}
      </ul>
    </div>
  );
}
