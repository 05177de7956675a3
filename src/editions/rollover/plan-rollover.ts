import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { edition, event, membership, organisation, user } from "../../db/schema/index.ts";
import type { DbOrTx } from "../../events/event-record.ts";
import type { VerbCtx } from "../../lib/actor.ts";
import { conflict } from "../../lib/errors.ts";
import { countedStatuses } from "../counted-events.ts";
import { requireEditionEditor } from "../edition-access.ts";
import type { Edition } from "../edition-queries.ts";
import { nextAprilStart, shiftEditionDates } from "../shift-edition.ts";
import { type RolloverLabel, type RolloverStepResult, rolloverSteps } from "./rollover-steps.ts";

export type RolloverOrganisation = { id: number; name: string; slug: string; events: number; members: number };

/** What the rollover will create from the latest edition: shown as the preview, then done on confirm. */
export type RolloverPlan = {
  from: Edition;
  /** The new edition's row as it will be inserted (status planning, no opening/closing events yet). */
  next: Omit<typeof edition.$inferInsert, "id">;
  shiftDays: number;
  steps: { key: string; label: RolloverLabel; result: RolloverStepResult }[];
  /** Last edition's confirmed organisations with events, each invited with its events as drafts. */
  organisations: RolloverOrganisation[];
  drafts: number;
  recipients: number;
};

/** The year in a text moved to the new one ("Clusterwoche 2019" → "Clusterwoche 2020"). */
const nextYearIn = (text: string, from: number, to: number) => text.replaceAll(String(from), String(to));

/** The newest edition, the one a rollover starts from; none → 409. */
export async function latestEdition(db: DbOrTx): Promise<Edition> {
  const [row] = await db.select().from(edition).orderBy(desc(edition.year)).limit(1);
  if (!row) throw conflict("There is no edition to roll over from.");
  return row;
}

/** The new edition's frame: the next year's April week on the same weekday, every date shifted by whole Berlin days. */
export function nextEditionOf(from: Edition): { next: RolloverPlan["next"]; shiftDays: number } {
  const year = from.year + 1;
  const startsOn = nextAprilStart(from.startsOn, new Date(`${from.year}-12-31T12:00:00Z`));
  const shifted = shiftEditionDates(from, startsOn);
  const next = {
    year,
    titleDe: nextYearIn(from.titleDe, from.year, year),
    titleEn: nextYearIn(from.titleEn, from.year, year),
    mottoDe: from.mottoDe,
    mottoEn: from.mottoEn,
    // Stored as the form stores it, without "#" (older rows have one; the views add it).
    hashtag: nextYearIn(from.hashtag.replace(/^#/, ""), from.year, year),
    startsOn: shifted.startsOn,
    endsOn: shifted.endsOn,
    submissionOpensAt: shifted.submissionOpensAt ?? null,
    submissionClosesAt: shifted.submissionClosesAt ?? null,
    status: "planning" as const,
    moderation: from.moderation,
    reviewTargetDays: from.reviewTargetDays,
    greetingDe: from.greetingDe,
    greetingEn: from.greetingEn,
    patrons: from.patrons,
    contacts: from.contacts,
  };
  return { next, shiftDays: shifted.shiftDays };
}

/** Confirmed organisations with counted events in `from`, with how many events and members each has. */
export async function organisationsToInvite(db: DbOrTx, from: Edition): Promise<RolloverOrganisation[]> {
  const rows = await db
    .select({
      id: organisation.id,
      name: organisation.name,
      slug: organisation.slug,
      events: sql<number>`count(distinct ${event.id})::int`,
      // The members who will get the invitation: deactivated accounts are left out (as in the rollover).
      members: sql<number>`count(distinct ${user.id})::int`,
    })
    .from(event)
    .innerJoin(organisation, eq(organisation.id, event.organisationId))
    .leftJoin(membership, eq(membership.organisationId, organisation.id))
    .leftJoin(user, and(eq(user.id, membership.userId), isNull(user.deactivatedAt)))
    .where(and(eq(event.editionId, from.id), inArray(event.status, [...countedStatuses]), eq(organisation.status, "active")))
    .groupBy(organisation.id)
    .orderBy(organisation.name);
  return rows;
}

/** The preview: what a confirm would create now, read without writing anything. */
export async function planRollover({ ctx }: { ctx: VerbCtx }): Promise<RolloverPlan> {
  requireEditionEditor(ctx.actor);
  const from = await latestEdition(ctx.db);
  const { next, shiftDays } = nextEditionOf(from);
  const steps = [];
  for (const step of rolloverSteps) steps.push({ key: step.key, label: step.label, result: await step.preview({ db: ctx.db, from }) });
  const organisations = await organisationsToInvite(ctx.db, from);
  return {
    from,
    next,
    shiftDays,
    steps,
    organisations,
    drafts: organisations.reduce((n, o) => n + o.events, 0),
    recipients: organisations.reduce((n, o) => n + o.members, 0),
  };
}
