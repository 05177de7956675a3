import SwaggerParser from "@apidevtools/swagger-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { currentYear } from "../../test/template.ts";
import { ApiError } from "./api.schemas.ts";
import { EditionBody, EditionList, EditionStatistics } from "./editions.schemas.ts";
import { OrganisationDetail, OrganisationList, TradeFairPresenceList } from "./organisations.schemas.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function get(url: string, status = 200) {
  const res = await t.app.inject(url);
  expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(status);
  return res;
}

describe("OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document describing every API path, feed and export", async () => {
    const res = await get("/api/openapi.json");
    const doc = res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBe("Clusterwoche API");
    expect(doc.servers).toEqual([{ url: "http://localhost:3000" }]);
    await SwaggerParser.validate(structuredClone(doc));
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/api/v1/editions",
      "/api/v1/editions/{year}",
      "/api/v1/editions/{year}/statistics",
      "/api/v1/events",
      "/api/v1/events/{id}",
      "/api/v1/events/{id}/cancel",
      "/api/v1/events/{id}/submit",
      "/api/v1/me",
      "/api/v1/me/events",
      "/api/v1/news",
      "/api/v1/news/{slug}",
      "/api/v1/organisations",
      "/api/v1/organisations/{slug}",
      "/api/v1/trade-fair-presences",
      "/export/events.csv",
      "/export/events.xlsx",
      "/feeds/events.atom",
      "/feeds/events.ics",
      "/feeds/events.json",
      "/feeds/events.rss",
    ]);
    const params = doc.paths["/api/v1/events"].get.parameters.map((p: { name: string }) => p.name);
    for (const name of [
      "q",
      "edition",
      "state",
      "format",
      "topic",
      "mode",
      "day",
      "org",
      "free",
      "lang",
      "target",
      "language",
      "page",
      "pageSize",
    ]) {
      expect(params).toContain(name);
    }
  });

  it("has a docs page served from our own origin", async () => {
    const res = await get("/api/docs/");
    expect(res.headers["content-type"]).toMatch(/text\/html/);
    const refs = [...res.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? "");
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ref, ref).not.toMatch(/^(https?:)?\/\//);
    expect(res.body).not.toMatch(/<script>(?!\s*<\/script>)|<script [^>]*>[^<\s]/);
    const initializer = await get("/api/docs/static/swagger-initializer.js");
    expect(initializer.body).toContain("/api/openapi.json");
    // Only a comment links elsewhere; nothing is loaded from another origin (no validator badge).
    expect(initializer.body.replace(/^\s*\/\/.*$/gm, "")).not.toMatch(/https?:\/\//);
    await get("/api/docs/static/swagger-ui-bundle.js");
  });
});

describe("editions", () => {
  it("lists the editions, newest first, with the current one marked", async () => {
    const body = EditionList.parse((await get("/api/v1/editions")).json());
    expect(body.data.map((e) => e.year)).toEqual([currentYear, 2019, 2017]);
    expect(body.data.filter((e) => e.current).map((e) => e.year)).toEqual([currentYear]);
  });

  it("gives one edition, 404 for an unknown year and 400 for a malformed one", async () => {
    const edition = EditionBody.parse((await get("/api/v1/editions/2019?lang=en")).json());
    expect(edition.days[0]).toBe(edition.startsOn);
    expect(ApiError.parse((await get("/api/v1/editions/1999", 404)).json()).error.code).toBe("not_found");
    expect(ApiError.parse((await get("/api/v1/editions/abc", 400)).json()).error.fields).toHaveProperty("year");
  });

  it("counts public events by state, day, format and mode", async () => {
    const stats = EditionStatistics.parse((await get("/api/v1/editions/2019/statistics")).json());
    const list = (await get("/api/v1/events?edition=2019&pageSize=1")).json();
    expect(stats.total).toBe(list.meta.total);
    const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
    expect(sum(stats.byFormat)).toBe(stats.total);
    expect(sum(stats.byMode)).toBe(stats.total);
    expect(stats.byState.BW).toBeGreaterThan(0);
    expect(Object.keys(stats.byDay).every((d) => d.startsWith("2019-04-"))).toBe(true);
  });
});

describe("organisations and trade-fair presences", () => {
  it("lists organisations with their event counts and gives each one", async () => {
    const body = OrganisationList.parse((await get("/api/v1/organisations")).json());
    expect(body.edition).toBe(currentYear);
    expect(body.data.length).toBeGreaterThan(10);
    const first = body.data[0];
    if (!first) throw new Error("no organisation");
    const org = OrganisationDetail.parse((await get(`/api/v1/organisations/${first.slug}?lang=en`)).json());
    expect(org.name).toBe(first.name);
    const events = (await get(`/api/v1/events?org=${first.slug}&pageSize=100`)).json();
    expect(events.meta.total).toBe(first.events);
  });

  it("answers 404 for an unknown organisation and 400 for a malformed slug or edition", async () => {
    expect(ApiError.parse((await get("/api/v1/organisations/no-such-org", 404)).json()).error.code).toBe("not_found");
    expect(ApiError.parse((await get("/api/v1/organisations/Bad%20Slug", 400)).json()).error.fields).toHaveProperty("slug");
    expect(ApiError.parse((await get("/api/v1/organisations?edition=1999", 400)).json()).error.fields).toHaveProperty("edition");
  });

  it("lists the booths of an edition", async () => {
    const body = TradeFairPresenceList.parse((await get("/api/v1/trade-fair-presences?edition=2019")).json());
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.every((b) => b.fair && b.organisation.slug)).toBe(true);
    expect(ApiError.parse((await get("/api/v1/trade-fair-presences?edition=abc", 400)).json()).error.fields).toHaveProperty("edition");
  });

  it("answers JSON 404 for an unknown API path, with CORS for reads", async () => {
    const res = await t.app.inject({ url: "/api/v1/nothing", headers: { origin: "https://land.example" } });
    expect(res.statusCode).toBe(404);
    expect(ApiError.parse(res.json()).error.code).toBe("not_found");
    const ok = await t.app.inject({ url: "/api/v1/editions", headers: { origin: "https://land.example" } });
    expect(ok.headers["access-control-allow-origin"]).toBe("*");
  });
});

describe("links to the web", () => {
  const path = (url: string) => {
    expect(url.startsWith("http://localhost:3000/"), url).toBe(true);
    return url.slice("http://localhost:3000".length);
  };

  it("events carry the url of their public page and of their .ics, which answer", async () => {
    const list = (await get("/api/v1/events?pageSize=3")).json();
    for (const e of list.data) {
      expect((await get(path(e.url))).headers["content-type"]).toMatch(/^text\/html/);
      expect((await get(path(e.icsUrl))).headers["content-type"]).toMatch(/^text\/calendar/);
      const detail = (await get(`/api/v1/events/${e.id}`)).json();
      expect([detail.url, detail.icsUrl]).toEqual([e.url, e.icsUrl]);
    }
  });

  it("organisations and editions carry the url of their page, which answers", async () => {
    const orgs = OrganisationList.parse((await get("/api/v1/organisations")).json());
    const first = orgs.data[0];
    if (!first) throw new Error("no organisation");
    expect(first.url).toBe(`http://localhost:3000/organisationen/${first.slug}`);
    expect(OrganisationDetail.parse((await get(`/api/v1/organisations/${first.slug}`)).json()).url).toBe(first.url);
    await get(path(first.url));
    for (const edition of EditionList.parse((await get("/api/v1/editions")).json()).data) {
      expect((await get(path(edition.url))).body).toContain(String(edition.year));
    }
  });
});
