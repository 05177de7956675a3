import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/database.ts";
import { type Database, queryRows } from "../db/client.ts";
import { updateEventRecord } from "./event-record.ts";
import { countProgrammeFacets, countProgrammeFacetsSql, listProgrammeItems } from "./list-programme.ts";
import { emptyFilter, type ProgrammeFilter } from "./programme-filter.ts";

let database: Database;
let editions: { id: number; year: number }[];
beforeAll(async () => {
  database = await openTestDatabase();
  editions = await queryRows<{ id: number; year: number }>(database.db, sql`select id, year from edition order by year desc`);
});
afterAll(async () => database?.close());

const db = () => database.db;
const all = { limit: 10_000, offset: 0 };

/** The ids a filter finds in the programme index (memory) and with the SQL statement, each by date. */
async function found(editionId: number, filter: ProgrammeFilter): Promise<{ memory: number[]; sql: number[]; total: number }> {
  const memory = (await listProgrammeItems(db(), editionId, filter, all)).map((i) => i.id);
  // `from` sends the listing to the SQL statement; every event ends after 1970.
  const fromSql = (await listProgrammeItems(db(), editionId, filter, { ...all, from: new Date(0) })).map((i) => i.id);
  const counted = await countProgrammeFacets(db(), editionId, filter);
  const countedSql = await countProgrammeFacetsSql(db(), editionId, filter);
  expect(counted.total).toBe(countedSql.total);
  return { memory, sql: fromSql, total: counted.total };
}

describe("searching for places", () => {
  it("finds every event of Baden-Württemberg by the state's name, with or without umlaut, as the state page lists them", async () => {
    for (const { id, year } of editions) {
      const statePage = await found(id, { ...emptyFilter(year), state: ["BW"] });
      expect(statePage.total, `${year}`).toBeGreaterThan(10);
      for (const q of ["Baden-Württemberg", "Baden-Wuerttemberg", "baden-wurttemberg"]) {
        const result = await found(id, { ...emptyFilter(year), q });
        expect(result.memory, `${year} ${q}`).toEqual(result.sql);
        expect(result.total, `${year} ${q}`).toBe(statePage.total);
        expect(result.memory, `${year} ${q}`).toEqual(statePage.memory);
      }
    }
  });

  it("finds Bavarian events by the German and the English name", async () => {
    for (const { id, year } of editions) {
      const statePage = await found(id, { ...emptyFilter(year), state: ["BY"] });
      for (const q of ["Bayern", "Bavaria"]) {
        const result = await found(id, { ...emptyFilter(year), q });
        expect(result.memory, `${year} ${q}`).toEqual(result.sql);
        // every Bavarian event, and events elsewhere only when their own text names it
        expect(result.memory, `${year} ${q}`).toEqual(expect.arrayContaining(statePage.memory));
        expect(result.total, `${year} ${q}`).toBeGreaterThanOrEqual(statePage.total);
      }
    }
  });

  it("finds the events in Heilbronn by the venue's city", async () => {
    for (const { id, year } of editions) {
      const inCity = await queryRows<{ id: number }>(
        db(),
        sql`select e.id from event e join venue v on v.id = e.venue_id
            where e.edition_id = ${id} and e.status in ('published', 'cancelled') and v.city = 'Heilbronn'
            order by e.starts_at, e.id`,
      );
      const result = await found(id, { ...emptyFilter(year), q: "Heilbronn" });
      expect(result.memory, `${year}`).toEqual(result.sql);
      expect(result.memory, `${year}`).toEqual(expect.arrayContaining(inCity.map((r) => r.id)));
      if (year === 2019) expect(inCity.length).toBeGreaterThan(0);
    }
  });

  it("keeps the state's name in step when an event moves to another Land", async () => {
    const [row] = await queryRows<{ id: number; editionId: number; year: number }>(
      db(),
      sql`select e.id, e.edition_id as "editionId", ed.year from event e join edition ed on ed.id = e.edition_id
          where e.state_code = 'SL' and e.status = 'published' order by e.id limit 1`,
    );
    if (!row) throw new Error("no published event in the Saarland");
    const before = await found(row.editionId, { ...emptyFilter(row.year), q: "Mecklenburg-Vorpommern" });
    expect(before.memory).not.toContain(row.id);
    const saarlandBefore = (await searchExtraOf(row.id)).split("Saarland").length;
    await updateEventRecord(db(), row.id, { stateCode: "MV" }, await sessionsOf(row.id));
    const after = await found(row.editionId, { ...emptyFilter(row.year), q: "Mecklenburg-Vorpommern" });
    expect(after.memory).toContain(row.id);
    const text = await searchExtraOf(row.id);
    expect(text).toContain("Mecklenburg-Vorpommern");
    // the Land's name went with the move (it stays only where the organisation's own name has it)
    expect(text.split("Saarland").length).toBe(saarlandBefore - 1);
  });
});

async function sessionsOf(eventId: number) {
  return queryRows<{ startsAt: Date; endsAt: Date }>(
    db(),
    sql`select starts_at as "startsAt", ends_at as "endsAt" from event_session where event_id = ${eventId}`,
  ).then((rows) => rows.map((r) => ({ startsAt: new Date(r.startsAt), endsAt: new Date(r.endsAt) })));
}

async function searchExtraOf(eventId: number): Promise<string> {
  const [row] = await queryRows<{ text: string }>(db(), sql`select search_extra as text from event where id = ${eventId}`);
  return row?.text ?? "";
}
