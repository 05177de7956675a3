import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../src/db/client.ts";
import { countProgrammeFacets, countProgrammeFacetsSql, listProgrammeItems } from "../src/events/list-programme.ts";
import { emptyFilter, type ProgrammeFilter } from "../src/events/programme-filter.ts";
import { searchWords, typo } from "./scenarios.ts";

export type Percentiles = { runs: number; p50: number; p95: number; p99: number; max: number };
export type QueryTiming = {
  name: string;
  label: string;
  count: Percentiles;
  list: Percentiles;
  total: Percentiles;
  /** How many events the filters matched (the facet count reads every one of them). */
  matches: Percentiles;
};

const round = (ms: number) => Math.round(ms * 100) / 100;

export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return { runs: sorted.length, p50: round(at(50)), p95: round(at(95)), p99: round(at(99)), max: round(sorted.at(-1) ?? 0) };
}

type Source = { state_code: string; format_code: string; mode: "onsite" | "online" | "hybrid"; text: string };

/**
 * Times the programme's two queries (facet counts, then the first page, as loadProgramme runs them:
 * in the programme index, reading the data version and the page's rows from the database) many
 * times with varied filters: three filters plus text, and text only; then, for reference, the same
 * filtered queries answered by SQL alone (the facet statement and the page, inside a transaction).
 */
export async function timeProgrammeQueries(database: Database, runs: number): Promise<QueryTiming[]> {
  const db = database.db;
  const [edition] = await queryRows<{ id: number; year: number }>(db, sql`select id, year from edition order by year desc limit 1`);
  if (!edition) throw new Error("no edition");
  const sources = await queryRows<Source>(
    db,
    sql`select distinct on (title_de) state_code, format_code, mode::text as mode, title_de || ' ' || summary_de as text
        from event where edition_id = ${edition.id} and status = 'published' order by title_de, id limit 400`,
  );
  const filters: Record<string, ProgrammeFilter[]> = { filtered: [], text: [], sql: [] };
  for (const source of sources) {
    for (const word of searchWords(source.text).slice(0, 4)) {
      for (const q of [word, typo(word)]) {
        const base = emptyFilter(edition.year);
        filters.filtered?.push({ ...base, q, state: [source.state_code], format: [source.format_code], mode: [source.mode] });
        filters.text?.push({ ...base, q });
        filters.sql?.push({ ...base, q, state: [source.state_code], format: [source.format_code], mode: [source.mode] });
      }
    }
  }
  const labels: Record<string, string> = { filtered: "3 filters + text", text: "text only", sql: "3 filters + text, SQL only" };
  const viaSql = (filter: ProgrammeFilter) =>
    db.transaction(async (tx) => {
      const { total } = await countProgrammeFacetsSql(tx, edition.id, filter);
      if (total > 0) await listProgrammeItems(tx, edition.id, filter, { limit: 20, offset: 0 });
      return total;
    });
  const results: QueryTiming[] = [];
  for (const [name, list] of Object.entries(filters)) {
    const times = { count: [] as number[], list: [] as number[], total: [] as number[], matches: [] as number[] };
    // A few unmeasured runs first: connections, plans and caches warm up as in a running server.
    // The SQL reference is slow on big data: a third of the runs tell its percentiles well enough.
    const caseRuns = name === "sql" ? Math.ceil(runs / 3) : runs;
    for (let i = -5; i < caseRuns; i++) {
      const filter = list[(i + 5) % list.length];
      if (!filter) break;
      const start = performance.now();
      if (name === "sql") {
        const total = await viaSql(filter);
        if (i < 0) continue;
        times.total.push(performance.now() - start);
        times.matches.push(total);
        continue;
      }
      const { total } = await countProgrammeFacets(db, edition.id, filter);
      const counted = performance.now();
      if (total > 0) await listProgrammeItems(db, edition.id, filter, { limit: 20, offset: 0 });
      const end = performance.now();
      if (i < 0) continue;
      times.count.push(counted - start);
      times.list.push(end - counted);
      times.total.push(end - start);
      times.matches.push(total);
    }
    results.push({
      name,
      label: labels[name] ?? name,
      count: percentiles(times.count),
      list: percentiles(times.list),
      total: percentiles(times.total),
      matches: percentiles(times.matches),
    });
  }
  return results;
}
