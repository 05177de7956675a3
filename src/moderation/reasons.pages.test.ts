import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { createPersonas, type PersonaName, type Personas } from "../../test/personas.ts";
import { queryRows } from "../db/client.ts";
import { auditLog, event, rejectReason, reviewDecision } from "../db/schema/index.ts";
import { actorOf } from "../organiser/organiser-test-kit.ts";
import { browserOf, textOf } from "../organiser/page-test-kit.ts";
import { decideEvent } from "./decide-event.ts";
import { listActiveReasons } from "./reject-reasons.ts";

const path = "/mein-bereich/pruefung/gruende";
let t: TestApp;
let p: Personas;
beforeAll(async () => {
  t = await createTestApp();
  p = await createPersonas(t);
});
afterAll(() => t.close());

const as = (name: PersonaName) => browserOf(t.app, p[name].session);
const reasonRows = () => t.database.db.select().from(rejectReason);
const auditOf = (id: number) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.objectType, "reject_reason"), eq(auditLog.objectId, String(id))));

describe("standard reject reasons page", () => {
  it("sends anonymous visitors to the login and answers 404 to organisers and coordinators", async () => {
    const anonymous = await as("anonymous").get(path);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(`/anmelden?next=${encodeURIComponent(path)}`);
    for (const name of ["organiserA", "organiserB", "coordinator", "coordinatorOther"] as const) {
      expect((await as(name).get(path)).statusCode, name).toBe(404);
      expect((await as(name).post(path, { textDe: "Grund", textEn: "Reason" })).statusCode, name).toBe(404);
      expect((await as(name).post(`${path}/1/ausmustern`)).statusCode, name).toBe(404);
    }
    expect(await reasonRows()).toEqual([]);
  });

  it("lets an editor add a reason in German and English; script in the text is shown escaped; the add is audited", async () => {
    const empty = await as("editor").get(path);
    expect(empty.statusCode).toBe(200);
    expect(empty.headers["cache-control"]).toBe("private, no-store");
    expect(textOf(empty.body)).toContain("Noch keine Standardgründe.");

    const added = await as("editor").post(path, {
      textDe: "Kein Bezug zu <script>alert(1)</script> Clustern",
      textEn: "Not about clusters",
    });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe(`${path}?notice=reasonAdded`);
    const page = await as("editor").get(`${path}?notice=reasonAdded`);
    expect(page.body).not.toContain("<script>alert(1)</script>");
    expect(page.body).toContain("Kein Bezug zu &lt;script>alert(1)&lt;/script> Clustern");
    expect(textOf(page.body)).toContain("Der Grund ist gespeichert.");
    const doc = parseHtml(page.body);
    expect(doc.querySelector('.reason [lang="en"]')?.textContent).toBe("Not about clusters");

    const [row] = await reasonRows();
    expect(row).toMatchObject({ textEn: "Not about clusters", active: true });
    const [audit] = await auditOf(row?.id ?? 0);
    expect(audit).toMatchObject({ action: "reject_reason.add", actorId: p.editor.user?.id, actorName: "Editor", stateCode: null });
    expect(audit?.after).toMatchObject({ textEn: "Not about clusters" });

    const english = await as("admin").get(`${path}?lang=en`);
    expect(english.statusCode).toBe(200);
    expect(parseHtml(english.body).querySelector("h1")?.textContent).toBe("Standard reasons for rejections");
  });

  it("refuses empty, oversized and wrongly typed texts with 422 and field errors, writing nothing", async () => {
    const before = (await reasonRows()).length;
    const missing = await as("editor").post(path, { textDe: "  ", textEn: "Fine" });
    expect(missing.statusCode).toBe(422);
    const doc = parseHtml(missing.body);
    expect(doc.querySelector(".error-summary")?.textContent).toContain("Text (Deutsch)");
    expect(doc.querySelector("#field-textDe")?.getAttribute("aria-invalid")).toBe("true");
    expect(doc.querySelector("#field-textEn")?.textContent).toBe("Fine");

    const oversized = await as("editor").post(path, { textDe: "x".repeat(501), textEn: "Fine" });
    expect(oversized.statusCode).toBe(422);
    expect(textOf(oversized.body)).toContain("zu lang");
    const typed = await as("editor").post(path, { textDe: ["a", "b"], textEn: "Fine" });
    expect(typed.statusCode).toBe(422);
    const noCsrf = await browserOf(t.app, p.editor.session, { csrf: false }).post(path, { textDe: "Grund", textEn: "Reason" });
    expect(noCsrf.statusCode).toBe(403);
    expect((await reasonRows()).length).toBe(before);
  });

  it("retires a reason: no longer offered, decisions that used it keep it, the retirement is audited", async () => {
    await as("editor").post(path, { textDe: "Außerhalb der Woche", textEn: "Outside the week" });
    const reason = (await listActiveReasons(t.database.db)).find((r) => r.textEn === "Outside the week");
    if (!reason) throw new Error("reason not added");
    // A demo submission rejected with the reason.
    const [waiting] = await queryRows<{ id: number; version: number }>(
      t.database.db,
      sql`select id, version from event where status = 'submitted' and revision_of is null
            and edition_id in (select id from edition where status <> 'archived') order by id limit 1`,
    );
    if (!waiting) throw new Error("the demo data has no submitted event");
    const editor = await actorOf(t.database.db, p.editor.user?.id ?? 0);
    const ctx = { db: t.database.db, actor: editor, baseUrl: "http://localhost:3000" };
    await decideEvent({ ctx, input: { id: Number(waiting.id), version: Number(waiting.version), action: "reject", reasonId: reason.id } });

    const retired = await as("editor").post(`${path}/${reason.id}/ausmustern`);
    expect(retired.statusCode).toBe(303);
    expect(retired.headers.location).toBe(`${path}?notice=reasonRetired`);
    expect((await listActiveReasons(t.database.db)).map((r) => r.id)).not.toContain(reason.id);
    expect(textOf((await as("editor").get(path)).body)).not.toContain("Außerhalb der Woche");
    const [decision] = await t.database.db
      .select()
      .from(reviewDecision)
      .where(eq(reviewDecision.eventId, Number(waiting.id)));
    expect(decision?.reasonId).toBe(reason.id);
    const [row] = await t.database.db.select().from(rejectReason).where(eq(rejectReason.id, reason.id));
    expect(row?.active).toBe(false);
    expect((await auditOf(reason.id)).map((a) => a.action)).toEqual(["reject_reason.add", "reject_reason.retire"]);

    // A retired reason can no longer be chosen, and retiring it again (or an unknown id) is 404.
    const [other] = await queryRows<{ id: number; version: number }>(
      t.database.db,
      sql`select id, version from event where status = 'submitted' and revision_of is null
            and edition_id in (select id from edition where status <> 'archived') order by id limit 1`,
    );
    const refused = decideEvent({
      ctx,
      input: { id: Number(other?.id), version: Number(other?.version), action: "reject", reasonId: reason.id },
    });
    await expect(refused).rejects.toMatchObject({ code: "validation" });
    expect((await as("editor").post(`${path}/${reason.id}/ausmustern`)).statusCode).toBe(404);
    expect((await as("editor").post(`${path}/abc/ausmustern`)).statusCode).toBe(404);
    expect((await auditOf(reason.id)).length).toBe(2);
    expect(
      (
        await t.database.db
          .select()
          .from(event)
          .where(eq(event.id, Number(other?.id)))
      )[0]?.status,
    ).toBe("submitted");
  });
});
