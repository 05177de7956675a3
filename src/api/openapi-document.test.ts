import { createConfig, lintFromString } from "@redocly/openapi-core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { queryRows } from "../db/client.ts";
import { editionDays, listEditions } from "../editions/edition-queries.ts";
import { loadTaxonomies } from "../taxonomies/taxonomy-queries.ts";

// A BASE_URL as in production: the document's server must be it (Redocly refuses localhost).
const BASE_URL = "https://clusterwoche.test";
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ BASE_URL });
});
afterAll(async () => t?.close());

type Parameter = { name: string; in: string; schema: Record<string, unknown>; style?: string; explode?: boolean };
type Operation = { operationId?: string; tags?: string[]; security?: Record<string, string[]>[]; parameters?: Parameter[] };
type Doc = {
  servers: { url: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { enum?: unknown[] }>; securitySchemes: Record<string, unknown> };
};
const document = async (): Promise<Doc> => (await t.app.inject("/api/openapi.json")).json();
const operations = (doc: Doc) =>
  Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));

describe("OpenAPI document lint (Redocly, offline)", () => {
  it("has no problem under the recommended-strict ruleset", async () => {
    const source = (await t.app.inject("/api/openapi.json")).body;
    // The project declares no licence: the document does not invent one.
    const config = await createConfig({ extends: ["recommended-strict"], rules: { "info-license": "off" } });
    const problems = await lintFromString({ source, absoluteRef: `${BASE_URL}/api/openapi.json`, config });
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} @ ${p.location[0]?.pointer ?? ""}`)).toEqual([]);
  });
});

describe("OpenAPI document", () => {
  it("names its server from BASE_URL and gives every operation a unique operationId and declared tags", async () => {
    const doc = await document();
    expect(doc.servers).toEqual([{ url: BASE_URL }]);
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(20);
    const ids = ops.map(({ op }) => op.operationId);
    for (const [i, id] of ids.entries()) expect(id, `${ops[i]?.method} ${ops[i]?.path}`).toMatch(/^[a-z][A-Za-z]+$/);
    expect(new Set(ids).size).toBe(ids.length);
    const declared = new Map(doc.tags.map((tag) => [tag.name, tag.description]));
    for (const { path, op } of ops) {
      expect(op.tags?.length, path).toBe(1);
      for (const tag of op.tags ?? []) expect(declared.get(tag), `${path}: tag ${tag}`).toMatch(/\w{3,}/);
    }
    const used = new Set(ops.flatMap(({ op }) => op.tags ?? []));
    expect([...declared.keys()].filter((name) => !used.has(name))).toEqual([]);
  });

  it("marks public reads security: [] and the token routes with the bearer scheme", async () => {
    const doc = await document();
    for (const { path, method, op } of operations(doc)) {
      const token = path.startsWith("/api/v1/me") || method !== "get";
      expect(op.security, `${method} ${path}`).toEqual(token ? [{ bearerToken: [] }] : []);
    }
    expect(Object.keys(doc.components.securitySchemes)).toEqual(["bearerToken"]);
  });

  it("has no unused components", async () => {
    const doc = await document();
    const text = JSON.stringify(doc.paths) + JSON.stringify(doc.components.schemas);
    for (const id of Object.keys(doc.components.schemas)) {
      expect(text.includes(`"#/components/schemas/${id}"`), id).toBe(true);
    }
    // The type provider registers an input variant of each schema; only request bodies use theirs.
    expect(doc.components.schemas.ErrorInput).toBeUndefined();
  });

  it("lists the allowed values of every filter parameter, taken from the data", async () => {
    const doc = await document();
    const db = t.database.db;
    const taxonomies = await loadTaxonomies(db);
    const editions = await listEditions(db);
    const slugs = await queryRows<{ slug: string }>(db, sql`select slug from organisation where status = 'active' order by slug`);
    const enumOf = (id: string) => doc.components.schemas[id]?.enum;
    expect(enumOf("EditionYear")).toEqual(editions.map((e) => e.year));
    expect(enumOf("EditionDay")).toEqual([...new Set(editions.flatMap(editionDays))].sort());
    expect(enumOf("StateCode")).toEqual(taxonomies.states.map((s) => s.code));
    expect(enumOf("SeatStateCode")).toEqual(taxonomies.states.filter((s) => s.kind !== "online").map((s) => s.code));
    expect(enumOf("FormatCode")).toEqual(taxonomies.formats.map((f) => f.code));
    expect(enumOf("TopicCode")).toEqual(taxonomies.topics.map((f) => f.code));
    expect(enumOf("TargetGroupCode")).toEqual(taxonomies.targetGroups.map((f) => f.code));
    expect(enumOf("OrganisationSlug")).toEqual(slugs.map((r) => r.slug));
    expect(slugs.length).toBeGreaterThan(10);
    // No query parameter but free text, paging and the language is left a free string.
    const free = new Set(["q", "page", "pageSize"]);
    for (const { path, op } of operations(doc)) {
      for (const p of op.parameters ?? []) {
        if (p.in !== "query" || free.has(p.name)) continue;
        const schema = p.schema.type === "array" ? (p.schema.items as Record<string, unknown>) : p.schema;
        expect(schema.enum ?? schema.$ref, `${path} ?${p.name}`).toBeDefined();
        if (p.schema.type === "array") expect([p.style, p.explode], `${path} ?${p.name}`).toEqual(["form", true]);
      }
    }
  });

  it("follows the data: a new format or organisation is in the next document", async () => {
    const db = t.database.db;
    await db.execute(sql`insert into format (code, name_de, name_en, sort) values ('hackathon-x', 'Hackathon X', 'Hackathon X', 99)`);
    const [org] = await queryRows<{ slug: string }>(db, sql`select slug from organisation where status = 'active' order by slug limit 1`);
    await db.execute(sql`update organisation set status = 'declined' where slug = ${org?.slug ?? ""}`);
    try {
      const doc = await document();
      expect(doc.components.schemas.FormatCode?.enum).toContain("hackathon-x");
      expect(doc.components.schemas.OrganisationSlug?.enum).not.toContain(org?.slug);
      // What the document allows the API takes, and what it leaves out answers 400.
      expect((await t.app.inject("/api/v1/events?format=hackathon-x")).statusCode).toBe(200);
      expect((await t.app.inject(`/api/v1/events?org=${org?.slug}`)).statusCode).toBe(400);
    } finally {
      await db.execute(sql`delete from format where code = 'hackathon-x'`);
      await db.execute(sql`update organisation set status = 'active' where slug = ${org?.slug ?? ""}`);
    }
    expect((await document()).components.schemas.FormatCode?.enum).not.toContain("hackathon-x");
  });
});
