import { and, asc, eq, sql } from "drizzle-orm";
import { queryRows } from "../db/client.ts";
import { event, featuredEvent } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { getPublicEventCards } from "../events/list-event-cards.ts";
import type { ProgrammeItem } from "../events/list-programme.ts";
import { reviewStateSql } from "../moderation/review-state.ts";

/** "home" for the home page (editors), else the Land code of a state page (its coordinators). */
export type FeaturedScope = "home" | string;

export type FeaturableEvent = { id: number; titleDe: string; organisationName: string; startsAt: Date; featured: boolean };

/**
 * Published events a scope may feature, in programme order, each marked if chosen: for a Land those that
 * belong to it by the review rule (venue Land; online/international by the organisation's Land).
 */
export async function listFeaturableEvents(db: DbOrTx, editionId: number, scope: FeaturedScope): Promise<FeaturableEvent[]> {
  const inScope = scope === "home" ? sql`true` : sql`${reviewStateSql} = ${scope}`;
  const rows = await queryRows<{ id: number; title_de: string; organisation_name: string; starts_at: string | Date; featured: boolean }>(
    db,
    sql`select e.id, e.title_de, o.name as organisation_name, e.starts_at,
               exists (select 1 from featured_event f where f.edition_id = ${editionId} and f.scope = ${scope} and f.event_id = e.id) as featured
        from event e join organisation o on o.id = e.organisation_id
        where e.edition_id = ${editionId} and e.status = 'published' and e.revision_of is null and ${inScope}
        order by e.starts_at, e.id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    titleDe: r.title_de,
    organisationName: r.organisation_name,
    startsAt: new Date(r.starts_at),
    featured: Boolean(r.featured),
  }));
}

/** The ids a public page features (published ones only: a cancelled or unpublished event drops out by itself). */
export async function listFeaturedEventIds(db: DbOrTx, editionId: number, scope: FeaturedScope): Promise<number[]> {
  const rows = await db
    .select({ id: featuredEvent.eventId })
    .from(featuredEvent)
    .innerJoin(event, eq(event.id, featuredEvent.eventId))
    .where(and(eq(featuredEvent.editionId, editionId), eq(featuredEvent.scope, scope), eq(event.status, "published")))
    .orderBy(asc(featuredEvent.position), asc(featuredEvent.eventId));
  return rows.map((r) => r.id);
}

/** The cards of a scope's featured events for a public page, in programme order. */
export async function loadFeaturedCards(db: DbOrTx, editionId: number, scope: FeaturedScope): Promise<ProgrammeItem[]> {
  const ids = await listFeaturedEventIds(db, editionId, scope);
  return getPublicEventCards(db, { editionId, ids, limit: ids.length });
}
