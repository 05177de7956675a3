import { asc, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/database.ts";
import type { Database } from "./client.ts";
import { insertJsonRows } from "./insert-json-rows.ts";
import { event, eventHistory, venue } from "./schema/index.ts";

let database: Database;
let eventId: number;
beforeAll(async () => {
  database = await openTestDatabase();
  const [first] = await database.db.select({ id: event.id }).from(event).orderBy(asc(event.id)).limit(1);
  if (!first) throw new Error("the template has no event");
  eventId = first.id;
});
afterAll(() => database.close());

const venues = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => ({
    name: `${tag} Halle ${i} „Süd“ 'x' \\ \n`,
    street: i % 2 ? "Hauptstraße 1" : "",
    postalCode: "70174",
    city: "Stuttgart",
    stateCode: i % 3 ? "BW" : null,
    country: "DE",
    latitude: i % 2 ? 48.7758 + i / 1000 : null,
    longitude: i % 2 ? 9.1829 : null,
  }));

const withoutIds = <T extends { id: number }>(rows: T[]) => rows.map(({ id: _id, ...rest }) => rest);

describe("insertJsonRows", () => {
  it("writes what drizzle's insert writes, and returns the ids in the order of the rows", async () => {
    const viaDrizzle = await database.db.insert(venue).values(venues(40, "A")).returning({ id: venue.id });
    const viaJson = await insertJsonRows(database.db, venue, venues(40, "A"));
    expect(viaJson).toHaveLength(40);
    const read = async (ids: number[]) => database.db.select().from(venue).where(inArray(venue.id, ids)).orderBy(asc(venue.id));
    const a = await read(viaDrizzle.map((r) => r.id));
    const b = await read(viaJson);
    expect(withoutIds(b)).toEqual(withoutIds(a));
    // Each returned id is the row at that position.
    expect(b.map((r) => r.id)).toEqual(viaJson);
    expect(b.map((r) => r.name)).toEqual(venues(40, "A").map((v) => v.name));
  });

  it("writes jsonb, timestamps and NULL as drizzle does, and leaves columns no row gives to their default", async () => {
    const at = new Date("2032-04-13T08:30:00.123Z");
    const changes = [
      { field: "checks", old: [], new: [{ code: "x", severity: "warning", params: { title: '„Ä“ \\ "q"' } }] },
      { field: "status", old: "draft", new: "submitted" },
    ];
    const rows = [
      { eventId, userId: null, action: "create", changes, at },
      { eventId, userId: null, action: "submit", changes: [], at },
    ];
    const [d1, d2] = await database.db.insert(eventHistory).values(rows).returning();
    const ids = await insertJsonRows(database.db, eventHistory, rows);
    const json = await database.db.select().from(eventHistory).where(inArray(eventHistory.id, ids)).orderBy(asc(eventHistory.id));
    expect(withoutIds(json)).toEqual(withoutIds([d1, d2].flatMap((r) => (r ? [r] : []))));
    const before = new Date();
    const [defaulted] = await insertJsonRows(database.db, eventHistory, [{ eventId, action: "note" }]);
    const [row] = await database.db
      .select()
      .from(eventHistory)
      .where(inArray(eventHistory.id, [defaulted ?? 0]));
    expect(row).toMatchObject({ changes: [], userId: null, action: "note" });
    expect(row?.at.getTime()).toBeGreaterThanOrEqual(before.getTime() - 60_000);
  });

  it("refuses a column with a default that only some rows give (JSON would write NULL where drizzle writes the default)", async () => {
    await expect(
      insertJsonRows(database.db, eventHistory, [
        { eventId, action: "a", changes: [] },
        { eventId, action: "b" },
      ]),
    ).rejects.toThrow(/event_history\.changes is given for some rows only/);
    expect(await insertJsonRows(database.db, venue, [])).toEqual([]);
  });
});
