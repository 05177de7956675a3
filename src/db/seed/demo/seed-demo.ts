import { and, eq, gt, inArray, min } from "drizzle-orm";
import { type DbOrTx, insertEventRecords } from "../../../events/event-record.ts";
import type { Db } from "../../client.ts";
import {
  edition,
  eventHistory,
  organisation,
  reviewDecision,
  stateIntro,
  tradeFair,
  tradeFairPresence,
  venue,
} from "../../schema/index.ts";
import { states } from "../reference-data.ts";
import { type EditionDraft, edition2017, edition2019 } from "./editions.ts";
import { demoOrganisations, type OrgDraft } from "./organisations.ts";
import type { VenueDraft } from "./places.ts";
import { type EditionPlan, plan2017Shape, plan2019Shape, planEdition } from "./plan-edition.ts";
import type { PlannedEvent } from "./planned-event.ts";
import { stateIntros } from "./state-intros.ts";
import { upcomingEdition } from "./upcoming-edition.ts";

export type DemoCounts = { editions: number; organisations: number; events: number; booths: number };

const pastEditions: { draft: EditionDraft; shape: typeof plan2019Shape | typeof plan2017Shape; seed: number }[] = [
  { draft: edition2017, shape: plan2017Shape, seed: 2017 },
  { draft: edition2019, shape: plan2019Shape, seed: 2019 },
];

/**
 * Which editions a call seeds: `all` (the default); `archive`, the demo organisations with 2017 and
 * 2019, which never depend on the day (the prepared demo, prepared-demo.ts, holds them); `upcoming`,
 * the edition planned from `now`, seeded at the first start on top of the prepared demo. `archive`
 * and then `upcoming` write the same rows, ids included, as `all`.
 */
export type DemoPart = "all" | "archive" | "upcoming";

/**
 * Seeds the demo editions 2017 and 2019 (archived, as they happened) and the upcoming one, open for
 * submissions: the next April week after `now` (the app's clock; tests pin it). `all` and `archive`
 * do nothing if edition 2019 exists; `upcoming` does nothing if an edition after 2019 exists.
 */
export async function seedDemo(db: Db, { now = new Date(), part = "all" }: { now?: Date; part?: DemoPart } = {}): Promise<DemoCounts> {
  const upcoming = upcomingEdition(now);
  const editions = [
    ...pastEditions.map(({ draft, shape, seed }) => ({
      draft,
      plan: {
        ...shape,
        year: draft.year,
        seed,
        firstDay: draft.startsOn,
        lastDay: draft.endsOn,
        submission: { opensAt: draft.submissionOpensAt ?? new Date(0), closesAt: draft.submissionClosesAt ?? new Date(0) },
      } satisfies EditionPlan,
    })),
    { draft: upcoming.draft, plan: upcoming.plan },
  ].filter(({ draft }) => part === "all" || (part === "upcoming") === (draft === upcoming.draft));
  return db.transaction(async (tx) => {
    const counts: DemoCounts = { editions: 0, organisations: 0, events: 0, booths: 0 };
    const [seededAlready] = await tx
      .select({ id: edition.id })
      .from(edition)
      .where(part === "upcoming" ? gt(edition.year, 2019) : eq(edition.year, 2019));
    if (seededAlready) return counts;

    const orgs = demoOrganisations();
    // The upcoming part finds the organisations and the fairground that `archive` wrote (an insert
    // that conflicts would still use up serial ids, and the ids must stay those of `all`).
    const { ids: orgIds, inserted } = part === "upcoming" ? await findOrganisations(tx, orgs) : await insertOrganisations(tx, orgs);
    counts.organisations = inserted;
    const keyedVenues = new Map<string, number>();
    for (const { draft, plan } of editions) {
      const [existing] = await tx.select({ id: edition.id }).from(edition).where(eq(edition.year, draft.year));
      if (existing) continue;
      const planned = planEdition(orgs, plan);
      if (part === "upcoming") await findKeyedVenues(tx, planned, keyedVenues);
      const seeded = await seedEdition(tx, draft, planned, orgIds, keyedVenues);
      counts.editions++;
      counts.events += seeded.events;
      counts.booths += seeded.booths;
      if (draft.year === 2019 || draft === upcoming.draft) {
        const intros = stateIntros(states).map((intro) => ({ ...intro, editionId: seeded.editionId, updatedAt: draft.updatedAt }));
        await tx.insert(stateIntro).values(intros);
      }
    }
    return counts;
  });
}

async function insertOrganisations(tx: DbOrTx, orgs: OrgDraft[]): Promise<{ ids: Map<string, number>; inserted: number }> {
  const rows = await tx
    .insert(organisation)
    .values(orgs.map(({ region: _region, ...row }) => row))
    .onConflictDoNothing({ target: organisation.slug })
    .returning({ id: organisation.id });
  return { ids: (await findOrganisations(tx, orgs)).ids, inserted: rows.length };
}

async function findOrganisations(tx: DbOrTx, orgs: OrgDraft[]): Promise<{ ids: Map<string, number>; inserted: number }> {
  const all = await tx
    .select({ id: organisation.id, slug: organisation.slug })
    .from(organisation)
    .where(
      inArray(
        organisation.slug,
        orgs.map((o) => o.slug),
      ),
    );
  return { ids: new Map(all.map((r) => [r.slug, r.id])), inserted: 0 };
}

/** Adds the rows of keyed venues (the fairground) that an earlier part wrote: the first with that name, street and city. */
async function findKeyedVenues(tx: DbOrTx, planned: PlannedEvent[], keyed: Map<string, number>): Promise<void> {
  for (const draft of new Set(planned.flatMap((p) => (p.venue?.key ? [p.venue] : [])))) {
    if (!draft.key || keyed.has(draft.key)) continue;
    const [row] = await tx
      .select({ id: min(venue.id) })
      .from(venue)
      .where(and(eq(venue.name, draft.name), eq(venue.street, draft.street ?? ""), eq(venue.city, draft.city)));
    if (row?.id != null) keyed.set(draft.key, row.id);
  }
}

/** Inserts the venues of the planned events in one statement; keyed venues (the fairground) only once. */
async function insertVenues(tx: DbOrTx, planned: PlannedEvent[], keyed: Map<string, number>): Promise<Map<VenueDraft, number>> {
  const fresh: VenueDraft[] = [];
  for (const p of planned) {
    if (!p.venue || fresh.includes(p.venue) || (p.venue.key && keyed.has(p.venue.key))) continue;
    fresh.push(p.venue);
  }
  const ids = new Map<VenueDraft, number>();
  if (fresh.length > 0) {
    const rows = await tx
      .insert(venue)
      .values(fresh.map(({ key: _key, ...row }) => row))
      .returning({ id: venue.id });
    // serial ids grow in the order of the VALUES list, whatever order RETURNING uses
    const sorted = rows.map((r) => r.id).sort((a, b) => a - b);
    fresh.forEach((draft, i) => {
      const id = sorted[i];
      if (id === undefined) throw new Error("venue insert returned too few rows");
      ids.set(draft, id);
      if (draft.key) keyed.set(draft.key, id);
    });
  }
  for (const p of planned) {
    if (p.venue?.key && !ids.has(p.venue)) ids.set(p.venue, keyed.get(p.venue.key) ?? 0);
  }
  return ids;
}

async function seedEdition(
  tx: DbOrTx,
  draft: EditionDraft,
  planned: PlannedEvent[],
  orgIds: Map<string, number>,
  keyedVenues: Map<string, number>,
): Promise<{ editionId: number; events: number; booths: number }> {
  const [row] = await tx.insert(edition).values(draft).returning({ id: edition.id });
  if (!row) throw new Error("edition insert returned no row");
  const editionId = row.id;
  const venueIds = await insertVenues(tx, planned, keyedVenues);
  const orgId = (slug: string) => {
    const id = orgIds.get(slug);
    if (id === undefined) throw new Error(`demo organisation ${slug} missing`);
    return id;
  };

  const roles: { opening?: number; closing?: number } = {};
  const presences: (typeof tradeFairPresence.$inferInsert)[] = [];
  const history: (typeof eventHistory.$inferInsert)[] = [];
  const decisions: (typeof reviewDecision.$inferInsert)[] = [];
  const ids = await insertEventRecords(
    tx,
    planned.map((p) => ({
      values: {
        ...p.values,
        editionId,
        organisationId: orgId(p.org.slug),
        venueId: p.venue ? (venueIds.get(p.venue) ?? null) : null,
        coOrganisers: p.coOrganisers.map((c) => (c.orgSlug ? { organisationId: orgId(c.orgSlug), name: c.name } : { name: c.name })),
      },
      sessions: p.sessions,
    })),
  );
  for (const [i, p] of planned.entries()) {
    const id = ids[i] ?? 0;
    if (p.role) roles[p.role] = id;
    if (p.booth) presences.push({ ...p.booth, editionId, organisationId: orgId(p.org.slug), eventId: id });
    for (const h of p.trail?.history ?? []) history.push({ eventId: id, userId: null, ...h });
    const decision = p.trail?.decision;
    if (decision) decisions.push({ eventId: id, userId: null, action: "request_changes", ...decision });
  }
  if (presences.length > 0) await tx.insert(tradeFairPresence).values(presences);
  if (history.length > 0) await tx.insert(eventHistory).values(history);
  if (decisions.length > 0) await tx.insert(reviewDecision).values(decisions);
  // The fair's opening days: the span its booths cover (organisers register new booths within it).
  const fairDays = presences.flatMap((p) => p.days ?? []).sort();
  const [firstDay, lastDay] = [fairDays[0], fairDays.at(-1)];
  if (firstDay && lastDay) await tx.insert(tradeFair).values({ editionId, name: "Hannover Messe", startsOn: firstDay, endsOn: lastDay });
  await tx
    .update(edition)
    .set({ openingEventId: roles.opening ?? null, closingEventId: roles.closing ?? null })
    .where(eq(edition.id, editionId));
  return { editionId, events: planned.length, booths: presences.length };
}
