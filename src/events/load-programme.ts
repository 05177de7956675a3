import type { Edition } from "../editions/edition-queries.ts";
import { filterVocabulary, type SiteData } from "../editions/site-data.ts";
import type { DbOrTx } from "./event-record.ts";
import { countProgrammeFacets, type FacetCounts, listProgrammeItems, type ProgrammeItem } from "./list-programme.ts";
import { type IgnoredParam, type ProgrammeFilter, parseProgrammeFilter } from "./programme-filter.ts";

export const PAGE_SIZE = 20;
export const AGENDA_LIMIT = 500;

export type Programme = {
  edition: Edition;
  filter: ProgrammeFilter;
  ignored: IgnoredParam[];
  truncated: boolean;
  total: number;
  facets: FacetCounts;
  items: ProgrammeItem[];
  pages: number;
};

/** Parses the filter from the query and loads one page (or the agenda's first AGENDA_LIMIT) of the programme. */
export async function loadProgramme(
  db: DbOrTx,
  site: SiteData & { current: Edition },
  query: URLSearchParams,
  view: "list" | "agenda",
): Promise<Programme> {
  const { filter, ignored, truncated } = await parseProgrammeFilter(query, filterVocabulary(db, site));
  const edition = site.editions.find((e) => e.year === filter.edition) ?? site.current;
  const limit = view === "agenda" ? AGENDA_LIMIT : PAGE_SIZE;
  const { total, facets } = await countProgrammeFacets(db, edition.id, filter, site.version);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (view === "list" && filter.page > pages) {
    ignored.push({ name: "page", value: String(filter.page) });
    filter.page = pages;
  }
  const offset = view === "agenda" ? 0 : (filter.page - 1) * PAGE_SIZE;
  const items = total === 0 ? [] : await listProgrammeItems(db, edition.id, filter, { limit, offset }, site.version);
  return { edition, filter, ignored, truncated, total, facets, items, pages };
}
