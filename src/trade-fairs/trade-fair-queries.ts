import { eq } from "drizzle-orm";
import { event, organisation, tradeFairPresence } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";

export type BoothRow = Awaited<ReturnType<typeof listTradeFairPresences>>[number];

const natural = new Intl.Collator("de", { numeric: true, sensitivity: "base" });

/** An edition's booths, ordered by fair, hall, then booth (numbers compared as numbers: Halle 2 before Halle 16). */
export async function listTradeFairPresences(db: DbOrTx, editionId: number) {
  const rows = await db
    .select({
      id: tradeFairPresence.id,
      fair: tradeFairPresence.fair,
      hall: tradeFairPresence.hall,
      booth: tradeFairPresence.booth,
      days: tradeFairPresence.days,
      coExhibitors: tradeFairPresence.coExhibitors,
      textDe: tradeFairPresence.textDe,
      textEn: tradeFairPresence.textEn,
      organisationName: organisation.name,
      organisationSlug: organisation.slug,
      eventId: event.id,
      eventSlug: event.slug,
      eventStatus: event.status,
    })
    .from(tradeFairPresence)
    .innerJoin(organisation, eq(organisation.id, tradeFairPresence.organisationId))
    .leftJoin(event, eq(event.id, tradeFairPresence.eventId))
    .where(eq(tradeFairPresence.editionId, editionId));
  return rows.sort((a, b) => natural.compare(a.fair, b.fair) || natural.compare(a.hall, b.hall) || natural.compare(a.booth, b.booth));
}
