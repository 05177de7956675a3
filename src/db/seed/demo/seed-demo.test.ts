import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openPglite } from "../../client.ts";
import { edition, event, eventSession, tradeFairPresence, venue } from "../../schema/index.ts";
import { attendanceModes, ensureReferenceData, formats, states } from "../reference-data.ts";
import { type DemoCounts, seedDemo } from "./seed-demo.ts";

const today = new Date("2026-12-01T09:00:00Z");

async function seededDatabase(now = today): Promise<{ database: Database; counts: DemoCounts }> {
  const database = await openPglite();
  await database.migrate();
  await ensureReferenceData(database.db);
  const counts = await seedDemo(database.db, { now });
  return { database, counts };
}

async function editionId(database: Database, year: number): Promise<number> {
  const [row] = await database.db.select({ id: edition.id }).from(edition).where(eq(edition.year, year));
  if (!row) throw new Error(`edition ${year} missing`);
  return row.id;
}

describe("seedDemo", { timeout: 60_000 }, () => {
  let database: Database;
  let counts: DemoCounts;
  let id2019: number;

  beforeAll(async () => {
    ({ database, counts } = await seededDatabase());
    id2019 = await editionId(database, 2019);
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  const events2019 = () => database.db.select().from(event).where(eq(event.editionId, id2019));
  const published2019 = () =>
    database.db
      .select()
      .from(event)
      .where(and(eq(event.editionId, id2019), eq(event.status, "published")));

  it("reports what it seeded", () => {
    expect(counts.editions).toBe(3);
    expect(counts.organisations).toBeGreaterThanOrEqual(100);
    expect(counts.events).toBeGreaterThan(550);
    expect(counts.booths).toBeGreaterThanOrEqual(100);
  });

  it("does nothing the second time", async () => {
    const before = await database.db.select({ n: sql<number>`count(*)::int` }).from(event);
    expect(await seedDemo(database.db)).toEqual({ editions: 0, organisations: 0, events: 0, booths: 0 });
    const after = await database.db.select({ n: sql<number>`count(*)::int` }).from(event);
    expect(after).toEqual(before);
  });

  it("plans about 200 events for 2019, inside the week", async () => {
    const rows = await events2019();
    expect(rows.length).toBeGreaterThanOrEqual(180);
    expect(rows.length).toBeLessThanOrEqual(220);
    for (const row of rows) {
      expect(row.days.length).toBeGreaterThan(0);
      for (const day of row.days) expect(day >= "2019-04-02" && day <= "2019-04-11").toBe(true);
    }
  });

  it("publishes 2019 events in all 16 Länder, Baden-Württemberg strongest", async () => {
    const rows = await published2019();
    const perState = new Map<string, number>();
    for (const row of rows) perState.set(row.stateCode, (perState.get(row.stateCode) ?? 0) + 1);
    for (const [code] of states) expect(perState.get(code), code).toBeGreaterThan(0);
    expect(perState.get("BW")).toBeGreaterThan(50);
  });

  it("shows every format and attendance mode among the published 2019 events", async () => {
    const rows = await published2019();
    expect(new Set(rows.map((r) => r.formatCode))).toEqual(new Set(formats.map(([code]) => code)));
    expect(new Set(rows.map((r) => r.mode))).toEqual(new Set(attendanceModes.map(([code]) => code)));
  });

  it("lists at least 35 Hannover Messe booths in 2019, each with hall, booth and its own event", async () => {
    const booths = await database.db
      .select({ hall: tradeFairPresence.hall, booth: tradeFairPresence.booth, format: event.formatCode, state: event.stateCode })
      .from(tradeFairPresence)
      .innerJoin(event, eq(event.id, tradeFairPresence.eventId))
      .where(eq(tradeFairPresence.editionId, id2019));
    expect(booths.length).toBeGreaterThanOrEqual(35);
    for (const b of booths) {
      expect(b.hall).toMatch(/^Halle \d+$/);
      expect(b.booth).toMatch(/^[A-F]\d+(\/\d)?$/);
      expect(b.format).toBe("trade_fair_booth");
      expect(b.state).toBe("NI");
    }
  });

  it("places every on-site and hybrid event at a venue with coordinates, online ones at a URL", async () => {
    const rows = await database.db
      .select({ mode: event.mode, venueId: event.venueId, onlineUrl: event.onlineUrl, lat: venue.latitude, lon: venue.longitude })
      .from(event)
      .leftJoin(venue, eq(venue.id, event.venueId));
    for (const row of rows) {
      if (row.mode === "online") {
        expect(row.venueId).toBeNull();
        expect(row.onlineUrl).toMatch(/^https:\/\//);
      } else {
        expect(row.lat).toEqual(expect.any(Number));
        expect(row.lon).toEqual(expect.any(Number));
      }
    }
  });

  it("has cancelled, international, multi-session and waiting events in 2019", async () => {
    const rows = await events2019();
    const cancelled = rows.filter((r) => r.status === "cancelled");
    expect(cancelled.length).toBeGreaterThanOrEqual(3);
    for (const r of cancelled) expect(r.cancelledAt).toBeInstanceOf(Date);
    expect(rows.filter((r) => r.partnerCountries.length > 0).length).toBeGreaterThanOrEqual(5);
    expect(rows.filter((r) => r.stateCode === "international").length).toBeGreaterThanOrEqual(1);
    expect(rows.some((r) => r.status === "submitted")).toBe(true);
    expect(rows.some((r) => r.status === "draft")).toBe(true);

    const nonBooth = rows.filter((r) => r.formatCode !== "trade_fair_booth").map((r) => r.id);
    const sessions = await database.db
      .select({ eventId: eventSession.eventId, n: sql<number>`count(*)::int` })
      .from(eventSession)
      .where(inArray(eventSession.eventId, nonBooth))
      .groupBy(eventSession.eventId);
    expect(sessions.filter((s) => s.n > 1).length).toBeGreaterThanOrEqual(3);
  });

  it("offers what the search examples need: Kunststoff titles and workshops in Baden-Württemberg", async () => {
    const rows = await published2019();
    expect(rows.filter((r) => r.titleDe.includes("Kunststoff")).length).toBeGreaterThanOrEqual(3);
    expect(rows.filter((r) => r.formatCode === "workshop" && r.stateCode === "BW").length).toBeGreaterThanOrEqual(3);
    expect(rows.some((r) => r.titleDe.includes("Württemberg"))).toBe(true);
    expect(rows.filter((r) => r.titleEn).length).toBeGreaterThan(rows.length / 3);
  });

  it("links the 2019 opening at Hannover Messe and the closing conference in Berlin", async () => {
    const [frame] = await database.db.select().from(edition).where(eq(edition.id, id2019));
    const ids = [frame?.openingEventId ?? 0, frame?.closingEventId ?? 0];
    const rows = await database.db.select().from(event).where(inArray(event.id, ids)).orderBy(asc(event.id));
    expect(rows.map((r) => [r.stateCode, r.days])).toEqual([
      ["NI", ["2019-04-02"]],
      ["BE", ["2019-04-11"]],
    ]);
  });

  it("keeps 2019 as it happened: archived, 185 events in the programme (5 of them cancelled)", async () => {
    const [frame] = await database.db.select().from(edition).where(eq(edition.id, id2019));
    expect(frame?.status).toBe("archived");
    const rows = await events2019();
    expect(rows.filter((r) => r.status === "published").length).toBe(180);
    expect(rows.filter((r) => r.status === "cancelled").length).toBe(5);
  });

  it("archives a 2017 edition of about 170 events in 15 Länder", async () => {
    const id2017 = await editionId(database, 2017);
    const rows = await database.db.select().from(event).where(eq(event.editionId, id2017));
    expect(rows.length).toBeGreaterThanOrEqual(150);
    expect(rows.length).toBeLessThanOrEqual(190);
    expect(new Set(rows.map((r) => r.stateCode)).size).toBe(15);
    expect(rows.every((r) => r.status === "published" || r.status === "cancelled")).toBe(true);
  });

  it("seeds the same events on a fresh database", async () => {
    const other = await seededDatabase();
    try {
      const firstTwenty = (db: Database) =>
        db.db
          .select({ title: event.titleDe, startsAt: event.startsAt })
          .from(event)
          .where(ne(event.id, 0))
          .orderBy(asc(event.id))
          .limit(20);
      expect(await firstTwenty(other.database)).toEqual(await firstTwenty(database));
    } finally {
      await other.database.close();
    }
  });
});
