import { sql } from "drizzle-orm";
import { queryRows } from "../db/client.ts";
import type { DbOrTx } from "../events/event-record.ts";

/** A column that points at organisation(id), as the catalogue lists the foreign keys. */
export type OrganisationReference = { table: string; column: string };

/**
 * Every foreign-key column referencing organisation(id), read from the catalogue — so a merge moves the rows
 * of a table added later too (users/merge-organisations.ts), and its test notices it.
 */
export async function organisationReferences(db: DbOrTx): Promise<OrganisationReference[]> {
  return queryRows<OrganisationReference>(
    db,
    sql`select cl.relname::text as "table", a.attname::text as "column"
        from pg_constraint c
        join pg_class cl on cl.oid = c.conrelid
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
        where c.contype = 'f' and c.confrelid = 'organisation'::regclass
        order by 1, 2`,
  );
}

/** How many rows of each referencing table belong to an organisation, plus events naming it as co-organiser. */
export type Footprint = { rows: Record<string, number>; coOrganiserMentions: number };

export const referenceKey = (r: OrganisationReference) => `${r.table}.${r.column}`;

/** What belongs to an organisation: the rows of every referencing column, and co-organiser mentions. */
export async function organisationFootprint(db: DbOrTx, organisationId: number): Promise<Footprint> {
  const rows: Record<string, number> = {};
  for (const ref of await organisationReferences(db)) {
    const [counted] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${sql.identifier(ref.table)} where ${sql.identifier(ref.column)} = ${organisationId}`,
    );
    rows[referenceKey(ref)] = Number(counted?.n ?? 0);
  }
  const [mentions] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from event
        where co_organisers @> ${JSON.stringify([{ organisationId }])}::jsonb`,
  );
  return { rows, coOrganiserMentions: Number(mentions?.n ?? 0) };
}
