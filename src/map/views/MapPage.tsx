import { filterParams } from "../../events/programme-filter.ts";
import { activeFilterChips, FilterForm } from "../../events/views/FilterForm.tsx";
import { ActiveFilters, FilterNotices, ViewSwitch } from "../../events/views/ProgrammeNav.tsx";
import type { PageCtx } from "../../lib/page-context.ts";
import { type Taxonomies, termName } from "../../taxonomies/taxonomy-queries.ts";
import { assetUrl } from "../../views/assets.ts";
import { Layout } from "../../views/Layout.tsx";
import { type MapStateCode, mapStateCodes } from "../germany-states.ts";
import type { MapPlace } from "../list-map-places.ts";
import type { MapData } from "../load-map.ts";
import { GermanyMap, type MapMarker, type MapState } from "./GermanyMap.tsx";
import { MapLists, placeAnchors, type StateRow } from "./MapLists.tsx";
import { TileMap, type TileSettings } from "./TileMap.tsx";

export const MAP_PATH = "/programm/karte";

type Props = { ctx: PageCtx; map: MapData; taxonomies: Taxonomies; currentYear: number; tiles: TileSettings | undefined };

/** The programme as a map of Germany, with the programme's filters and the same content as table and list. */
export function MapPage({ ctx, map, taxonomies, currentYear, tiles }: Props) {
  const { t, lang } = ctx;
  const { programme, places } = map;
  const params = filterParams(programme.filter, currentYear);
  const archived = programme.edition.year !== currentYear;
  const title = `${t("map.pageTitle")}${archived ? ` ${programme.edition.year}` : ""}`;
  const chips = activeFilterChips(ctx, programme.filter, taxonomies, params, MAP_PATH);
  const stateName = (code: string) => termName(taxonomies.states, code, lang);
  const row = (code: string): StateRow => {
    const count = programme.facets.state.get(code) ?? 0;
    return {
      code,
      name: stateName(code),
      count,
      href: ctx.href("/programm", { ...params, state: [code] }),
      selected: programme.filter.state.includes(code),
    };
  };
  const lands = [...mapStateCodes].sort((a, b) => stateName(a).localeCompare(stateName(b), lang)).map(row);
  const elsewhere = ["online", "international"].map(row);
  const countLabel = (name: string, count: number) => t("map.count", { name, count });
  const states: MapState[] = lands.map((r) => {
    const label = countLabel(r.name, r.count);
    return {
      code: r.code as MapStateCode,
      count: r.count,
      href: r.href,
      selected: r.selected,
      label: r.selected ? t("map.selected", { label }) : label,
    };
  });
  const placeName = (p: MapPlace) => {
    const where = p.stateCode === "international" ? p.country : stateName(p.stateCode);
    return where === p.city ? p.city : `${p.city} (${where})`; // "Berlin", not "Berlin (Berlin)"
  };
  const anchors = placeAnchors(places);
  const markers: MapMarker[] = places.flatMap((p) =>
    p.lat === null || p.lon === null
      ? []
      : [
          {
            id: anchors.get(p) ?? p.city,
            label: countLabel(p.city, p.count),
            count: p.count,
            lat: p.lat,
            lon: p.lon,
            href: `#${anchors.get(p)}`,
          },
        ],
  );
  return (
    <Layout
      ctx={ctx}
      meta={{
        title,
        description: `${t("site.name")} ${programme.edition.year}: ${t("programme.results", { count: programme.total })}`,
        canonical: ctx.href(MAP_PATH, params),
      }}
    >
      <link rel="stylesheet" href={assetUrl("map.css")} />
      <h1>{title}</h1>
      <ViewSwitch ctx={ctx} params={params} current="map" />
      <p>
        <a class="skip-to-results" href="#results-heading">
          {t("programme.toResults")}
        </a>
      </p>
      <div class="programme">
        <FilterForm ctx={ctx} programme={programme} taxonomies={taxonomies} action={MAP_PATH} currentYear={currentYear} />
        <section class="results" aria-labelledby="results-heading">
          <FilterNotices ctx={ctx} programme={map.programme} />
          <h2 id="results-heading" class="results-count">
            {t("programme.results", { count: programme.total })}
          </h2>
          <ActiveFilters
            ctx={ctx}
            chips={chips}
            resetHref={ctx.href(MAP_PATH, archived ? { edition: String(programme.filter.edition) } : {})}
          />
          {programme.total === 0 && <p>{t("programme.noResults")}</p>}
          <h3 id="map-heading">{t("map.mapHeading")}</h3>
          <p>
            <a class="map-skip" href="#map-lists">
              {t("map.skipMap")}
            </a>
          </p>
          <figure class="map-figure">
            <GermanyMap title={t("map.svgTitle")} desc={t("map.svgDesc")} states={states} markers={markers} />
            <figcaption>
              {t("map.legend")} {chips.length > 0 && t("map.stateCountsNote")}
            </figcaption>
          </figure>
          <h4 class="map-elsewhere-heading">{t("map.notOnMap")}</h4>
          <ul class="map-elsewhere">
            {elsewhere.map((r) => (
              <li key={r.code}>
                <a href={r.href} aria-label={r.selected ? t("map.selected", { label: countLabel(r.name, r.count) }) : undefined}>
                  {countLabel(r.name, r.count)}
                </a>
              </li>
            ))}
          </ul>
          {tiles && <TileMap ctx={ctx} tiles={tiles} markers={markers} />}
          <MapLists ctx={ctx} rows={[...lands, ...elsewhere]} places={places} placesTruncated={map.placesTruncated} placeName={placeName} />
        </section>
      </div>
    </Layout>
  );
}
