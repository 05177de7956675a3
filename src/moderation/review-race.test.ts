import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { openSecondHandle } from "../../test/database.ts";
import { createPersonas, type PersonaName, type Personas } from "../../test/personas.ts";
import type { Database } from "../db/client.ts";
import { auditLog, event, reviewDecision } from "../db/schema/index.ts";
import { createEventDraft } from "../event-form/create-event-draft.ts";
import { makeActor, openEdition, sampleEvent } from "../event-form/event-form.fixtures.ts";
import { submitEvent } from "../event-form/submit-event.ts";

// Two app instances on one PostgreSQL database, each with its own pool, as behind a load balancer.
// PGlite admits one process, so a real race between instances exists only on PostgreSQL.
const onPostgres = process.env.TEST_DB_KIND === "postgres";
const env = { SESSION_SECRET: "review-race-test-secret-0123456789abcdef" };
const queue = "/mein-bereich/pruefung";

let a: TestApp;
let b: TestApp;
let second: Database;
let p: Personas;

describe.skipIf(!onPostgres)("two reviewers at once on two app instances (PostgreSQL only; skipped without TEST_DATABASE_URL)", () => {
  beforeAll(async () => {
    a = await createTestApp(env);
    second = openSecondHandle(a.database);
    b = await createTestApp(env, second);
    p = await createPersonas(a);
    await openEdition(a.database.db);
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await second?.close();
    await a?.close();
  });

  const decide = (instance: TestApp, who: PersonaName, id: number, payload: Record<string, string>) =>
    instance.app.inject({
      method: "POST",
      url: `${queue}/${id}/entscheidung`,
      headers: { cookie: p[who].session.cookie },
      payload: { _csrf: p[who].session.csrf, ...payload },
    });

  it.each([
    ["publish against reject", { action: "publish" }, { action: "reject", message: "Passt nicht ins Programm" }],
    ["publish against publish", { action: "publish" }, { action: "publish" }],
    [
      "request changes against publish",
      { action: "request_changes", message: "Bitte Titel kürzen", fields: "titleDe" },
      { action: "publish" },
    ],
  ])("lets exactly one decision win (%s): one 303, one 409, one decision and one audit row", async (_name, first, other) => {
    const owner = await makeActor(a.database.db, "organiser", { organisationIds: [p.orgA.id] });
    const ctx = { db: a.database.db, actor: owner, baseUrl: "http://localhost:3000" };
    const { id } = await createEventDraft({
      ctx,
      input: { organisationId: p.orgA.id, event: sampleEvent({ titleDe: `Wettlauf ${_name}` }) },
    });
    const { version } = await submitEvent({ ctx, input: { id, version: 1 } });
    const [one, two] = await Promise.all([
      decide(a, "coordinator", id, { ...first, version: String(version) }),
      decide(b, "editor", id, { ...other, version: String(version) }),
    ]);
    expect([one.statusCode, two.statusCode].sort()).toEqual([303, 409]);
    const decisions = await a.database.db.select().from(reviewDecision).where(eq(reviewDecision.eventId, id));
    expect(decisions).toHaveLength(1);
    const winner = one.statusCode === 303 ? first : other;
    expect(decisions[0]?.action).toBe(winner.action);
    const audits = await a.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.objectId, String(id)));
    expect(audits.filter((row) => row.objectType === "event")).toHaveLength(1);
    const [row] = await a.database.db.select().from(event).where(eq(event.id, id));
    expect(row?.status).toBe(winner.action === "publish" ? "published" : winner.action === "reject" ? "rejected" : "changes_requested");
  });
});
