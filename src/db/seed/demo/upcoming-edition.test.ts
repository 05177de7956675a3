import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../../accounts/passwords.ts";
import { submissionWindowState } from "../../../editions/edition-rules.ts";
import { type Database, openPglite } from "../../client.ts";
import { edition, event, eventHistory, membership, reviewDecision, tradeFairPresence, user } from "../../schema/index.ts";
import { attendanceModes, ensureReferenceData, formats, states } from "../reference-data.ts";
import { seedDemoUsers } from "./demo-users.ts";
import { seedDemo } from "./seed-demo.ts";
import { upcomingEdition } from "./upcoming-edition.ts";

const today = new Date("2026-12-01T09:00:00Z");

describe("upcomingEdition (dates from the seeding's today)", () => {
  it("is the next April week after today on the 2019 frame's weekday, open today", () => {
    const { draft, shiftDays } = upcomingEdition(today);
    expect([draft.year, draft.startsOn, draft.endsOn]).toEqual([2027, "2027-04-06", "2027-04-15"]);
    expect(shiftDays % 7).toBe(0);
    expect(draft.titleDe).toBe("Clusterwoche Deutschland 2027");
    expect(draft.hashtag).toBe("#Clusterwoche2027");
    expect(
      submissionWindowState(
        {
          status: draft.status ?? "planning",
          submissionOpensAt: draft.submissionOpensAt ?? null,
          submissionClosesAt: draft.submissionClosesAt ?? null,
        },
        today,
      ),
    ).toBe("open");
  });

  it("moves on with the clock and is open on any day, even just before the week", () => {
    for (const now of ["2027-03-30T10:00:00Z", "2027-04-05T10:00:00Z", "2027-06-01T10:00:00Z", "2031-01-15T10:00:00Z"].map(
      (d) => new Date(d),
    )) {
      const { draft } = upcomingEdition(now);
      expect(draft.startsOn > now.toISOString().slice(0, 10), now.toISOString()).toBe(true);
      expect(draft.startsOn.slice(5, 7)).toBe("04");
      const window = {
        status: "open" as const,
        submissionOpensAt: draft.submissionOpensAt ?? null,
        submissionClosesAt: draft.submissionClosesAt ?? null,
      };
      expect(submissionWindowState(window, now), now.toISOString()).toBe("open");
    }
    expect(upcomingEdition(new Date("2027-06-01T10:00:00Z")).draft.year).toBe(2028);
  });
});

describe("seedDemo: the upcoming edition", { timeout: 120_000 }, () => {
  let database: Database;
  let id: number;
  const rows = () => database.db.select().from(event).where(eq(event.editionId, id));

  beforeAll(async () => {
    database = await openPglite();
    await database.migrate();
    await ensureReferenceData(database.db);
    await seedDemo(database.db, { now: today });
    const [row] = await database.db.select().from(edition).where(eq(edition.year, 2027));
    if (!row) throw new Error("no 2027 edition");
    id = row.id;
  }, 120_000);

  afterAll(async () => {
    await database?.close();
  });

  it("is the only edition open for submissions; 2017 and 2019 are archived", async () => {
    const all = await database.db.select({ year: edition.year, status: edition.status }).from(edition).orderBy(edition.year);
    expect(all).toEqual([
      { year: 2017, status: "archived" },
      { year: 2019, status: "archived" },
      { year: 2027, status: "open" },
    ]);
  });

  it("has about 200 counted events over all 16 Länder, BW strongest, every format and mode, ~40 booths", async () => {
    const counted = (await rows()).filter((r) => r.status === "published" || r.status === "cancelled");
    expect(counted.length).toBeGreaterThanOrEqual(185);
    expect(counted.length).toBeLessThanOrEqual(215);
    const perState = new Map<string, number>();
    for (const r of counted) perState.set(r.stateCode, (perState.get(r.stateCode) ?? 0) + 1);
    for (const [code] of states) expect(perState.get(code), code).toBeGreaterThan(0);
    const bw = perState.get("BW") ?? 0;
    for (const [code, n] of perState) if (code !== "BW" && code !== "NI") expect(n, code).toBeLessThan(bw);
    const published = counted.filter((r) => r.status === "published");
    expect(new Set(published.map((r) => r.formatCode))).toEqual(new Set(formats.map(([code]) => code)));
    expect(new Set(published.map((r) => r.mode))).toEqual(new Set(attendanceModes.map(([code]) => code)));
    expect(counted.filter((r) => r.partnerCountries.length > 0).length).toBeGreaterThanOrEqual(5);
    expect(counted.filter((r) => r.status === "cancelled" && r.cancelReason).length).toBeGreaterThanOrEqual(3);
    const booths = await database.db.select().from(tradeFairPresence).where(eq(tradeFairPresence.editionId, id));
    expect(booths.length).toBeGreaterThanOrEqual(35);
    expect(booths.length).toBeLessThanOrEqual(45);
  });

  it("dates every session inside the new week and links opening and closing", async () => {
    for (const r of await rows()) for (const d of r.days) expect(d >= "2027-04-05" && d <= "2027-04-15", `${r.titleDe} ${d}`).toBe(true);
    const [frame] = await database.db.select().from(edition).where(eq(edition.id, id));
    const roles = await database.db
      .select({ days: event.days, title: event.titleDe })
      .from(event)
      .where(inArray(event.id, [frame?.openingEventId ?? 0, frame?.closingEventId ?? 0]));
    expect(roles.map((r) => r.days[0]).sort()).toEqual(["2027-04-06", "2027-04-15"]);
    expect(roles.some((r) => r.title.includes("2027"))).toBe(true);
  });

  it("dates nothing after today: created, submitted, published, cancelled, history", async () => {
    for (const r of await rows()) {
      for (const at of [r.createdAt, r.updatedAt, r.publishedAt, r.cancelledAt, r.submittedAt]) {
        if (at) expect(at.getTime(), r.titleDe).toBeLessThanOrEqual(today.getTime());
      }
      if (r.publishedAt) expect(r.publishedAt.getTime()).toBeGreaterThanOrEqual(r.createdAt.getTime());
    }
    const [latest] = await database.db.select({ at: sql<Date>`max(${eventHistory.at})` }).from(eventHistory);
    expect(new Date(latest?.at ?? 0).getTime()).toBeLessThanOrEqual(today.getTime());
  });

  it("has drafts, submissions waiting (some past the review target) and changes requested with the message", async () => {
    const all = await rows();
    const submitted = all.filter((r) => r.status === "submitted");
    expect(submitted.length).toBeGreaterThanOrEqual(10);
    expect(all.filter((r) => r.status === "draft").length).toBeGreaterThanOrEqual(5);
    const ages = submitted.map((r) => (today.getTime() - (r.submittedAt?.getTime() ?? today.getTime())) / 86_400_000);
    expect(ages.some((a) => a > 5)).toBe(true);
    expect(ages.some((a) => a < 5)).toBe(true);
    const history = await database.db
      .select({ eventId: eventHistory.eventId, action: eventHistory.action })
      .from(eventHistory)
      .where(
        inArray(
          eventHistory.eventId,
          submitted.map((r) => r.id),
        ),
      );
    for (const r of submitted) expect(history.filter((h) => h.eventId === r.id).map((h) => h.action)).toEqual(["create", "submit"]);
    const changes = all.filter((r) => r.status === "changes_requested");
    expect(changes.length).toBeGreaterThanOrEqual(3);
    const decisions = await database.db
      .select()
      .from(reviewDecision)
      .where(
        inArray(
          reviewDecision.eventId,
          changes.map((r) => r.id),
        ),
      );
    expect(decisions.length).toBe(changes.length);
    for (const d of decisions) {
      expect(d.action).toBe("request_changes");
      expect(d.message?.length).toBeGreaterThan(20);
      expect(d.fields.length).toBeGreaterThan(0);
    }
  });

  it("creates one demo account per role once, passwords that work, the organiser in an organisation with work waiting", async () => {
    const created = await seedDemoUsers(database.db);
    expect(created.map((a) => a.role)).toEqual(["organiser", "coordinator", "editor", "admin"]);
    expect(await seedDemoUsers(database.db)).toEqual([]);
    for (const account of created) {
      const [row] = await database.db.select().from(user).where(eq(user.email, account.email));
      expect(row?.role).toBe(account.role);
      expect(await verifyPassword(row?.passwordHash, account.password)).toBe(true);
    }
    const organiser = created[0];
    const [row] = await database.db
      .select({ statuses: sql<string[]>`array_agg(distinct ${event.status}::text order by ${event.status}::text)` })
      .from(membership)
      .innerJoin(user, eq(user.id, membership.userId))
      .innerJoin(event, and(eq(event.organisationId, membership.organisationId), eq(event.editionId, id)))
      .where(eq(user.email, organiser?.email ?? ""));
    expect(row?.statuses).toEqual(expect.arrayContaining(["changes_requested", "draft", "published"]));
  });
});
