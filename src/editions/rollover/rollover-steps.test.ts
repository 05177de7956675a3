import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import type { Database } from "../../db/client.ts";
import { edition, stateIntro } from "../../db/schema/index.ts";
import { rolloverSteps } from "./rollover-steps.ts";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

async function newEdition(year: number) {
  const [row] = await database.db
    .insert(edition)
    .values({ year, titleDe: `CW ${year}`, titleEn: `CW ${year}`, startsOn: `${year}-04-06`, endsOn: `${year}-04-15` })
    .returning();
  if (!row) throw new Error("no edition");
  return row;
}

describe("rolloverSteps", () => {
  it("have distinct keys and labels in both languages", () => {
    const keys = rolloverSteps.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const step of rolloverSteps) expect(step.label.de && step.label.en).toBeTruthy();
  });

  it("preview what copy then copies, and copying again adds nothing", async () => {
    const from = await newEdition(2041);
    const to = await newEdition(2042);
    await database.db.insert(stateIntro).values([
      { editionId: from.id, stateCode: "BW", introDe: "Willkommen in BW", introEn: "Welcome to BW" },
      { editionId: from.id, stateCode: "BY", introDe: "Servus", introEn: "Hello" },
    ]);
    const step = rolloverSteps.find((s) => s.key === "stateIntros");
    if (!step) throw new Error("no stateIntros step");
    expect(await step.preview({ db: database.db, from })).toMatchObject({ count: 2 });
    const run = () => database.db.transaction((tx) => step.copy({ tx, from, to, shiftDays: 364, now: new Date() }));
    expect((await run()).count).toBe(2);
    expect((await run()).count).toBe(0);
    const copied = await database.db.select().from(stateIntro).where(eq(stateIntro.editionId, to.id));
    expect(copied.map((r) => [r.stateCode, r.introDe]).sort()).toEqual([
      ["BW", "Willkommen in BW"],
      ["BY", "Servus"],
    ]);
    const taxonomies = rolloverSteps.find((s) => s.key === "taxonomies");
    expect((await taxonomies?.preview({ db: database.db, from }))?.count).toBeGreaterThan(0);
  });
});
