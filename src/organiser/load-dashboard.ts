import { asc, eq, sql } from "drizzle-orm";
import { queryRows } from "../db/client.ts";
import { membership, organisation } from "../db/schema/index.ts";
import type { Edition } from "../editions/edition-queries.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { notFound } from "../lib/errors.ts";
import { listReviewerMessages } from "../moderation/organiser-standing.ts";
import { currentEdition, type SubmissionWindow, submissionWindow } from "./current-edition.ts";
import { listMembers } from "./list-members.ts";
import { listOwnTradeFairPresences } from "./list-trade-fair-presences.ts";
import { requireActor } from "./organisation-access.ts";

export const eventStatuses = ["draft", "submitted", "changes_requested", "approved", "published", "rejected", "cancelled"] as const;
export type EventStatus = (typeof eventStatuses)[number];
/** What an event still lacks; shown beside it so organisers know what to fill in. */
export type Missing = "titleEn" | "summaryEn" | "image" | "imageAlt" | "dates" | "warnings";
export type DashboardEvent = { id: number; titleDe: string; status: EventStatus; startsAt: Date; missing: Missing[]; warnings: number };
export type MyOrganisation = {
  id: number;
  slug: string;
  name: string;
  status: "pending" | "active" | "declined";
  role: "member" | "owner";
};

type EventRow = {
  id: number;
  title_de: string;
  status: EventStatus;
  starts_at: Date | string;
  title_en: string | null;
  summary_en: string | null;
  image_url: string | null;
  image_alt: string | null;
  sessions: number;
  warnings: number;
};

/** The organisations the actor belongs to, by name. */
export async function listMyOrganisations({ ctx }: { ctx: VerbCtx }): Promise<MyOrganisation[]> {
  const actor = requireActor(ctx.actor);
  return ctx.db
    .select({ id: organisation.id, slug: organisation.slug, name: organisation.name, status: organisation.status, role: membership.role })
    .from(membership)
    .innerJoin(organisation, eq(organisation.id, membership.organisationId))
    .where(eq(membership.userId, actor.userId))
    .orderBy(asc(organisation.name));
}

/** Picks the organisation of `?org=slug` among the actor's, else the first; a foreign slug is 404. */
export function chooseOrganisation(orgs: MyOrganisation[], slug: string | undefined): MyOrganisation | undefined {
  if (!slug) return orgs[0];
  const found = orgs.find((o) => o.slug === slug);
  if (!found) throw notFound("Organisation not found");
  return found;
}

/**
 * Everything the dashboard shows for one organisation: its events of the current edition by status, the window,
 * the reviewers' recent messages, booths, members.
 */
export async function loadDashboard({ ctx, input }: { ctx: VerbCtx; input: { organisationId: number; now?: Date } }) {
  const edition = await currentEdition(ctx.db);
  const [team, fair] = await Promise.all([listMembers({ ctx, input }), listOwnTradeFairPresences({ ctx, input })]);
  const events = edition ? await listEvents(ctx, input.organisationId, edition) : [];
  // listMembers has checked membership (else 404) before the messages are read.
  const messages = await listReviewerMessages(ctx.db, input.organisationId);
  const groups = eventStatuses.map((status) => ({ status, events: events.filter((e) => e.status === status) }));
  const window: SubmissionWindow | null = edition ? submissionWindow(edition, input.now) : null;
  return { org: team.org, role: team.role, edition, window, groups, messages, presences: fair.presences, invitations: team.invitations };
}

async function listEvents(ctx: VerbCtx, organisationId: number, edition: Edition): Promise<DashboardEvent[]> {
  const rows = await queryRows<EventRow>(
    ctx.db,
    sql`select e.id, e.title_de, e.status, e.starts_at, e.title_en, e.summary_en, e.image_url, e.image_alt,
          (select count(*) from event_session s where s.event_id = e.id)::int as sessions,
          (select count(*) from jsonb_array_elements(e.checks) c)::int as warnings
        from event e
        where e.organisation_id = ${organisationId} and e.edition_id = ${edition.id} and e.revision_of is null
        order by e.starts_at, e.id`,
  );
  return rows.map((r) => {
    const missing: Missing[] = [];
    if (!r.title_en?.trim()) missing.push("titleEn");
    if (!r.summary_en?.trim()) missing.push("summaryEn");
    if (!r.image_url) missing.push("image");
    else if (!r.image_alt?.trim()) missing.push("imageAlt");
    if (Number(r.sessions) === 0) missing.push("dates");
    if (Number(r.warnings) > 0) missing.push("warnings");
    return { id: r.id, titleDe: r.title_de, status: r.status, startsAt: new Date(r.starts_at), missing, warnings: Number(r.warnings) };
  });
}
