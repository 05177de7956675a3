import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { createPersonas, type PersonaName, type Personas } from "../../test/personas.ts";
import { hashToken } from "../accounts/tokens.ts";
import { queryRows } from "../db/client.ts";
import { apiToken, event, eventHistory } from "../db/schema/index.ts";
import { openEdition, sampleEvent } from "../event-form/event-form.fixtures.ts";
import { API_TOKEN_REQUESTS_PER_MINUTE } from "./token-auth.ts";

let t: TestApp;
let p: Personas;
const tokens = {} as Record<Exclude<PersonaName, "anonymous">, string>;
const signedIn = ["organiserA", "organiserB", "coordinatorOther", "coordinator", "editor", "admin"] as const;

/** Creates a token through the /konto form, as a person would, and reads the secret shown once. */
async function createToken(who: Exclude<PersonaName, "anonymous">, name: string, expiresOn = ""): Promise<string> {
  const s = p[who].session;
  const res = await t.app.inject({
    method: "POST",
    url: "/konto/tokens",
    headers: { cookie: s.cookie },
    payload: { tokenName: name, expiresOn, _csrf: s.csrf },
  });
  expect(res.statusCode).toBe(200);
  expect(res.headers["cache-control"]).toBe("no-store");
  const secret = parseHtml(res.body).querySelector("[data-token]")?.textContent ?? "";
  expect(secret).toMatch(/^cwt_[\w-]{43}$/);
  return secret;
}

const call = (token: string | null, method: "GET" | "POST" | "PUT", url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });

beforeAll(async () => {
  t = await createTestApp();
  await openEdition(t.database.db);
  p = await createPersonas(t);
  for (const who of signedIn) tokens[who] = await createToken(who, `Skript ${who}`);
});
afterAll(() => t.close());

describe("personal API tokens on /konto", () => {
  it("stores only the SHA-256 of the secret, and lists name, creation, last use and expiry", async () => {
    const secret = await createToken("organiserA", "CMS-Import", "2099-12-31");
    const rows = await t.database.db
      .select()
      .from(apiToken)
      .where(eq(apiToken.userId, p.organiserA.user?.id ?? 0));
    const row = rows.find((r) => r.name === "CMS-Import");
    expect(row?.tokenHash).toBe(hashToken(secret));
    expect(JSON.stringify(rows)).not.toContain(secret.slice(4));
    expect(row?.prefix).toBe(secret.slice(0, 12));
    // Valid through the last Berlin day chosen: until midnight after it.
    expect(row?.expiresAt?.toISOString()).toBe("2099-12-31T23:00:00.000Z");

    await call(secret, "GET", "/me");
    const page = await t.app.inject({ method: "GET", url: "/konto", headers: { cookie: p.organiserA.session.cookie } });
    const table = parseHtml(page.body).querySelector("#api-tokens-title")?.parentElement;
    const tableRow = [...(table?.querySelectorAll("tbody tr") ?? [])].find((r) => r.textContent?.includes("CMS-Import"));
    const cells = [...(tableRow?.querySelectorAll("td") ?? [])].map((c) => c.textContent?.trim());
    expect(cells[0]).toBe(`${secret.slice(0, 12)}…`);
    expect(cells[2]).not.toBe("nie"); // just used
    expect(cells[3]).toBe("Do., 31. Dezember 2099");
    expect(page.body).not.toContain(secret);
  });

  it("refuses an empty or oversized name and a past expiry with 422 at the field, storing nothing", async () => {
    const s = p.organiserB.session;
    const before = await t.database.db.select({ n: count() }).from(apiToken);
    for (const [fields, field, message] of [
      [{ tokenName: "" }, "tokenName", "Bitte ausfüllen."],
      [{ tokenName: "<script>x</script>".repeat(10) }, "tokenName", "Der Text ist zu lang."],
      [{ tokenName: "Alt", expiresOn: "2020-01-01" }, "expiresOn", "Das Ablaufdatum darf nicht in der Vergangenheit liegen."],
      [{ tokenName: "Kaputt", expiresOn: "2027-02-30" }, "expiresOn", "Bitte geben Sie ein Datum an (TT.MM.JJJJ)."],
    ] as const) {
      const res = await t.app.inject({
        method: "POST",
        url: "/konto/tokens",
        headers: { cookie: s.cookie },
        payload: { ...fields, _csrf: s.csrf },
      });
      expect(res.statusCode).toBe(422);
      expect(parseHtml(res.body).querySelector(`#field-${field}-error`)?.textContent).toBe(message);
      expect(res.body).not.toContain("<script>x");
    }
    expect(await t.database.db.select({ n: count() }).from(apiToken)).toEqual(before);
  });

  it("revokes a token: it answers 401 at once; another user cannot revoke it", async () => {
    const secret = await createToken("organiserA", "Kurzlebig");
    expect((await call(secret, "GET", "/me")).statusCode).toBe(200);
    const [row] = await t.database.db
      .select()
      .from(apiToken)
      .where(eq(apiToken.tokenHash, hashToken(secret)));
    const revoke = (who: "organiserA" | "organiserB") =>
      t.app.inject({
        method: "POST",
        url: `/konto/tokens/${row?.id}/widerrufen`,
        headers: { cookie: p[who].session.cookie },
        payload: { _csrf: p[who].session.csrf },
      });
    expect((await revoke("organiserB")).statusCode).toBe(404);
    expect((await call(secret, "GET", "/me")).statusCode).toBe(200);
    const res = await revoke("organiserA");
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/konto?notice=tokenRevoked");
    const gone = await call(secret, "GET", "/me");
    expect(gone.statusCode).toBe(401);
    expect(gone.json()).toMatchObject({ error: { code: "unauthenticated" } });
    expect(gone.headers["www-authenticate"]).toContain('error="invalid_token"');
  });
});

describe("bearer authentication", () => {
  it("answers 401 JSON without a token, with an unknown or an expired one, and ignores a cookie session", async () => {
    const expired = "cwt_expiredexpiredexpiredexpiredexpiredexpired1";
    await t.database.db.insert(apiToken).values({
      userId: p.organiserA.user?.id ?? 0,
      name: "abgelaufen",
      tokenHash: hashToken(expired),
      prefix: expired.slice(0, 12),
      expiresAt: new Date(Date.now() - 1000),
    });
    for (const token of [null, "cwt_unknown", expired, "x".repeat(5000)]) {
      const res = await call(token, "GET", "/me");
      expect(res.statusCode, String(token).slice(0, 20)).toBe(401);
      expect(res.json().error.code).toBe("unauthenticated");
    }
    // A browser's session (even with its CSRF token) cannot use the token routes.
    const s = p.organiserA.session;
    const viaCookie = await t.app.inject({
      method: "POST",
      url: "/api/v1/events",
      headers: s.headers,
      payload: { organisationId: p.orgA.id, event: sampleEvent() },
    });
    expect(viaCookie.statusCode).toBe(401);
  });

  it("acts as the token's user: every persona's /me", async () => {
    for (const who of signedIn) {
      const res = await call(tokens[who], "GET", "/me");
      expect(res.statusCode, who).toBe(200);
      expect(res.json()).toMatchObject({ id: p[who].user?.id, role: p[who].user?.role, token: { name: `Skript ${who}`, expiresAt: null } });
      expect(res.headers["cache-control"]).toBe("private, no-store");
    }
    expect((await call(tokens.organiserA, "GET", "/me")).json().organisations).toEqual([
      { id: p.orgA.id, slug: p.orgA.slug, name: p.orgA.name, stateCode: "BW" },
    ]);
    expect((await call(tokens.coordinator, "GET", "/me")).json().coordinatedStates).toEqual(["BW"]);
  });

  it("limits requests per token: the next one after the limit answers 429, other tokens go on", async () => {
    const secret = await createToken("organiserB", "Schleife");
    let last = 0;
    for (let i = 0; i <= API_TOKEN_REQUESTS_PER_MINUTE; i++) last = (await call(secret, "GET", "/me")).statusCode;
    expect(last).toBe(429);
    const limited = await call(secret, "GET", "/me");
    expect(limited.json().error.code).toBe("rate_limited");
    expect(limited.headers["retry-after"]).toBeDefined();
    expect((await call(tokens.organiserB, "GET", "/me")).statusCode).toBe(200);
  });
});

describe("writing events with a token", () => {
  let draft: { id: number; version: number };

  it("creates drafts for the organisations a persona may act for; a foreign organisation is 404", async () => {
    const expected: Record<(typeof signedIn)[number], number> = {
      organiserA: 201,
      organiserB: 404,
      coordinatorOther: 404,
      coordinator: 201,
      editor: 201,
      admin: 201,
    };
    for (const who of signedIn) {
      const res = await call(tokens[who], "POST", "/events", { organisationId: p.orgA.id, event: sampleEvent({ titleDe: `API ${who}` }) });
      expect(res.statusCode, who).toBe(expected[who]);
      if (res.statusCode === 201) expect(res.json()).toMatchObject({ version: 1, status: "draft" });
    }
    const res = await call(tokens.organiserA, "POST", "/events", {
      organisationId: p.orgA.id,
      event: sampleEvent({ titleDe: "Über die API" }),
    });
    draft = res.json();
    const [history] = await t.database.db.select().from(eventHistory).where(eq(eventHistory.eventId, draft.id));
    expect(history).toMatchObject({ action: "create", userId: p.organiserA.user?.id });
  });

  it("lists own events with their versions, drafts filtered by status", async () => {
    const res = await call(tokens.organiserA, "GET", "/me/events?status=draft");
    expect(res.statusCode).toBe(200);
    const mine = res.json().data as { id: number; status: string; version: number; titleDe: string }[];
    expect(mine.every((e) => e.status === "draft")).toBe(true);
    expect(mine.find((e) => e.id === draft.id)).toMatchObject({ titleDe: "Über die API", version: 1, organisationId: p.orgA.id });
    const all = (await call(tokens.organiserA, "GET", "/me/events")).json().data as { status: string }[];
    expect(new Set(all.map((e) => e.status)).size).toBeGreaterThan(1);
    expect((await call(tokens.organiserB, "GET", "/me/events")).json().data.some((e: { id: number }) => e.id === draft.id)).toBe(false);
    expect((await call(tokens.organiserA, "GET", "/me/events?status=nonsense")).statusCode).toBe(400);
  });

  it("refuses invalid events with 422 and the form's field codes, writing nothing", async () => {
    const before = (await t.database.db.select({ n: count() }).from(event))[0]?.n;
    const cases: [unknown, Record<string, string>][] = [
      [
        { organisationId: p.orgA.id, event: sampleEvent({ titleDe: "", summaryDe: "<script>alert(1)</script>".repeat(40) }) },
        { titleDe: "required", summaryDe: "tooLong" },
      ],
      [{ organisationId: p.orgA.id, event: { ...sampleEvent(), sessions: "morgen", isFree: "ja" } }, {}],
      [{ organisationId: p.orgA.id, event: "kein Objekt" }, {}],
      [{ organisationId: "abc", event: sampleEvent() }, { organisationId: "choice" }],
    ];
    for (const [body, fields] of cases) {
      const res = await call(tokens.organiserA, "POST", "/events", body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 60)).toBe(422);
      const error = res.json().error;
      expect(error.code).toBe("validation");
      expect(error.fields).toMatchObject(fields);
      expect(Object.keys(error.fields).length).toBeGreaterThan(0);
    }
    const wrongTypes = await call(tokens.organiserA, "POST", "/events", {
      organisationId: p.orgA.id,
      event: { ...sampleEvent(), sessions: "morgen" },
    });
    expect(Object.keys(wrongTypes.json().error.fields)).toContain("sessions");
    expect((await t.database.db.select({ n: count() }).from(event))[0]?.n).toBe(before);
  });

  it("updates with the version read; a stale version is 409 and overwrites nothing; foreign personas get 404", async () => {
    const put = (who: (typeof signedIn)[number], version: number, titleDe: string) =>
      call(tokens[who], "PUT", `/events/${draft.id}`, { version, event: sampleEvent({ titleDe }) });
    const ok = await put("organiserA", draft.version, "Geändert über die API");
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ id: draft.id, version: 2, status: "draft", changed: expect.arrayContaining(["titleDe"]) });

    const stale = await put("coordinator", 1, "Veraltet");
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.fields).toEqual({ version: "stale" });
    const [row] = await t.database.db.select().from(event).where(eq(event.id, draft.id));
    expect(row?.titleDe).toBe("Geändert über die API");

    let version = 2;
    for (const who of signedIn) {
      const res = await put(who, version, `Titel von ${who}`);
      const allowed = !["organiserB", "coordinatorOther"].includes(who);
      expect(res.statusCode, who).toBe(allowed ? 200 : 404);
      if (allowed) version = res.json().version;
    }
    const actions = await t.database.db
      .select({ n: count() })
      .from(eventHistory)
      .where(and(eq(eventHistory.eventId, draft.id), eq(eventHistory.action, "update")));
    expect(actions[0]?.n).toBe(5);
    draft.version = version;
    expect((await call(tokens.organiserA, "PUT", `/events/${draft.id}`, { event: sampleEvent() })).json().error.fields).toEqual({
      version: "required",
    });
    // The path id is typed as in the document: a malformed one is 400 invalid_parameter, like GET /events/abc.
    expect((await call(tokens.organiserA, "PUT", "/events/abc", { version: 1, event: sampleEvent() })).statusCode).toBe(400);
  });

  it("submits with the version check, and cancels only published events", async () => {
    expect((await call(tokens.organiserA, "POST", `/events/${draft.id}/submit`, { version: draft.version - 1 })).statusCode).toBe(409);
    expect((await call(tokens.organiserB, "POST", `/events/${draft.id}/submit`, { version: draft.version })).statusCode).toBe(404);
    const submitted = await call(tokens.organiserA, "POST", `/events/${draft.id}/submit`, { version: draft.version });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ id: draft.id, status: "submitted", blocked: false, version: draft.version + 1 });
    expect((await call(tokens.organiserA, "POST", `/events/${draft.id}/cancel`)).statusCode).toBe(409);

    const [published] = await queryRows<{ id: number }>(
      t.database.db,
      sql`select id from event where organisation_id = ${p.orgA.id} and status = 'published' and edition_id in (select id from edition where status <> 'archived') order by id limit 1`,
    );
    const id = Number(published?.id);
    expect((await call(tokens.coordinatorOther, "POST", `/events/${id}/cancel`)).statusCode).toBe(404);
    for (const body of [undefined, { cancelReason: "" }, { cancelReason: "x".repeat(501) }, { cancelReason: ["a"] }]) {
      const refused = await call(tokens.organiserA, "POST", `/events/${id}/cancel`, body);
      expect(refused.statusCode, JSON.stringify(body)?.slice(0, 40)).toBe(422);
      expect(Object.keys(refused.json().error.fields)).toEqual(["cancelReason"]);
    }
    const cancelled = await call(tokens.organiserA, "POST", `/events/${id}/cancel`, { cancelReason: "Der Saal ist nicht verfügbar." });
    expect(cancelled.statusCode).toBe(200);
    expect((await t.app.inject({ method: "GET", url: `/api/v1/events/${id}` })).json().cancelReason).toBe("Der Saal ist nicht verfügbar.");
    expect(cancelled.json()).toEqual({ id, status: "cancelled" });
    const [history] = await t.database.db
      .select()
      .from(eventHistory)
      .where(and(eq(eventHistory.eventId, id), eq(eventHistory.action, "cancel")));
    expect(history?.userId).toBe(p.organiserA.user?.id);
  });
});

describe("the OpenAPI document", () => {
  it("documents the token routes with operation ids, tags and the bearer security scheme", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(doc.components.securitySchemes.bearerToken).toMatchObject({ type: "http", scheme: "bearer" });
    const ops = [
      ["get", "/api/v1/me", "getMe"],
      ["get", "/api/v1/me/events", "listMyEvents"],
      ["post", "/api/v1/events", "createEvent"],
      ["put", "/api/v1/events/{id}", "updateEvent"],
      ["post", "/api/v1/events/{id}/submit", "submitEvent"],
      ["post", "/api/v1/events/{id}/cancel", "cancelEvent"],
    ] as const;
    for (const [method, path, operationId] of ops) {
      const op = doc.paths[path]?.[method];
      expect(op, `${method} ${path}`).toMatchObject({ operationId, security: [{ bearerToken: [] }] });
      expect(op.tags.length).toBeGreaterThan(0);
      expect(op.responses["401"]).toBeDefined();
    }
    expect(doc.paths["/api/v1/events"].post.requestBody.content["application/json"].schema).toBeDefined();
    expect(doc.paths["/api/v1/events/{id}"].put.responses["409"]).toBeDefined();
  });
});
