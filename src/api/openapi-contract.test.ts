import SwaggerParser from "@apidevtools/swagger-parser";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { createPersonas, type Personas } from "../../test/personas.ts";
import { edition, newsItem } from "../db/schema/index.ts";
import { openEdition, sampleEvent } from "../event-form/event-form.fixtures.ts";

// Every operation of the document, called with requests built from the document itself: valid values
// from its enums (path ids from the list operations' answers), then invalid ones — a value outside the
// enum, a wrong type, an empty value, too long. Each answer must have a status the operation declares
// and, for JSON, a body that validates against the declared schema.

type Schema = {
  type?: string;
  enum?: unknown[];
  items?: Schema;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  pattern?: string;
  default?: unknown;
};
type Parameter = { name: string; in: "query" | "path"; schema: Schema; required?: boolean };
type Operation = {
  operationId: string;
  parameters?: Parameter[];
  security: unknown[];
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
};
type Doc = { paths: Record<string, Record<string, Operation>> };
type Call = { method: string; path: string; op: Operation };

let t: TestApp;
let p: Personas;
let doc: Doc;
let token = "";
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
const compiled = new WeakMap<object, ValidateFunction>();

beforeAll(async () => {
  t = await createTestApp();
  p = await createPersonas(t);
  const db = t.database.db;
  const [current] = await db.select({ id: edition.id }).from(edition).where(eq(edition.year, 2019));
  const published = new Date(Date.now() - 86_400_000);
  await db.insert(newsItem).values([
    { editionId: current?.id ?? 0, slug: "vertragstest", titleDe: "Vertragstest", bodyDe: "**Text**", publishAt: published },
    { editionId: current?.id ?? 0, slug: "vertragstest-presse", titleDe: "Presse", press: true, publishAt: published },
  ]);
  const raw = (await t.app.inject("/api/openapi.json")).json();
  doc = (await SwaggerParser.dereference(raw)) as unknown as Doc;
  const s = p.organiserA.session;
  const created = await t.app.inject({
    method: "POST",
    url: "/konto/tokens",
    headers: { cookie: s.cookie },
    payload: { tokenName: "Vertragstest", expiresOn: "", _csrf: s.csrf },
  });
  token = parseHtml(created.body).querySelector("[data-token]")?.textContent ?? "";
  expect(token).toMatch(/^cwt_/);
});
afterAll(async () => t?.close());

const calls = (): Call[] =>
  Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ method, path, op })));
const byId = (operationId: string): Call => {
  const call = calls().find((c) => c.op.operationId === operationId);
  if (!call) throw new Error(`no operation ${operationId}`);
  return call;
};

/** Sends a request for `call`: path values filled in, query from name → value(s), bearer token where the operation needs one. */
async function send(call: Call, pathValues: Record<string, string>, query: [string, string][] = [], body?: object) {
  const url = call.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(pathValues[name] ?? ""));
  const search = new URLSearchParams(query).toString();
  return t.app.inject({
    method: call.method.toUpperCase() as "GET",
    url: search ? `${url}?${search}` : url,
    headers: call.op.security.length ? { authorization: `Bearer ${token}` } : {},
    ...(body ? { payload: body as Record<string, unknown> } : {}),
  });
}

/** The answer has a status the operation declares, and a JSON body valid against that status's schema. */
function conforms(call: Call, res: { statusCode: number; headers: Record<string, unknown>; body: string }, label: string): void {
  const response = call.op.responses[String(res.statusCode)];
  expect(response, `${label}: undeclared status ${res.statusCode}: ${res.body.slice(0, 200)}`).toBeDefined();
  const type = String(res.headers["content-type"] ?? "").split(";")[0] ?? "";
  const media = response?.content?.[type];
  expect(media, `${label}: undeclared content type ${type} for ${res.statusCode}`).toBeDefined();
  if (!media || !/json$/.test(type)) return;
  let validate = compiled.get(media.schema);
  if (!validate) {
    validate = ajv.compile(media.schema);
    compiled.set(media.schema, validate);
  }
  const valid = validate(JSON.parse(res.body));
  expect(valid ? [] : validate.errors?.slice(0, 5), `${label}: body against the ${res.statusCode} schema`).toEqual([]);
}

/** A few allowed values of a query parameter, from its enum (first, middle, last) or its type. */
function validValues(schema: Schema): string[] {
  const values = schema.type === "array" ? schema.items?.enum : schema.enum;
  if (values) return [...new Set([values[0], values[Math.floor(values.length / 2)], values.at(-1)])].map(String);
  if (schema.type === "integer") return [String(schema.default ?? schema.minimum ?? 1)];
  return ["Wasserstoff"];
}

/** Values the parameter's schema does not allow: outside the enum, the wrong type, empty, too long. */
function invalidValues(schema: Schema): string[] {
  const inner = schema.type === "array" && schema.items ? schema.items : schema;
  if (inner.enum) return ["zz-not-allowed", "", ...(inner.type === "integer" ? ["abc"] : [])];
  if (inner.type === "integer") return ["abc", "1.5", "", ...(inner.minimum !== undefined ? [String(inner.minimum - 1)] : [])];
  if (inner.pattern) return ["Not A Slug!"];
  if (inner.maxLength !== undefined) return ["x".repeat(inner.maxLength + 1)];
  return [];
}

/** Path values that exist, taken from the document's enums and the list operations' answers. */
async function existingPathValues(): Promise<Record<string, Record<string, string>>> {
  const events = JSON.parse((await send(byId("listEvents"), {}, [["pageSize", "1"]])).body);
  const news = JSON.parse((await send(byId("listNews"), {})).body);
  const year = byId("listEvents").op.parameters?.find((q) => q.name === "edition")?.schema.enum?.[0];
  const org = byId("listEvents").op.parameters?.find((q) => q.name === "org")?.schema.items?.enum?.[0];
  expect([typeof year, typeof org, events.data.length, news.data.length]).toEqual(["number", "string", 1, 2]);
  return {
    getEdition: { year: String(year) },
    getEditionStatistics: { year: String(year) },
    getEvent: { id: String(events.data[0].id) },
    getOrganisation: { slug: String(org) },
    getNewsItem: { slug: news.data[0].slug },
  };
}

describe("generated-request contract test", () => {
  it("every public read: valid values answer 200, invalid ones 400 naming the parameter, bodies as documented", async () => {
    const existing = await existingPathValues();
    let requests = 0;
    for (const call of calls().filter((c) => c.method === "get" && c.op.security.length === 0)) {
      const id = call.op.operationId;
      const pathValues = existing[id] ?? {};
      const ok = async (query: [string, string][], label: string) => {
        const res = await send(call, pathValues, query);
        requests++;
        expect(res.statusCode, `${id} ${label}: ${res.body.slice(0, 300)}`).toBe(200);
        conforms(call, res, `${id} ${label}`);
      };
      await ok([], "without parameters");
      for (const param of call.op.parameters ?? []) {
        if (param.in === "query") {
          for (const value of validValues(param.schema)) {
            // A day is one of its own edition's (EditionDay): ask for that edition with it.
            const withEdition: [string, string][] = param.name === "day" ? [["edition", value.slice(0, 4)]] : [];
            await ok([[param.name, value], ...withEdition], `?${param.name}=${value}`);
          }
        }
        // An empty path segment would be another path: the router's 404, not this operation's.
        for (const value of invalidValues(param.schema).filter((v) => param.in === "query" || v !== "")) {
          const res =
            param.in === "path"
              ? await send(call, { ...pathValues, [param.name]: value })
              : await send(call, pathValues, [[param.name, value]]);
          requests++;
          const label = `${id} ${param.in} ${param.name}=${JSON.stringify(value.slice(0, 20))}`;
          expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBe(400);
          conforms(call, res, label);
          expect(Object.keys(JSON.parse(res.body).error.fields), label).toContain(param.name);
        }
      }
      // A path value of the right type that names nothing is 404, in the documented shape.
      for (const param of (call.op.parameters ?? []).filter((q) => q.in === "path")) {
        const res = await send(call, {
          ...pathValues,
          [param.name]: param.schema.type === "integer" ? String(param.schema.maximum) : "gibt-es-nicht",
        });
        requests++;
        expect(res.statusCode, `${id} unknown ${param.name}`).toBe(404);
        conforms(call, res, `${id} unknown ${param.name}`);
      }
    }
    expect(requests).toBeGreaterThan(300);
  }, 300_000);

  it("every token operation: 401 without a token, and its answers with one as documented", async () => {
    await openEdition(t.database.db); // the writes need an edition open for submissions
    const token401 = calls().filter((c) => c.op.security.length > 0);
    expect(token401.map((c) => c.op.operationId).sort()).toEqual([
      "cancelEvent",
      "createEvent",
      "getMe",
      "listMyEvents",
      "submitEvent",
      "updateEvent",
    ]);
    for (const call of token401) {
      const res = await t.app.inject({ method: call.method.toUpperCase() as "GET", url: call.path.replace("{id}", "1") });
      expect(res.statusCode, call.op.operationId).toBe(401);
      conforms(call, res, `${call.op.operationId} without token`);
    }
    const me = await send(byId("getMe"), {});
    expect(me.statusCode).toBe(200);
    conforms(byId("getMe"), me, "getMe");
    const mine = byId("listMyEvents");
    for (const status of validValues(mine.op.parameters?.[0]?.schema ?? {})) {
      const res = await send(mine, {}, [["status", status]]);
      expect(res.statusCode, status).toBe(200);
      conforms(mine, res, `listMyEvents ?status=${status}`);
    }
    for (const value of invalidValues(mine.op.parameters?.[0]?.schema ?? {})) {
      const res = await send(mine, {}, [["status", value]]);
      expect(res.statusCode, value).toBe(400);
      conforms(mine, res, `listMyEvents ?status=${value}`);
    }

    // Writes: a body the verbs refuse (422), one they take, then the id path parameter malformed (400) and unknown (404).
    const create = byId("createEvent");
    const refused = await send(create, {}, [], { organisationId: p.orgA.id, event: { titleDe: "" } });
    expect(refused.statusCode).toBe(422);
    conforms(create, refused, "createEvent refused");
    const created = await send(create, {}, [], { organisationId: p.orgA.id, event: sampleEvent({ titleDe: "Vertragstest" }) });
    expect(created.statusCode, created.body).toBe(201);
    conforms(create, created, "createEvent");
    const { id, version } = JSON.parse(created.body) as { id: number; version: number };
    const update = byId("updateEvent");
    const updated = await send(update, { id: String(id) }, [], { version, event: sampleEvent({ titleDe: "Vertragstest 2" }) });
    expect(updated.statusCode, updated.body).toBe(200);
    conforms(update, updated, "updateEvent");
    const stale = await send(update, { id: String(id) }, [], { version, event: sampleEvent() });
    expect(stale.statusCode).toBe(409);
    conforms(update, stale, "updateEvent stale");
    const submit = byId("submitEvent");
    const submitted = await send(submit, { id: String(id) }, [], { version: JSON.parse(updated.body).version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    conforms(submit, submitted, "submitEvent");
    for (const call of [update, submit, byId("cancelEvent")]) {
      for (const [value, status] of [
        ["abc", 400],
        ["0", 400],
        ["99999999", 404],
      ] as const) {
        const res = await send(call, { id: value }, [], { version: 1, cancelReason: "Vertragstest", event: sampleEvent() });
        expect(res.statusCode, `${call.op.operationId} id=${value}: ${res.body.slice(0, 200)}`).toBe(status);
        conforms(call, res, `${call.op.operationId} id=${value}`);
      }
    }
  }, 120_000);
});
