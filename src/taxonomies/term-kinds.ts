import { type SQL, sql } from "drizzle-orm";
import { queryRows } from "../db/client.ts";
import { targetGroup, topic } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { notFound } from "../lib/errors.ts";

/** The two taxonomies editors extend (PRODUCT §3), by the name their back-office address uses. */
export const termKinds = {
  technologiefelder: { table: topic, label: "Technologiefeld" },
  zielgruppen: { table: targetGroup, label: "Zielgruppe" },
} as const;
export type TermKind = keyof typeof termKinds;
export const termKindNames = Object.keys(termKinds) as TermKind[];

/** The kind a route names; any other name is 404. */
export function termKindOf(value: unknown): TermKind {
  if (value === "technologiefelder" || value === "zielgruppen") return value;
  throw notFound("Not found");
}

export type TermRow = { code: string; nameDe: string; nameEn: string; active: boolean; events: number; organisations: number };

/**
 * Counts of what carries a term: events (technology fields and target groups) and organisations
 * (technology fields). They are text arrays, so no foreign key guards them; `@>` uses their GIN index.
 */
function usage(kind: TermKind, code: SQL): { events: SQL; organisations: SQL } {
  if (kind === "technologiefelder")
    return {
      events: sql`(select count(*) from event e where e.topics @> array[${code}])`,
      organisations: sql`(select count(*) from organisation o where o.topics @> array[${code}])`,
    };
  return { events: sql`(select count(*) from event e where e.target_groups @> array[${code}])`, organisations: sql`0` };
}

/** Every term of a kind in display order, retired ones included, with what uses it. */
export async function listTerms(db: DbOrTx, kind: TermKind): Promise<TermRow[]> {
  const { events, organisations } = usage(kind, sql`t.code`);
  const table = sql.identifier(kind === "technologiefelder" ? "topic" : "target_group");
  const rows = await queryRows<TermRow>(
    db,
    sql`select t.code, t.name_de as "nameDe", t.name_en as "nameEn", t.active,
          ${events}::int as events, ${organisations}::int as organisations
        from ${table} t order by t.sort, t.code`,
  );
  return rows.map((r) => ({ ...r, events: Number(r.events), organisations: Number(r.organisations) }));
}

/** How many events and organisations carry one term. */
export async function termUsage(db: DbOrTx, kind: TermKind, code: string): Promise<{ events: number; organisations: number }> {
  const { events, organisations } = usage(kind, sql`${code}::text`);
  const [row] = await queryRows<{ events: number; organisations: number }>(
    db,
    sql`select ${events}::int as events, ${organisations}::int as organisations`,
  );
  return { events: Number(row?.events ?? 0), organisations: Number(row?.organisations ?? 0) };
}
