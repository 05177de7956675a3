import type { Edition } from "../editions/edition-queries.ts";
import { editionDays } from "../editions/edition-queries.ts";
import { loadSiteData } from "../editions/site-data.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { notFound } from "../lib/errors.ts";
import type { Taxonomies } from "../taxonomies/taxonomy-queries.ts";
import {
  countByStatus,
  countEventsBy,
  countKeyFigures,
  countParticipantsByState,
  type Dimension,
  dimensions,
  type KeyFigures,
} from "./count-events.ts";
import { type StatsScope, statsScopeOf } from "./stats-scope.ts";

export type EditionStatistics = {
  edition: Edition;
  previous: Edition | undefined;
  editions: Edition[];
  scope: StatsScope;
  taxonomies: Taxonomies;
  days: string[];
  figures: KeyFigures;
  previousFigures: KeyFigures | undefined;
  funnel: Map<string, number>;
  participantsByState: Map<string, number>;
  byDimension: ReadonlyMap<Dimension, Map<string, number>>;
};

/** An edition year from the query: absent → the current edition; anything else must be a known year (else 404). */
export function pickEdition(editions: Edition[], current: Edition | undefined, year: unknown): Edition {
  if (year === undefined || year === "") {
    if (!current) throw notFound("No edition");
    return current;
  }
  const wanted = typeof year === "string" && /^\d{4}$/.test(year) ? Number(year) : Number.NaN;
  const found = editions.find((e) => e.year === wanted);
  if (!found) throw notFound("Edition not found");
  return found;
}

/** The statistics dashboard's figures of one edition, for editors (all Länder) and coordinators (theirs); others 404. */
export async function loadStatistics({ ctx, input }: { ctx: VerbCtx; input: { year: unknown } }): Promise<EditionStatistics> {
  const scope = statsScopeOf(ctx.actor);
  const site = await loadSiteData(ctx.db);
  const edition = pickEdition(site.editions, site.current, input.year);
  const previous = site.editions.find((e) => e.year < edition.year);
  const [figures, previousFigures, funnel, participantsByState, counts] = await Promise.all([
    countKeyFigures(ctx.db, edition.id, scope),
    previous ? countKeyFigures(ctx.db, previous.id, scope) : Promise.resolve(undefined),
    countByStatus(ctx.db, edition.id, scope),
    countParticipantsByState(ctx.db, edition.id, scope),
    Promise.all(dimensions.map(async (d) => [d, await countEventsBy(ctx.db, edition.id, d, scope)] as const)),
  ]);
  const byDimension = new Map(counts);
  return {
    edition,
    previous,
    editions: site.editions,
    scope,
    taxonomies: site.taxonomies,
    days: editionDays(edition),
    figures,
    previousFigures,
    funnel,
    participantsByState,
    byDimension,
  };
}
