import SwaggerParser from "@apidevtools/swagger-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const feeds = {
  "/feeds/events.ics": "text/calendar",
  "/feeds/events.rss": "application/rss+xml",
  "/feeds/events.atom": "application/atom+xml",
  "/feeds/events.json": "application/feed+json",
  "/export/events.csv": "text/csv",
  "/export/events.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

type Operation = {
  parameters: { name: string; in: string }[];
  responses: Record<string, { content: Record<string, { schema: unknown }> }>;
};

describe("feeds in the OpenAPI document", () => {
  it("describes every feed and export with the programme filters and its content type", async () => {
    const doc = (await t.app.inject("/api/openapi.json")).json();
    await SwaggerParser.validate(structuredClone(doc));
    for (const [path, type] of Object.entries(feeds)) {
      const get = doc.paths[path]?.get as Operation | undefined;
      expect(get, path).toBeDefined();
      if (!get) continue;
      expect(doc.paths[path].head, path).toBeUndefined();
      const params = get.parameters.filter((p) => p.in === "query").map((p) => p.name);
      expect(params.sort(), path).toEqual([
        "day",
        "edition",
        "format",
        "free",
        "lang",
        "language",
        "mode",
        "org",
        "q",
        "state",
        "target",
        "topic",
      ]);
      expect(Object.keys(get.responses["200"]?.content ?? {}), path).toEqual([type]);
      expect(Object.keys(get.responses["400"]?.content ?? {}), path).toEqual(["application/json"]);
    }
  });

  it("only documents: the feeds still take any value to loadFeed and answer as before", async () => {
    // A schema would have made Fastify coerce or reject these before the feed's own strict check.
    const unknown = await t.app.inject("/feeds/events.rss?state=XX&extra=1");
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({ state: expect.stringMatching(/^unknown value "XX"; allowed: state codes: BW, /) });
    const repeated = await t.app.inject("/export/events.csv?state=BW&state=BY&free=true");
    expect(repeated.statusCode).toBe(200);
    expect(repeated.headers["content-type"]).toBe("text/csv; charset=utf-8");
  });
});
