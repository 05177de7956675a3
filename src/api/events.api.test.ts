import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { currentYear } from "../../test/template.ts";
import { queryRows } from "../db/client.ts";
import { ApiError } from "./api.schemas.ts";
import { EventDetail, EventList } from "./events.schemas.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function list(query: string) {
  const res = await t.app.inject(`/api/v1/events${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return EventList.parse(res.json());
}

async function invalid(query: string) {
  const res = await t.app.inject(`/api/v1/events${query}`);
  expect(res.statusCode, res.body).toBe(400);
  expect(res.headers["content-type"]).toMatch(/application\/json/);
  return ApiError.parse(res.json()).error;
}

describe("GET /api/v1/events", () => {
  it("lists the current edition's public events, 20 per page, with absolute page links", async () => {
    const body = await list("");
    expect(body.meta).toMatchObject({ page: 1, pageSize: 20 });
    expect(body.meta.total).toBeGreaterThan(150);
    expect(body.meta.pages).toBe(Math.ceil(body.meta.total / 20));
    expect(body.data).toHaveLength(20);
    expect(body.links.self).toBe("http://localhost:3000/api/v1/events?page=1&pageSize=20");
    expect(body.links.next).toBe("http://localhost:3000/api/v1/events?page=2&pageSize=20");
    expect(body.links.prev).toBeNull();
    const starts = body.data.map((e) => e.startsAt);
    expect([...starts].sort()).toEqual(starts);
  });

  it("follows next links through the whole programme without repeating an event", async () => {
    const first = await list("?state=NI&pageSize=15");
    const second = await list(`?${new URL(first.links.next ?? "").searchParams}`);
    expect(second.meta.page).toBe(2);
    expect(second.links.prev).toContain("state=NI");
    expect(second.links.prev).toContain("page=1");
    const ids = new Set([...first.data, ...second.data].map((e) => e.id));
    expect(ids.size).toBe(first.data.length + second.data.length);
    const last = await list(`?state=NI&pageSize=15&page=${first.meta.pages}`);
    expect(last.links.next).toBeNull();
    expect(15 * (first.meta.pages - 1) + last.data.length).toBe(first.meta.total);
  });

  it("caps pageSize at 100 instead of refusing it", async () => {
    const body = await list("?pageSize=5000");
    expect(body.meta.pageSize).toBe(100);
    expect(body.data).toHaveLength(100);
  });

  it("answers an empty page past the end", async () => {
    const body = await list("?page=999");
    expect(body.data).toEqual([]);
    expect(body.links.next).toBeNull();
  });

  it("filters by state and format together", async () => {
    const body = await list("?state=BW&format=workshop&pageSize=100");
    expect(body.meta.total).toBeGreaterThan(0);
    for (const e of body.data) expect([e.state, e.format]).toEqual(["BW", "workshop"]);
  });

  it("filters by mode, day, free, language and organisation", async () => {
    const online = await list("?mode=online&pageSize=100");
    expect(online.data.every((e) => e.mode === "online")).toBe(true);
    // A day of the current edition's week (6.–15. April in the pinned template).
    const aDay = `${currentYear}-04-07`;
    const day = await list(`?day=${aDay}&pageSize=100`);
    expect(day.meta.total).toBeGreaterThan(0);
    expect(day.data.every((e) => e.days.includes(aDay))).toBe(true);
    const free = await list("?free=true&pageSize=100");
    expect(free.data.every((e) => e.isFree)).toBe(true);
    const english = await list("?language=en&pageSize=100");
    expect(english.data.every((e) => e.languages.includes("en"))).toBe(true);
    const org = online.data[0]?.organisation.slug ?? "";
    const byOrg = await list(`?org=${org}&pageSize=100`);
    expect(byOrg.meta.total).toBeGreaterThan(0);
    expect(byOrg.data.every((e) => e.organisation.slug === org)).toBe(true);
  });

  it("finds events by text", async () => {
    const body = await list("?q=Kunststoff");
    expect(body.meta.total).toBeGreaterThan(0);
    expect(body.data.some((e) => /kunststoff/i.test(`${e.title} ${e.summary}`))).toBe(true);
  });

  it("gives English texts with lang=en where the event has them", async () => {
    const [de, en] = await Promise.all([list("?pageSize=100"), list("?pageSize=100&lang=en")]);
    expect(en.data.map((e) => e.id)).toEqual(de.data.map((e) => e.id));
    expect(en.data.some((e, i) => e.title !== de.data[i]?.title)).toBe(true);
  });

  it("names each parameter with an unknown value and what it allows", async () => {
    const error = await invalid("?state=XX&format=nope&topic=nope&mode=boat&day=2019-05-01&org=no-such-org&edition=1999");
    expect(error.code).toBe("invalid_parameter");
    expect(Object.keys(error.fields).sort()).toEqual(["day", "edition", "format", "mode", "org", "state", "topic"]);
    expect(error.fields.state).toContain("BW");
    expect(error.fields.mode).toContain("onsite");
  });

  it("refuses junk with 400, never a 5xx", async () => {
    const cases: [string, string][] = [
      [`?q=${"a".repeat(5000)}`, "q"],
      ["?page=-1", "page"],
      ["?pageSize=abc", "pageSize"],
      ["?pageSize=0", "pageSize"],
      ["?q=a&q=b", "q"],
      ["?free=maybe", "free"],
      ["?lang=fr", "lang"],
    ];
    for (const [query, param] of cases) expect(Object.keys((await invalid(query)).fields), query).toContain(param);
    const sql = await t.app.inject(`/api/v1/events?q=${encodeURIComponent("'; drop table event; --")}`);
    expect(sql.statusCode).toBe(200);
    EventList.parse(sql.json());
    const many = await t.app.inject(`/api/v1/events?${Array.from({ length: 50 }, () => "state=BW").join("&")}`);
    expect(many.statusCode).toBeLessThan(500);
  });

  it("allows any origin to read it, without cookies", async () => {
    const res = await t.app.inject({ url: "/api/v1/events?pageSize=1", headers: { origin: "https://land.example" } });
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    expect(res.headers["set-cookie"]).toBeUndefined();
  });
});

describe("GET /api/v1/events/{id}", () => {
  it("gives a public event with sessions, venue coordinates and organiser", async () => {
    const { data } = await list("?mode=onsite&pageSize=1");
    const id = data[0]?.id ?? 0;
    const res = await t.app.inject(`/api/v1/events/${id}`);
    expect(res.statusCode).toBe(200);
    const e = EventDetail.parse(res.json());
    expect(e.id).toBe(id);
    expect(e.sessions.length).toBeGreaterThan(0);
    expect(e.venue?.latitude).toEqual(expect.any(Number));
    expect(e.organisation.slug).toBe(data[0]?.organisation.slug);
    expect(e.links.page).toMatch(/^http:\/\/localhost:3000\/veranstaltungen\//);
  });

  it("answers 404 JSON for an unknown or unpublished event and 400 for a malformed id", async () => {
    const [draft] = await queryRows<{ id: number }>(
      t.database.db,
      sql`select id from event where status not in ('published', 'cancelled') limit 1`,
    );
    const draftId = draft?.id ?? 99_999_999;
    for (const id of [99_999_999, draftId]) {
      const res = await t.app.inject(`/api/v1/events/${id}`);
      expect(res.statusCode).toBe(404);
      expect(ApiError.parse(res.json()).error.code).toBe("not_found");
    }
    for (const id of ["abc", "0", "99999999999999"]) {
      const res = await t.app.inject(`/api/v1/events/${id}`);
      expect(res.statusCode, id).toBe(400);
      expect(ApiError.parse(res.json()).error.fields).toHaveProperty("id");
    }
  });
});
