import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { edition, event, eventSession, organisation, tradeFairPresence, venue } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";
import type { PublicEvent } from "../events/get-public-event.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { findRevision } from "../moderation/revision.ts";
import { type EventRow, loadManagedEvent, requireActor } from "./event-access.ts";

export type ManagedEvent = PublicEvent & {
  /** The changes of a published event are under review: `event` shows them, the public still the published version. */
  underReview: boolean;
  /** The status of the event itself (published while its changes are under review). */
  liveStatus: EventRow["status"];
};

/**
 * An event the actor may manage, in any status, shaped like the public page's data (for the form, the
 * preview and the review page): its working copy — the pending revision of a published event if there is
 * one, under the event's id — else the event itself.
 */
export async function getManagedEvent({ ctx, input }: { ctx: VerbCtx; input: { id: number } }): Promise<ManagedEvent> {
  const actor = requireActor(ctx.actor);
  const live = await loadManagedEvent(ctx.db, actor, input.id);
  return loadWorkingCopy(ctx.db, live);
}

/** The working copy of an event whose access was checked by the caller. */
export async function loadWorkingCopy(db: DbOrTx, live: EventRow): Promise<ManagedEvent> {
  const revision = live.status === "published" ? await findRevision(db, live.id) : undefined;
  const shown = revision ? { ...revision, id: live.id, publishedAt: live.publishedAt } : live;
  return { ...(await eventView(db, shown, revision?.id ?? live.id)), underReview: Boolean(revision), liveStatus: live.status };
}

/** `row` with its organisation, venue, edition, co-organisers and booth; the sessions of the row `sessionsOf`. */
async function eventView(db: DbOrTx, ev: EventRow, sessionsOf: number): Promise<PublicEvent> {
  const [row] = await db
    .select({ organisation, venue, edition })
    .from(organisation)
    .innerJoin(edition, eq(edition.id, ev.editionId))
    .leftJoin(venue, eq(venue.id, ev.venueId ?? -1))
    .where(eq(organisation.id, ev.organisationId));
  if (!row) throw new Error("event without organisation or edition");
  const coIds = ev.coOrganisers.flatMap((c) => (c.organisationId ? [c.organisationId] : []));
  const [sessions, coOrganisations, booths] = await Promise.all([
    db.select().from(eventSession).where(eq(eventSession.eventId, sessionsOf)).orderBy(asc(eventSession.startsAt)),
    coIds.length
      ? db
          .select({ id: organisation.id, slug: organisation.slug, name: organisation.name })
          .from(organisation)
          .where(inArray(organisation.id, coIds))
      : Promise.resolve([]),
    db.select().from(tradeFairPresence).where(eq(tradeFairPresence.eventId, ev.id)),
  ]);
  return { event: ev, ...row, sessions, coOrganisations, booth: booths[0] };
}

/** The events the actor manages as a member of their organisations (newest edition first), for the overview. */
export async function listMyEvents({ ctx }: { ctx: VerbCtx }) {
  const actor = requireActor(ctx.actor);
  if (actor.organisationIds.length === 0) return [];
  return ctx.db
    .select({
      id: event.id,
      titleDe: event.titleDe,
      titleEn: event.titleEn,
      status: event.status,
      underReview: sql<boolean>`exists (select 1 from event r where r.revision_of = ${event.id})`,
      /** The version a change must name: that of the pending revision of a published event, else the event's. */
      version: sql<number>`coalesce((select r.version from event r where r.revision_of = ${event.id}), ${event.version})`,
      organisationId: event.organisationId,
      /** The status of what is being worked on: the pending revision's, else the event's. */
      workingStatus: sql<string>`coalesce((select r.status::text from event r where r.revision_of = ${event.id} limit 1), ${event.status}::text)`,
      stateCode: event.stateCode,
      organisationStateCode: organisation.stateCode,
      moderation: edition.moderation,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      /** The status of the event's report (src/reports/), null without one. */
      reportStatus: sql<string | null>`(select rp.status::text from report rp where rp.event_id = ${event.id})`,
      year: edition.year,
      organisationName: organisation.name,
    })
    .from(event)
    .innerJoin(edition, eq(edition.id, event.editionId))
    .innerJoin(organisation, eq(organisation.id, event.organisationId))
    .where(and(inArray(event.organisationId, [...actor.organisationIds]), isNull(event.revisionOf)))
    .orderBy(desc(edition.year), asc(event.startsAt))
    .limit(500);
}
