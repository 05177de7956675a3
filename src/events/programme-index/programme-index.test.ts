import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { type Database, queryRows } from "../../db/client.ts";
import { countProgrammeFacets, countProgrammeFacetsSql, type FacetCounts, listProgrammeItems } from "../list-programme.ts";
import { emptyFilter, type ProgrammeFilter } from "../programme-filter.ts";

let database: Database;
let edition: { id: number; year: number };
type Sample = {
  title: string;
  summary: string;
  state: string;
  format: string;
  mode: string;
  days: string[];
  topics: string[];
  org: string;
};
let samples: Sample[];

beforeAll(async () => {
  database = await openTestDatabase();
  const [row] = await queryRows<{ id: number; year: number }>(database.db, sql`select id, year from edition order by year desc limit 1`);
  if (!row) throw new Error("the test database has no edition");
  edition = row;
  samples = await queryRows<Sample>(
    database.db,
    sql`select e.title_de as title, e.summary_de as summary, e.state_code as state, e.format_code as format, e.mode::text as mode,
          e.days::text[] as days, e.topics, o.slug as org
        from event e join organisation o on o.id = e.organisation_id
        where e.edition_id = ${edition.id} and e.status = 'published' order by e.id limit 40`,
  );
});
afterAll(async () => database?.close());

/** Facet maps as sorted entries, so two counts compare regardless of the order rows came in. */
const comparable = (counts: { total: number; facets: FacetCounts }) => ({
  total: counts.total,
  ...Object.fromEntries(Object.entries(counts.facets).map(([name, map]) => [name, [...map].sort(([a], [b]) => (a < b ? -1 : 1))])),
});

/** Many filters like visitors make them: words and typos of real events with their state, format, mode or day, and more. */
function filters(): ProgrammeFilter[] {
  const base = emptyFilter(edition.year);
  const list: ProgrammeFilter[] = [
    base,
    { ...base, q: "Württemberg" },
    { ...base, q: "Wuerttemberg Kunststoff" },
    { ...base, q: "und der die" },
    { ...base, q: "Wokshop" },
    { ...base, q: "zzqxj" },
    { ...base, state: ["online"] },
    { ...base, state: ["BW", "online"], free: true },
    { ...base, language: ["en"] },
    { ...base, mode: ["online", "hybrid"], format: ["workshop", "conference"] },
  ];
  for (const s of samples) {
    const words = `${s.title} ${s.summary}`.split(/[^\p{L}]+/u).filter((w) => w.length >= 5);
    const word = words[0] ?? "Cluster";
    const typo = word.slice(0, 2) + word.slice(3);
    list.push(
      { ...base, q: word, state: [s.state], format: [s.format], mode: [s.mode as "onsite"] },
      { ...base, q: typo, state: [s.state], day: s.days.slice(0, 1) },
      { ...base, q: words.slice(0, 3).join(" "), topic: s.topics.slice(0, 2), org: [s.org] },
      { ...base, target: ["companies"], topic: s.topics.slice(0, 1), free: true, day: s.days },
    );
  }
  return list;
}

describe("the programme index", () => {
  it("counts every facet exactly as the SQL statement does, for every kind of filter", async () => {
    for (const filter of filters()) {
      const fromIndex = comparable(await countProgrammeFacets(database.db, edition.id, filter));
      const fromSql = comparable(await countProgrammeFacetsSql(database.db, edition.id, filter));
      expect(fromIndex, JSON.stringify(filter)).toEqual(fromSql);
    }
  });

  it("pages through the same events in the same order as SQL", async () => {
    for (const filter of filters().slice(0, 30)) {
      for (const offset of [0, 20]) {
        const page = { limit: 20, offset };
        const fromIndex = (await listProgrammeItems(database.db, edition.id, filter, page)).map((i) => i.id);
        // Inside a transaction the programme is always read with SQL.
        const fromSql = await database.db.transaction(async (tx) =>
          (await listProgrammeItems(tx, edition.id, filter, page)).map((i) => i.id),
        );
        expect(fromIndex, JSON.stringify({ filter, offset })).toEqual(fromSql);
      }
    }
  });

  it("answers from the index kept for the data version, not from SQL", async () => {
    const filter = { ...emptyFilter(edition.year), q: "Tiefseebergbau" };
    expect((await countProgrammeFacets(database.db, edition.id, filter)).total).toBe(0);
    const [target] = samples.slice(-1);
    if (!target) throw new Error("no sample event");
    // A write with the triggers switched off leaves data_version alone: only SQL can see it.
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`update event set title_de = 'Tiefseebergbau' where edition_id = ${edition.id} and title_de = ${target.title}`);
    });
    expect((await countProgrammeFacetsSql(database.db, edition.id, filter)).total).toBeGreaterThan(0);
    expect((await countProgrammeFacets(database.db, edition.id, filter)).total).toBe(0);
    expect(await listProgrammeItems(database.db, edition.id, filter, { limit: 20, offset: 0 })).toEqual([]);
    await database.db.execute(sql`update data_version set version = version + 1 where id = 1`);
    expect((await countProgrammeFacets(database.db, edition.id, filter)).total).toBeGreaterThan(0);
  });

  it("sees a change made with plain SQL at the next read", async () => {
    const filter = { ...emptyFilter(edition.year), q: "Quallenforschung" };
    expect((await countProgrammeFacets(database.db, edition.id, filter)).total).toBe(0);
    const [target] = samples;
    if (!target) throw new Error("no sample event");
    await database.db.execute(
      sql`update event set title_de = 'Quallenforschung heute' where edition_id = ${edition.id} and title_de = ${target.title}`,
    );
    const after = await countProgrammeFacets(database.db, edition.id, filter);
    expect(after.total).toBeGreaterThan(0);
    expect(after.facets.state.get(target.state)).toBeGreaterThan(0);
    const items = await listProgrammeItems(database.db, edition.id, filter, { limit: 20, offset: 0 });
    expect(items.map((i) => i.titleDe)).toContain("Quallenforschung heute");

    await database.db.execute(
      sql`update event set status = 'draft' where edition_id = ${edition.id} and title_de = 'Quallenforschung heute'`,
    );
    expect((await countProgrammeFacets(database.db, edition.id, filter)).total).toBe(0);
  });
});
