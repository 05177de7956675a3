import { type SQL, sql } from "drizzle-orm";
import { queryRows } from "../db/client.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { containing } from "./list-users.ts";
import { OrganisationFilter, parseFilter } from "./users.schemas.ts";
import { requireUserAdmin } from "./users-access.ts";

export const organisationPageSize = 50;

export type OrganisationStatus = "pending" | "active" | "declined";
export type OrganisationListItem = {
  id: number;
  slug: string;
  name: string;
  shortName: string | null;
  city: string;
  stateCode: string;
  status: OrganisationStatus;
  events: number;
  members: number;
};
export type OrganisationList = { filter: OrganisationFilter; organisations: OrganisationListItem[]; total: number; pages: number };

/**
 * Organisations for the office (editors, admins; others 404): searched by name, short name, slug or city,
 * filtered by Land and status, with their event and member counts; by name, 50 a page.
 */
export async function listOrganisations({ ctx, input }: { ctx: VerbCtx; input: unknown }): Promise<OrganisationList> {
  requireUserAdmin(ctx.actor);
  const filter = parseFilter(OrganisationFilter, input);
  const conditions: SQL[] = [sql`true`];
  if (filter.q) {
    const like = containing(filter.q);
    conditions.push(sql`(o.name ilike ${like} or o.short_name ilike ${like} or o.slug ilike ${like} or o.city ilike ${like})`);
  }
  if (filter.state) conditions.push(sql`o.state_code = ${filter.state}`);
  if (filter.status) conditions.push(sql`o.status = ${filter.status}`);
  const where = sql.join(conditions, sql` and `);
  const [counted] = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from organisation o where ${where}`);
  const total = Number(counted?.n ?? 0);
  const rows = await queryRows<{
    id: number;
    slug: string;
    name: string;
    short_name: string | null;
    city: string;
    state_code: string;
    status: OrganisationStatus;
    events: number;
    members: number;
  }>(
    ctx.db,
    sql`select o.id, o.slug, o.name, o.short_name, o.city, o.state_code, o.status,
          (select count(*)::int from event e where e.organisation_id = o.id and e.revision_of is null) as events,
          (select count(*)::int from membership m where m.organisation_id = o.id) as members
        from organisation o where ${where}
        order by lower(o.name), o.id
        limit ${organisationPageSize} offset ${(filter.page - 1) * organisationPageSize}`,
  );
  const organisations = rows.map((r) => ({
    id: Number(r.id),
    slug: r.slug,
    name: r.name,
    shortName: r.short_name,
    city: r.city,
    stateCode: r.state_code,
    status: r.status,
    events: Number(r.events),
    members: Number(r.members),
  }));
  return { filter, organisations, total, pages: Math.max(1, Math.ceil(total / organisationPageSize)) };
}
