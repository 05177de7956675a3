import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/database.ts";
import { type Database, queryRows } from "../db/client.ts";
import { countProgrammeFacets } from "./list-programme.ts";
import { emptyFilter, type ProgrammeFilter } from "./programme-filter.ts";

let database: Database;
let edition: { id: number; year: number };
beforeAll(async () => {
  database = await openTestDatabase();
  const [row] = await queryRows<{ id: number; year: number }>(database.db, sql`select id, year from edition order by year desc limit 1`);
  if (!row) throw new Error("the test database has no edition");
  edition = row;
});
afterAll(async () => database?.close());

const total = async (filter: ProgrammeFilter) => (await countProgrammeFacets(database.db, edition.id, filter)).total;

describe("countProgrammeFacets", () => {
  it("gives each value of a dimension the total that choosing it instead would give, with three filters set", async () => {
    const filter: ProgrammeFilter = { ...emptyFilter(edition.year), state: ["BW"], format: ["workshop"], mode: ["onsite"] };
    const { facets } = await countProgrammeFacets(database.db, edition.id, filter);
    // Siblings of the chosen state and format come from rows that fail exactly one filter.
    expect(facets.state.size).toBeGreaterThan(1);
    expect(facets.format.size).toBeGreaterThan(1);
    for (const dimension of ["state", "format", "mode", "org"] as const) {
      const values = [...facets[dimension]].filter(([value]) => value !== "online");
      for (const [value, count] of values) {
        expect(await total({ ...filter, [dimension]: [value] }), `${dimension}=${value}`).toBe(count);
      }
    }
  });

  it("counts the other dimensions over the rows matching every filter", async () => {
    const filter: ProgrammeFilter = { ...emptyFilter(edition.year), state: ["BW"], format: ["workshop"], q: "Workshop" };
    const { total: all, facets } = await countProgrammeFacets(database.db, edition.id, filter);
    expect(all).toBeGreaterThan(0);
    const days = [...facets.day];
    expect(days.length).toBeGreaterThan(0);
    for (const [day, count] of days) expect(await total({ ...filter, day: [day] }), day).toBe(count);
  });
});
