import type { Edition } from "../editions/edition-queries.ts";
import { filterVocabulary, type SiteData } from "../editions/site-data.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { countProgrammeFacets } from "../events/list-programme.ts";
import type { Programme } from "../events/load-programme.ts";
import { parseProgrammeFilter } from "../events/programme-filter.ts";
import { listMapPlaces, type MapPlace } from "./list-map-places.ts";

export type MapData = {
  /** The programme's filter, facet counts (per state: the map's numbers) and total; no items. */
  programme: Programme;
  places: MapPlace[];
  placesTruncated: boolean;
};

/** Parses the programme filter from the query and loads the counts per state and the places of the matching events. */
export async function loadMap(db: DbOrTx, site: SiteData & { current: Edition }, query: URLSearchParams): Promise<MapData> {
  const { filter, ignored, truncated } = await parseProgrammeFilter(query, filterVocabulary(db, site));
  // The map has no pages: a page parameter is meaningless here, not wrong.
  filter.page = 1;
  const edition = site.editions.find((e) => e.year === filter.edition) ?? site.current;
  const [{ total, facets }, { places, truncated: placesTruncated }] = await Promise.all([
    countProgrammeFacets(db, edition.id, filter, site.version),
    listMapPlaces(db, edition.id, filter),
  ]);
  return {
    programme: { edition, filter, ignored: ignored.filter((p) => p.name !== "page"), truncated, total, facets, items: [], pages: 1 },
    places,
    placesTruncated,
  };
}
