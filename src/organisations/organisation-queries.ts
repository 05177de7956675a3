import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { queryRows } from "../db/client.ts";
import { organisation } from "../db/schema/index.ts";
import { countedEventCondition } from "../editions/counted-events.ts";
import type { DbOrTx } from "../events/event-record.ts";

export type Organisation = typeof organisation.$inferSelect;
export type OrganisationWithCount = Pick<Organisation, "slug" | "name" | "shortName" | "kind" | "stateCode" | "city"> & { events: number };

/** Which organisations a list keeps: empty means any. */
export type OrganisationFilter = { states: string[]; kinds: string[] };

const anyOf = (column: SQL, values: string[]) =>
  values.length === 0
    ? sql`true`
    : sql`${column} = any(array[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::text[])`;

/** Organisations with counted events (counted-events.ts) in an edition, by name, with their event counts. */
export async function listOrganisationsWithEvents(
  db: DbOrTx,
  editionId: number,
  filter: OrganisationFilter = { states: [], kinds: [] },
): Promise<OrganisationWithCount[]> {
  const rows = await queryRows<OrganisationWithCount>(
    db,
    sql`
    select o.slug, o.name, o.short_name as "shortName", o.kind, o.state_code as "stateCode", o.city, count(e.id)::int as events
    from organisation o join event e on e.organisation_id = o.id
    where e.edition_id = ${editionId} and ${countedEventCondition}
      and ${anyOf(sql`o.state_code`, filter.states)} and ${anyOf(sql`o.kind::text`, filter.kinds)}
    group by o.id order by o.name`,
  );
  return rows.map((r) => ({ ...r, events: Number(r.events) }));
}

/** A public organisation: requested ones (pending or declined) never appear publicly. */
export async function findOrganisationBySlug(db: DbOrTx, slug: string): Promise<Organisation | undefined> {
  const [row] = await db
    .select()
    .from(organisation)
    .where(and(eq(organisation.slug, slug), eq(organisation.status, "active")));
  return row;
}

/** Slugs of the public (active) organisations, all of them or those among `slugs`: what the `org` filter takes. */
export async function listOrganisationSlugs(db: DbOrTx, slugs?: string[]): Promise<string[]> {
  const active = eq(organisation.status, "active");
  const rows = await db
    .select({ slug: organisation.slug })
    .from(organisation)
    .where(slugs ? and(active, inArray(organisation.slug, slugs)) : active)
    .orderBy(asc(organisation.slug));
  return rows.map((r) => r.slug);
}
