import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { type EditionBody, EditionList } from "./editions.schemas.ts";
import { type EventDetail, EventList } from "./events.schemas.ts";
import { OrganisationList, TradeFairPresenceList } from "./organisations.schemas.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function get(url: string) {
  const res = await t.app.inject(url);
  expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
  return res;
}
const events = async (query: string) => EventList.parse((await get(`/api/v1/events?pageSize=100&${query}`)).json());
const detail = async (id: number): Promise<EventDetail> => (await get(`/api/v1/events/${id}`)).json();

/** Paging and language are not filters; api.test.ts checks them. */
const notFilters = new Set(["lang", "page", "pageSize"]);

/** Every filter of the events API with a value from the data and what each result must satisfy. */
async function eventFilterCases(): Promise<Record<string, { query: string; holds: (e: EventDetail) => boolean }>> {
  const editions = EditionList.parse((await get("/api/v1/editions")).json()).data;
  const other = editions.find((e) => !e.current) as EditionBody;
  const all = await events("");
  const summary = all.data.find((e) => e.venue && e.languages.length);
  const sample = await detail(summary?.id ?? 0);
  const word = sample.title.split(/[^\p{L}]+/u).sort((a, b) => b.length - a.length)[0] ?? "";
  const day = summary?.days[0] ?? "";
  return {
    q: { query: `q=${encodeURIComponent(word)}`, holds: () => true },
    edition: { query: `edition=${other.year}`, holds: (e) => e.edition === other.year },
    state: { query: `state=${sample.state}`, holds: (e) => e.state === sample.state },
    format: { query: `format=${sample.format}`, holds: (e) => e.format === sample.format },
    topic: { query: `topic=${sample.topics[0]}`, holds: (e) => e.topics.includes(sample.topics[0] ?? "") },
    mode: { query: `mode=${sample.mode}`, holds: (e) => e.mode === sample.mode },
    target: { query: `target=${sample.targetGroups[0]}`, holds: (e) => e.targetGroups.includes(sample.targetGroups[0] ?? "") },
    day: { query: `day=${day}`, holds: (e) => all.data.find((s) => s.id === e.id)?.days.includes(day) ?? true },
    org: { query: `org=${sample.organisation.slug}`, holds: (e) => e.organisation.slug === sample.organisation.slug },
    free: { query: "free=true", holds: (e) => e.isFree },
    language: { query: "language=en", holds: (e) => e.languages.includes("en") },
  };
}

describe("every documented filter of every endpoint is honoured", () => {
  it("has a check here for each query parameter the OpenAPI document names", async () => {
    const doc = (await get("/api/openapi.json")).json();
    const cases = await eventFilterCases();
    const checked: Record<string, string[]> = {
      "/api/v1/events": Object.keys(cases),
      "/api/v1/organisations": ["edition", "state", "kind"],
      "/api/v1/trade-fair-presences": ["edition"],
      "/api/v1/me/events": ["status"], // checked in me.api.test.ts (needs a token)
      "/api/v1/news": ["edition", "press"], // checked in news.test.ts ("honours its filters")
    };
    for (const [path, item] of Object.entries<{ get?: { parameters?: { name: string; in: string }[] } }>(doc.paths)) {
      const filters = (item.get?.parameters ?? []).filter((p) => p.in === "query" && !notFilters.has(p.name)).map((p) => p.name);
      const covered = path.startsWith("/feeds/") || path.startsWith("/export/") ? Object.keys(cases) : (checked[path] ?? []);
      for (const name of filters) expect(covered, `${path} ?${name}`).toContain(name);
    }
  });

  it("events: each filter keeps only matching events, and fewer than all", async () => {
    const all = await events("");
    for (const [name, { query, holds }] of Object.entries(await eventFilterCases())) {
      const body = await events(query);
      expect(body.meta.total, name).toBeGreaterThan(0);
      if (name !== "edition") expect(body.meta.total, name).toBeLessThan(all.meta.total);
      for (const e of body.data.slice(0, 25)) expect(holds(await detail(e.id)), `${name}: event ${e.id}`).toBe(true);
    }
  });

  it("feeds and exports: each filter gives the same events as the API", async () => {
    for (const [name, { query }] of Object.entries(await eventFilterCases())) {
      const api = await events(query);
      const feed = (await get(`/feeds/events.json?${query}`)).json<{ items: unknown[] }>();
      expect(feed.items.length, `json feed ${name}`).toBe(api.meta.total);
      const csv = (await get(`/export/events.csv?${query}`)).body.trim().split("\r\n");
      expect(csv.length - 1, `csv ${name}`).toBe(api.meta.total);
    }
  });

  it("organisations: state and kind keep only matching organisations, edition names the edition", async () => {
    const all = OrganisationList.parse((await get("/api/v1/organisations")).json());
    const bw = OrganisationList.parse((await get("/api/v1/organisations?state=BW")).json());
    expect(bw.data.length).toBeGreaterThan(0);
    expect(bw.data.length).toBeLessThan(all.data.length);
    expect(bw.data.every((o) => o.state === "BW")).toBe(true);
    const two = OrganisationList.parse((await get("/api/v1/organisations?state=BW,by")).json());
    expect(new Set(two.data.map((o) => o.state))).toEqual(new Set(["BW", "BY"]));
    const kind = all.data[0]?.kind ?? "network";
    const ofKind = OrganisationList.parse((await get(`/api/v1/organisations?kind=${kind}&state=BW`)).json());
    expect(ofKind.data.every((o) => o.kind === kind && o.state === "BW")).toBe(true);
    const editions = EditionList.parse((await get("/api/v1/editions")).json()).data;
    const other = editions.find((e) => !e.current)?.year ?? 0;
    const past = OrganisationList.parse((await get(`/api/v1/organisations?edition=${other}`)).json());
    expect(past.edition).toBe(other);
    const pastEvents = await events(`edition=${other}`);
    expect(past.data.reduce((n, o) => n + o.events, 0)).toBe(pastEvents.meta.total);
    const bad = await t.app.inject("/api/v1/organisations?state=XX&kind=pub");
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(["kind", "state"]);
  });

  it("trade-fair presences: edition gives that edition's booths, in its year", async () => {
    const editions = EditionList.parse((await get("/api/v1/editions")).json()).data;
    for (const edition of editions) {
      const body = TradeFairPresenceList.parse((await get(`/api/v1/trade-fair-presences?edition=${edition.year}`)).json());
      expect(body.edition).toBe(edition.year);
      for (const b of body.data) for (const d of b.days) expect(d.slice(0, 4), `booth ${b.id}`).toBe(String(edition.year));
    }
  });
});
