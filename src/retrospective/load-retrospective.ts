import type { Edition } from "../editions/edition-queries.ts";
import { editionDays } from "../editions/edition-queries.ts";
import { loadSiteData } from "../editions/site-data.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { notFound } from "../lib/errors.ts";
import { countEventsBy, countKeyFigures, type Dimension, type KeyFigures } from "../stats/count-events.ts";
import type { Taxonomies } from "../taxonomies/taxonomy-queries.ts";
import { type GalleryPhoto, listGalleryPhotos, listPressReleases, type PressRelease } from "./list-report-media.ts";

/** The dimensions the public retrospective charts. */
export const retrospectiveDimensions = ["state", "day", "format", "topic", "mode"] as const satisfies readonly Dimension[];

export type Retrospective = {
  edition: Edition;
  figures: KeyFigures;
  taxonomies: Taxonomies;
  days: string[];
  byDimension: ReadonlyMap<Dimension, Map<string, number>>;
  photos: GalleryPhoto[];
  pressReleases: PressRelease[];
};

const scope = { all: true } as const;

/** An edition's public retrospective, computed from its counted events (any edition, archived ones included; unknown year → 404). */
export async function loadRetrospective({ db, year }: { db: DbOrTx; year: string }): Promise<Retrospective> {
  const site = await loadSiteData(db);
  const edition = /^\d{4}$/.test(year) ? site.editions.find((e) => e.year === Number(year)) : undefined;
  if (!edition) throw notFound("Edition not found");
  const [figures, photos, pressReleases, counts] = await Promise.all([
    countKeyFigures(db, edition.id, scope),
    listGalleryPhotos(db, edition.id),
    listPressReleases(db, edition.id),
    Promise.all(retrospectiveDimensions.map(async (d) => [d, await countEventsBy(db, edition.id, d, scope)] as const)),
  ]);
  return { edition, figures, taxonomies: site.taxonomies, days: editionDays(edition), byDimension: new Map(counts), photos, pressReleases };
}
