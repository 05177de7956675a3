import { eventPath } from "../../events/event-path.ts";
import { formatDay } from "../../lib/format-date.ts";
import type { PageCtx } from "../../lib/page-context.ts";
import { Localized } from "../../views/Localized.tsx";
import { MAX_PLACES, type MapPlace } from "../list-map-places.ts";

export type StateRow = { code: string; name: string; count: number; href: string; selected: boolean };

/** The fragment id of a place in the list ("ort-muenchen-by"); markers link to it. */
export function placeAnchors(places: MapPlace[]): Map<MapPlace, string> {
  const used = new Set<string>();
  const anchors = new Map<MapPlace, string>();
  for (const place of places) {
    const base = `ort-${slug(place.city)}-${slug(place.stateCode === "international" ? place.country : place.stateCode)}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    anchors.set(place, id);
  }
  return anchors;
}

function slug(text: string): string {
  const folded = text
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
  return folded.replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "x";
}

/** The map's content without the map: a table of states and a list of places with their events. */
export function MapLists({
  ctx,
  rows,
  places,
  placesTruncated,
  placeName,
}: {
  ctx: PageCtx;
  rows: StateRow[];
  places: MapPlace[];
  placesTruncated: boolean;
  placeName: (place: MapPlace) => string;
}) {
  const { t, lang } = ctx;
  const anchors = placeAnchors(places);
  const sorted = [...places].sort((a, b) => placeName(a).localeCompare(placeName(b), lang));
  return (
    <div id="map-lists" class="map-lists" tabIndex={-1}>
      <div class="table-scroll">
        <table class="map-table">
          <caption>
            <h3 class="map-caption">{t("map.byState")}</h3>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("map.state")}</th>
              <th scope="col" class="num">
                {t("map.events")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.code} class={row.selected ? "is-selected" : undefined}>
                <th scope="row">
                  <a href={row.href} aria-label={row.selected ? t("map.selected", { label: row.name }) : undefined}>
                    {row.name}
                  </a>
                </th>
                <td class="num">{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 id="map-places-heading">{t("map.places")}</h3>
      <p>{t("map.placesIntro")}</p>
      {placesTruncated && <p class="notice">{t("map.placesTruncated", { max: MAX_PLACES })}</p>}
      {places.length === 0 ? (
        <p>{t("map.noPlaces")}</p>
      ) : (
        <ul class="map-places" aria-labelledby="map-places-heading">
          {sorted.map((place) => (
            <li key={anchors.get(place)} id={anchors.get(place)} class="map-place" tabIndex={-1}>
              <h4>
                {placeName(place)} <span class="count">({t("programme.results", { count: place.count })})</span>
              </h4>
              <ul>
                {place.events.map((e) => (
                  <li key={e.id} class={e.status === "cancelled" ? "is-cancelled" : undefined}>
                    <a href={ctx.href(eventPath(e))}>
                      <Localized lang={lang} de={e.titleDe} en={e.titleEn} />
                    </a>{" "}
                    <span class="count">
                      <time datetime={e.startsAt.toISOString()}>{formatDay(lang, e.startsAt)}</time>
                      {e.status === "cancelled" && ` · ${t("programme.cancelled")}`}
                    </span>
                  </li>
                ))}
                {place.count > place.events.length && <li>{t("map.moreEvents", { count: place.count - place.events.length })}</li>}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
