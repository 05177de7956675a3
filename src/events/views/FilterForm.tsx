import { editionDays } from "../../editions/edition-queries.ts";
import { formatIsoDay } from "../../lib/format-date.ts";
import type { PageCtx } from "../../lib/page-context.ts";
import { type Taxonomies, type Term, termName } from "../../taxonomies/taxonomy-queries.ts";
import { countedHtml, rawHtml } from "../../views/render.ts";
import type { Programme } from "../load-programme.ts";
import type { ProgrammeFilter } from "../programme-filter.ts";

type Option = { value: string; label: string; count: number };

function CheckboxGroup({ name, legend, options, chosen }: { name: string; legend: string; options: Option[]; chosen: string[] }) {
  return (
    <fieldset class="filter-group">
      <legend>{legend}</legend>
      <ul>
        {rawHtml(
          options
            .map((o) => {
              const id = `f-${name}-${o.value}`;
              const checked = chosen.includes(o.value);
              // About 60 of these per request, the same but for the count; name, value and state in the key.
              return countedHtml(`checkbox:${name}:${o.value}:${checked}`, o.label, o.count, (count) => (
                <li>
                  <input type="checkbox" id={id} name={name} value={o.value} checked={checked} />
                  <label for={id}>
                    {o.label} <span class="count">({count})</span>
                  </label>
                </li>
              ));
            })
            .join(""),
        )}
      </ul>
    </fieldset>
  );
}

const optionsOf = (terms: readonly Term[], counts: Map<string, number>, ctx: PageCtx): Option[] =>
  terms.map((term) => ({ value: term.code, label: ctx.lang === "en" ? term.nameEn : term.nameDe, count: counts.get(term.code) ?? 0 }));

// What `localeCompare(other, "de")` does, without looking up the locale's collation on every call.
const germanOrder = new Intl.Collator("de").compare;

/** The programme's filter form: a plain GET form, so filters live in the URL and work without JavaScript. */
export function FilterForm({
  ctx,
  programme,
  taxonomies,
  action,
  currentYear,
}: {
  ctx: PageCtx;
  programme: Programme;
  taxonomies: Taxonomies;
  action: string;
  currentYear: number;
}) {
  const { t } = ctx;
  const { filter, facets } = programme;
  const orgName = (slug: string) => facets.orgNames.get(slug) ?? slug;
  const orgOptions = [...facets.org.entries()].sort((a, b) => germanOrder(orgName(a[0]), orgName(b[0])));
  // A single select shows one value: the first chosen organisation that is among the options.
  const chosenOrg = filter.org.find((slug) => facets.org.has(slug));
  return (
    <form class="filter-form" method="get" action={action} aria-label={t("programme.filters")}>
      {ctx.lang === "en" && <input type="hidden" name="lang" value="en" />}
      {filter.edition !== currentYear && <input type="hidden" name="edition" value={String(filter.edition)} />}
      <div class="search-row">
        <label for="f-q">{t("programme.search")}</label>
        <input type="search" id="f-q" name="q" value={filter.q} maxLength={200} placeholder={t("programme.searchPlaceholder")} />
        <button type="submit">{t("programme.apply")}</button>
      </div>
      <CheckboxGroup
        name="day"
        legend={t("programme.day")}
        chosen={filter.day}
        options={editionDays(programme.edition).map((d) => ({
          value: d,
          label: formatIsoDay(ctx.lang, d, "short"),
          count: facets.day.get(d) ?? 0,
        }))}
      />
      <CheckboxGroup
        name="state"
        legend={t("programme.state")}
        chosen={filter.state}
        options={optionsOf(taxonomies.states, facets.state, ctx)}
      />
      <CheckboxGroup
        name="format"
        legend={t("programme.format")}
        chosen={filter.format}
        options={optionsOf(taxonomies.formats, facets.format, ctx)}
      />
      <CheckboxGroup
        name="mode"
        legend={t("programme.mode")}
        chosen={filter.mode}
        options={optionsOf(taxonomies.modes, facets.mode, ctx)}
      />
      <CheckboxGroup
        name="topic"
        legend={t("programme.topic")}
        chosen={filter.topic}
        options={optionsOf(taxonomies.topics, facets.topic, ctx)}
      />
      <CheckboxGroup
        name="target"
        legend={t("programme.target")}
        chosen={filter.target}
        options={optionsOf(taxonomies.targetGroups, facets.target, ctx)}
      />
      <fieldset class="filter-group">
        <legend>{t("programme.more")}</legend>
        <ul>
          <li>
            <input type="checkbox" id="f-free" name="free" value="true" checked={filter.free} />
            <label for="f-free">
              {t("programme.free")} <span class="count">({facets.free.get("true") ?? 0})</span>
            </label>
          </li>
          <li>
            <input type="checkbox" id="f-language" name="language" value="en" checked={filter.language.includes("en")} />
            <label for="f-language">
              {t("programme.english")} <span class="count">({facets.language.get("en") ?? 0})</span>
            </label>
          </li>
        </ul>
      </fieldset>
      <div class="filter-group">
        <label for="f-org">{t("programme.organisation")}</label>
        {/* One option is always marked selected (HTML_CodeSniffer H91: the value must reach assistive technology). */}
        <select id="f-org" name="org">
          <option value="" selected={chosenOrg === undefined}>
            {t("programme.anyOrganisation")}
          </option>
          {rawHtml(
            orgOptions
              .map(([slug, count]) => {
                const selected = slug === chosenOrg;
                // Up to one per organisation on every request, the same but for the count.
                return countedHtml(`org:${slug}:${selected}`, orgName(slug), count, (n) => (
                  <option value={slug} selected={selected}>
                    {orgName(slug)} ({n})
                  </option>
                ));
              })
              .join(""),
          )}
        </select>
      </div>
      <button type="submit">{t("programme.apply")}</button>
    </form>
  );
}

export type FilterChip = { label: string; href: string };

/** Labels of the chosen filter values, each with a link that removes just that value. */
export function activeFilterChips(
  ctx: PageCtx,
  filter: ProgrammeFilter,
  taxonomies: Taxonomies,
  params: Record<string, string | string[] | undefined>,
  path: string,
) {
  const chips: FilterChip[] = [];
  const without = (name: string, value: string) => {
    const current = params[name];
    const rest = Array.isArray(current) ? current.filter((v) => v !== value) : undefined;
    return ctx.href(path, { ...params, [name]: rest?.length ? rest : undefined, page: undefined });
  };
  if (filter.q) chips.push({ label: `„${filter.q}“`, href: without("q", filter.q) });
  const lists: [keyof ProgrammeFilter, readonly Term[] | null][] = [
    ["day", null],
    ["state", taxonomies.states],
    ["format", taxonomies.formats],
    ["mode", taxonomies.modes],
    ["topic", taxonomies.topics],
    ["target", taxonomies.targetGroups],
    ["org", null],
    ["language", null],
  ];
  for (const [name, terms] of lists) {
    for (const value of filter[name] as string[]) {
      const label = terms
        ? termName(terms, value, ctx.lang)
        : name === "day"
          ? formatIsoDay(ctx.lang, value, "short")
          : name === "language"
            ? ctx.t("programme.english")
            : value;
      chips.push({ label, href: without(name, value) });
    }
  }
  if (filter.free) chips.push({ label: ctx.t("programme.free"), href: without("free", "true") });
  return chips;
}
