import type { DbOrTx } from "../events/event-record.ts";
import type { FilterVocabulary } from "../events/programme-filter.ts";
import { isRootDb, memoForVersion, readDataVersion } from "../lib/data-version.ts";
import { listOrganisationSlugs } from "../organisations/organisation-queries.ts";
import { loadTaxonomies, type Taxonomies } from "../taxonomies/taxonomy-queries.ts";
import { type Edition, editionDays, listEditions, pickCurrentEdition } from "./edition-queries.ts";

/**
 * What every public page draws on: the editions, the current one, the taxonomies, and the data
 * version they were read at (undefined inside a transaction), which the programme index reuses so
 * a request reads the version once.
 */
export type SiteData = { editions: Edition[]; current: Edition | undefined; taxonomies: Taxonomies; version?: number | undefined };

async function readSiteData(db: DbOrTx): Promise<SiteData> {
  const [editions, taxonomies] = await Promise.all([listEditions(db), loadTaxonomies(db)]);
  return { editions, current: pickCurrentEdition(editions), taxonomies };
}

/** Site data, kept in memory until the data version moves (six queries saved per page). Treat it as read-only. */
export async function loadSiteData(db: DbOrTx): Promise<SiteData> {
  if (!isRootDb(db)) return readSiteData(db);
  const at = { db, version: await readDataVersion(db) };
  return { ...(await memoForVersion(at, "site-data", readSiteData)), version: at.version };
}

/** The values programme filters may take, for parseProgrammeFilter. */
export function filterVocabulary(db: DbOrTx, site: SiteData & { current: Edition }): FilterVocabulary {
  return {
    editionYears: site.editions.map((e) => e.year),
    currentYear: site.current.year,
    states: site.taxonomies.states.map((s) => s.code),
    formats: site.taxonomies.formats.map((f) => f.code),
    topics: site.taxonomies.topics.map((t) => t.code),
    targetGroups: site.taxonomies.targetGroups.map((t) => t.code),
    // Public organisations only, as the OpenAPI document's enum lists them.
    organisationSlugs: (slugs) => listOrganisationSlugs(db, slugs),
    days: (year) => {
      const e = site.editions.find((x) => x.year === year);
      return e ? editionDays(e) : [];
    },
  };
}
