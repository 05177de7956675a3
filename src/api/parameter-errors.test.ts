import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { ApiError } from "./api.schemas.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** Every place that takes the programme filter: the API, the four feeds and the two exports. */
const filterPaths = [
  "/api/v1/events",
  "/feeds/events.ics",
  "/feeds/events.rss",
  "/feeds/events.atom",
  "/feeds/events.json",
  "/export/events.csv",
  "/export/events.xlsx",
];

async function refusal(url: string) {
  const res = await t.app.inject(url);
  expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(400);
  expect(res.headers["content-type"], url).toMatch(/^application\/json/);
  return ApiError.parse(res.json()).error;
}

describe("bad filters: one error shape and one code in the API, the feeds and the exports", () => {
  const cases: [string, string[]][] = [
    ["state=XX", ["state"]],
    ["format=nope&topic=nope&mode=boat", ["format", "mode", "topic"]],
    ["day=2019-05-01&org=no-such-org", ["day", "org"]],
    ["edition=1999", ["edition"]],
    ["free=maybe", ["free"]],
    ["lang=fr", ["lang"]],
    // Empty values are outside the document's enums like any other value.
    ["lang=", ["lang"]],
    ["free=", ["free"]],
    ["edition=", ["edition"]],
    ["state=&format=", ["format", "state"]],
  ];

  it.each(cases)("?%s answers 400 invalid_parameter naming %j, the same everywhere", async (query, names) => {
    const [api, ...others] = await Promise.all(filterPaths.map((path) => refusal(`${path}?${query}`)));
    if (!api) throw new Error("no API answer");
    expect(api.code).toBe("invalid_parameter");
    expect(Object.keys(api.fields).sort()).toEqual(names);
    for (const [i, other] of others.entries()) {
      const path = filterPaths[i + 1];
      expect(other.code, path).toBe("invalid_parameter");
      expect(Object.keys(other.fields).sort(), path).toEqual(names);
      expect(other, path).toEqual(api);
    }
  });

  it("says what a filter allows, with the values from the data", async () => {
    const error = await refusal("/feeds/events.ics?state=XX&mode=boat&free=");
    expect(error.message).toBe("Invalid query parameter: state, mode, free");
    expect(error.fields.state).toMatch(/^unknown value "XX"; allowed: state codes: BW, BY, .*online/);
    expect(error.fields.mode).toBe('unknown value "boat"; allowed: onsite, online, hybrid');
    expect(error.fields.free).toBe("empty value; allowed: true, false, 0, 1");
  });

  it("answers the other API parameters with the same code: schema-checked query and path parameters, organisations, news", async () => {
    for (const url of [
      "/api/v1/events?pageSize=abc",
      "/api/v1/events/abc",
      "/api/v1/editions/abc",
      "/api/v1/editions?lang=",
      "/api/v1/organisations?state=XX",
      "/api/v1/organisations?edition=",
      "/api/v1/trade-fair-presences?edition=abc",
      "/api/v1/news?press=",
      "/api/v1/news?edition=abc",
    ]) {
      expect((await refusal(url)).code, url).toBe("invalid_parameter");
    }
    expect((await refusal("/api/v1/events/abc")).message).toBe("Invalid path parameter: id");
  });

  it("still takes every value the filters allow, and an empty search text", async () => {
    for (const path of filterPaths) {
      const res = await t.app.inject(`${path}?state=BW&state=by&mode=onsite,online&free=1&q=&lang=en`);
      expect(res.statusCode, path).toBe(200);
    }
  });
});
