import { type SQL, sql } from "drizzle-orm";
import { queryRows } from "../db/client.ts";
import { isRootDb, readDataVersion } from "../lib/data-version.ts";
import type { DbOrTx } from "./event-record.ts";
import { emptyFilter, type ProgrammeFilter } from "./programme-filter.ts";
import { type ProgrammeIndex, programmeIndexFor, textMaskOf } from "./programme-index/programme-index.ts";
import { countInIndex, pageInIndex } from "./programme-index/query-programme-index.ts";
import { baseConditions, type Dimension, dimensionConditions, whereClause } from "./programme-query.ts";

export type ProgrammeItem = {
  id: number;
  slug: string;
  status: "published" | "cancelled";
  titleDe: string;
  titleEn: string | null;
  summaryDe: string;
  summaryEn: string | null;
  formatCode: string;
  mode: "onsite" | "online" | "hybrid";
  stateCode: string;
  startsAt: Date;
  endsAt: Date;
  days: string[];
  sessionCount: number;
  allDay: boolean;
  isFree: boolean;
  languages: string[];
  organisationName: string;
  organisationSlug: string;
  venueName: string | null;
  city: string | null;
};

export type FacetCounts = Record<Dimension, Map<string, number>> & { orgNames: Map<string, string> };

const itemColumns = sql`e.id, e.slug, e.status, e.title_de as "titleDe", e.title_en as "titleEn",
  e.summary_de as "summaryDe", e.summary_en as "summaryEn", e.format_code as "formatCode", e.mode,
  e.state_code as "stateCode", e.starts_at as "startsAt", e.ends_at as "endsAt", e.days::text[] as days,
  e.is_free as "isFree", e.languages,
  (select count(*)::int from event_session s where s.event_id = e.id) as "sessionCount",
  coalesce((select bool_and(s.all_day) from event_session s where s.event_id = e.id), false) as "allDay",
  o.name as "organisationName", o.slug as "organisationSlug", v.name as "venueName", v.city`;

type RawItem = Omit<ProgrammeItem, "startsAt" | "endsAt"> & { startsAt: Date | string; endsAt: Date | string };

function toItem(row: RawItem): ProgrammeItem {
  return { ...row, startsAt: new Date(row.startsAt), endsAt: new Date(row.endsAt) };
}

type Page = { limit: number; offset: number; from?: Date | undefined; ids?: number[]; onlyPublished?: boolean };

/**
 * The programme index and text mask for a query, or undefined when the database must answer: inside
 * a transaction (it may see its own writes) or for a text the index cannot evaluate.
 */
async function fromIndex(
  db: DbOrTx,
  editionId: number,
  filter: ProgrammeFilter,
  version: number | undefined,
): Promise<{ index: ProgrammeIndex; text: Uint8Array | undefined } | undefined> {
  if (!isRootDb(db)) return undefined;
  const index = await programmeIndexFor({ db, version: version ?? (await readDataVersion(db)) }, editionId);
  const text = filter.q ? await textMaskOf(db, index, filter.q) : undefined;
  return text === "unsupported" ? undefined : { index, text };
}

/**
 * Published and cancelled events of one edition matching the filter, by date. A plain page of the
 * programme is chosen in the programme index and only its rows are read; `version` is the data
 * version the caller read (one read per request), else it is read here.
 */
export async function listProgrammeItems(
  db: DbOrTx,
  editionId: number,
  filter: ProgrammeFilter,
  page: Page,
  version?: number,
): Promise<ProgrammeItem[]> {
  if (page.from === undefined && page.ids === undefined && !page.onlyPublished) {
    const found = await fromIndex(db, editionId, filter, version);
    if (found) return itemsFromIndex(db, found.index, pageInIndex(found.index, filter, found.text, page));
  }
  return listProgrammeItemsSql(db, editionId, filter, page);
}

/** Items kept per index (so per data version) are read once; a bound keeps a 100,000-event edition from filling memory. */
const MAX_KEPT_ITEMS = 20_000;

async function itemsFromIndex(db: DbOrTx, index: ProgrammeIndex, ids: number[]): Promise<ProgrammeItem[]> {
  const missing = ids.filter((id) => !index.items.has(id));
  if (missing.length) {
    const rows = await listProgrammeItemsSql(db, index.editionId, emptyFilter(0), { limit: missing.length, offset: 0, ids: missing });
    if (index.items.size + rows.length > MAX_KEPT_ITEMS) index.items.clear();
    for (const item of rows) index.items.set(item.id, item);
  }
  return ids.flatMap((id) => index.items.get(id) ?? []);
}

async function listProgrammeItemsSql(db: DbOrTx, editionId: number, filter: ProgrammeFilter, page: Page): Promise<ProgrammeItem[]> {
  const extra = [
    page.from ? sql` and e.ends_at >= ${page.from.toISOString()}` : sql``,
    page.ids
      ? sql` and e.id in (${sql.join(
          page.ids.map((id) => sql`${id}`),
          sql`, `,
        )})`
      : sql``,
    page.onlyPublished ? sql` and e.status = 'published'` : sql``,
  ];
  const rows = await queryRows<RawItem>(
    db,
    sql`select ${itemColumns}
    from event e join organisation o on o.id = e.organisation_id left join venue v on v.id = e.venue_id
    where ${whereClause(editionId, filter)}${sql.join(extra, sql``)}
    order by e.starts_at, e.id
    limit ${page.limit} offset ${page.offset}`,
  );
  return rows.map(toItem);
}

/**
 * The total and, per filter dimension, how many events each value would give with the other
 * filters applied (so a chosen value never hides its siblings). Counted in the programme index;
 * `version` as for listProgrammeItems.
 */
export async function countProgrammeFacets(
  db: DbOrTx,
  editionId: number,
  filter: ProgrammeFilter,
  version?: number,
): Promise<{ total: number; facets: FacetCounts }> {
  const found = await fromIndex(db, editionId, filter, version);
  return found ? countInIndex(found.index, filter, found.text) : countProgrammeFacetsSql(db, editionId, filter);
}

/** The same count in one SQL statement: inside transactions, and the reference the index is tested against. */
export async function countProgrammeFacetsSql(
  db: DbOrTx,
  editionId: number,
  filter: ProgrammeFilter,
): Promise<{ total: number; facets: FacetCounts }> {
  const conditions = dimensionConditions(filter);
  const names = Object.keys(conditions) as Dimension[];
  const flags = names.map((name) => sql`${conditions[name] ?? sql`true`} as ${sql.raw(`m_${name}`)}`);
  const allBut = (except?: Dimension): SQL =>
    sql.raw(
      names
        .filter((n) => n !== except)
        .map((n) => `m_${n}`)
        .join(" and ") || "true",
    );

  // A row failing two or more set filters counts nowhere (every count leaves out at most one), so
  // the CTE keeps only rows failing at most one: with several filters, a fraction of the text matches.
  const set = names.flatMap((name) => (conditions[name] ? [conditions[name]] : []));
  const nearMatch =
    set.length > 1
      ? sql` and (${sql.join(
          set.map((c) => sql`coalesce(${c}, false)::int`),
          sql` + `,
        )}) >= ${set.length - 1}`
      : sql``;

  const rows = await queryRows<{ facet: string; value: string; n: number; label: string | null }>(
    db,
    sql`
    with base as (
      select e.state_code, e.mode::text as mode, e.format_code, e.topics, e.target_groups, e.days::text[] as days,
        e.organisation_id, e.is_free, e.languages, ${sql.join(flags, sql`, `)}
      from event e where ${baseConditions(editionId, filter.q)}${nearMatch}
    )
    select 'total' as facet, '' as value, count(*)::int as n, null::text as label from base where ${allBut()}
    union all select 'state', state_code, count(*)::int, null from base where ${allBut("state")} group by state_code
    union all select 'state', 'online', count(*)::int, null from base where ${allBut("state")} and mode = 'online'
    union all select 'format', format_code, count(*)::int, null from base where ${allBut("format")} group by format_code
    union all select 'mode', mode, count(*)::int, null from base where ${allBut("mode")} group by mode
    union all select 'topic', t, count(*)::int, null from base, unnest(topics) t where ${allBut("topic")} group by t
    union all select 'target', t, count(*)::int, null from base, unnest(target_groups) t where ${allBut("target")} group by t
    union all select 'day', d, count(*)::int, null from base, unnest(days) d where ${allBut("day")} group by d
    union all select 'language', l, count(*)::int, null from base, unnest(languages) l where ${allBut("language")} group by l
    union all select 'free', 'true', count(*)::int, null from base where ${allBut("free")} and is_free
    union all select 'org', o.slug, per_org.n, o.name from (
      select organisation_id, count(*)::int as n from base where ${allBut("org")} group by organisation_id
    ) per_org join organisation o on o.id = per_org.organisation_id`,
  );

  const facets = {
    ...(Object.fromEntries(names.map((n) => [n, new Map<string, number>()])) as Record<Dimension, Map<string, number>>),
    orgNames: new Map<string, string>(),
  };
  let total = 0;
  for (const row of rows) {
    if (row.facet === "total") total = Number(row.n);
    else facets[row.facet as Dimension]?.set(row.value, Number(row.n));
    if (row.facet === "org" && row.label) facets.orgNames.set(row.value, row.label);
  }
  return { total, facets };
}
