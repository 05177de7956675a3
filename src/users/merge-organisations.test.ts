import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { createPersonas, type PersonaName, type Personas } from "../../test/personas.ts";
import { queryRows } from "../db/client.ts";
import { auditLog, membership, organisation, organisationInvitation } from "../db/schema/index.ts";
import { browserOf, textOf } from "../organiser/page-test-kit.ts";
import { organisationReferences } from "./organisation-footprint.ts";

let t: TestApp;
let p: Personas;
beforeAll(async () => {
  t = await createTestApp();
  p = await createPersonas(t);
});
afterAll(() => t.close());

const as = (name: PersonaName) => browserOf(t.app, p[name].session);
const base = "/mein-bereich/organisationen";

/** Rows per organisation of every table that references one, counted by SQL. */
type Counts = {
  events: number;
  history: number;
  decisions: number;
  members: number;
  presences: number;
  invitations: number;
  mentions: number;
};

async function counts(id: number): Promise<Counts> {
  const [row] = await queryRows<Counts>(
    t.database.db,
    sql`select
      (select count(*)::int from event where organisation_id = ${id}) as events,
      (select count(*)::int from event_history h join event e on e.id = h.event_id where e.organisation_id = ${id}) as history,
      (select count(*)::int from review_decision d join event e on e.id = d.event_id where e.organisation_id = ${id}) as decisions,
      (select count(*)::int from membership where organisation_id = ${id}) as members,
      (select count(*)::int from trade_fair_presence where organisation_id = ${id}) as presences,
      (select count(*)::int from organisation_invitation where organisation_id = ${id}) as invitations,
      (select count(*)::int from event where co_organisers @> ${JSON.stringify([{ organisationId: id }])}::jsonb) as mentions`,
  );
  if (!row) throw new Error("no counts");
  const n = (k: keyof Counts) => Number(row[k]);
  return {
    events: n("events"),
    history: n("history"),
    decisions: n("decisions"),
    members: n("members"),
    presences: n("presences"),
    invitations: n("invitations"),
    mentions: n("mentions"),
  };
}

describe("organisation administration", () => {
  it("answers organisers and coordinators 404 and anonymous visitors with the login, on every route", async () => {
    const id = p.orgB.id;
    const gets = [base, `${base}/${id}`, `${base}/${id}/zusammenfuehren?target=${p.orgA.slug}`];
    for (const path of gets) expect((await as("anonymous").get(path)).statusCode, path).toBe(303);
    expect((await as("anonymous").post(`${base}/${id}/zusammenfuehren`, { target: p.orgA.id })).statusCode).toBe(303);
    for (const name of ["organiserA", "organiserB", "coordinator", "coordinatorOther"] as const) {
      for (const path of gets) expect((await as(name).get(path)).statusCode, `${name} ${path}`).toBe(404);
      expect((await as(name).post(`${base}/${id}/zusammenfuehren`, { target: p.orgA.id })).statusCode, name).toBe(404);
    }
    expect((await t.database.db.select().from(organisation).where(eq(organisation.id, id))).length).toBe(1);
    for (const name of ["editor", "admin"] as const) for (const path of gets) expect((await as(name).get(path)).statusCode).toBe(200);
  });

  it("lists, searches and filters organisations; a malformed filter is 400; an unknown one 404", async () => {
    const found = parseHtml((await as("editor").get(`${base}?q=${encodeURIComponent(p.orgA.name)}`)).body);
    expect([...found.querySelectorAll(".organisation-row th a")].map((a) => a.textContent)).toContain(p.orgA.name);
    const inBy = textOf((await as("editor").get(`${base}?state=BY`)).body);
    expect(inBy).not.toContain(p.orgA.name);
    const [pending] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from organisation where status = 'pending'`,
    );
    const pendingPage = await as("editor").get(`${base}?status=pending`);
    expect(pendingPage.statusCode).toBe(200);
    expect(parseHtml(pendingPage.body).querySelectorAll(".organisation-row").length).toBe(Math.min(50, Number(pending?.n ?? 0)));
    const bad = await as("editor").get(`${base}?status=merged`);
    expect(bad.statusCode).toBe(400);
    expect(parseHtml(bad.body).querySelector("#field-status")?.getAttribute("aria-invalid")).toBe("true");
    expect((await as("editor").get(`${base}/99999999`)).statusCode).toBe(404);
    const [total] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from organisation`);
    const all = parseHtml((await as("editor").get(base)).body);
    expect(all.querySelectorAll(".organisation-row").length).toBe(Math.min(50, Number(total?.n)));
    if (Number(total?.n) > 50) expect(all.querySelector('.pagination a[rel="next"]')?.getAttribute("href")).toBe(`${base}?page=2`);
  });

  it("knows every table that references an organisation (a new one must be checked for the merge)", async () => {
    const refs = (await organisationReferences(t.database.db)).map((r) => `${r.table}.${r.column}`);
    expect(refs).toEqual([
      "event.organisation_id",
      // A stored import preview (#9) moves with the catalogue's other references; it expires after a day anyway.
      "import_plan.organisation_id",
      "membership.organisation_id",
      "organisation_invitation.organisation_id",
      "trade_fair_presence.organisation_id",
    ]);
  });

  it("refuses merging an organisation with itself or an unknown one (422 at the field), nothing changed", async () => {
    const self = await as("editor").get(`${base}/${p.orgB.id}/zusammenfuehren?target=${p.orgB.slug}`);
    expect(self.statusCode).toBe(422);
    expect(textOf(self.body)).toContain("nicht mit sich selbst");
    const unknown = await as("editor").get(`${base}/${p.orgB.id}/zusammenfuehren?target=${encodeURIComponent("<script>x</script>")}`);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).not.toContain("<script>x</script>");
    expect(parseHtml(unknown.body).querySelector("#field-target")?.getAttribute("aria-invalid")).toBe("true");
    const posted = await as("editor").post(`${base}/${p.orgB.id}/zusammenfuehren`, { target: p.orgB.id });
    expect(posted.statusCode).toBe(422);
    expect((await as("editor").get(`${base}/99999999/zusammenfuehren?target=${p.orgA.slug}`)).statusCode).toBe(404);
    expect((await t.database.db.select().from(organisation).where(eq(organisation.id, p.orgB.id))).length).toBe(1);
  });

  it("previews, then merges B into A in one step: events, history, members, presences, invitations and mentions move, B is gone", async () => {
    const [a, b] = [p.orgA.id, p.orgB.id];
    const db = t.database.db;
    // Make the duplicate carry one of everything: an owner who is also in A, an invitation, a presence, a mention, a shared import reference.
    await db.insert(membership).values({ userId: p.organiserA.user?.id ?? 0, organisationId: b, role: "owner" });
    await db.insert(organisationInvitation).values({
      organisationId: b,
      email: "guest@example.test",
      tokenHash: "merge-test-hash",
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    await db.execute(sql`insert into trade_fair_presence (edition_id, organisation_id, fair, hall, booth)
      select edition_id, ${b}, 'Hannover Messe', '2', 'B10' from event where organisation_id = ${b} limit 1`);
    await db.execute(sql`update event set co_organisers = ${JSON.stringify([{ organisationId: b, name: "B" }])}::jsonb
      where id = (select min(id) from event where organisation_id = ${a})`);
    await db.execute(sql`update event set external_ref = 'dup-1' where id = (select min(id) from event where organisation_id = ${a})`);
    await db.execute(sql`update event set external_ref = 'dup-1' where id = (select min(id) from event where organisation_id = ${b})`);
    const beforeA = await counts(a);
    const beforeB = await counts(b);
    expect(beforeB.events).toBeGreaterThan(0);
    expect(beforeB.mentions).toBe(1);

    const preview = await as("editor").get(`${base}/${b}/zusammenfuehren?target=${p.orgA.slug}`);
    expect(preview.statusCode).toBe(200);
    const doc = parseHtml(preview.body);
    expect(doc.querySelector('[data-key="event.organisation_id"]')?.textContent).toContain(`: ${beforeB.events}`);
    expect(doc.querySelector('[data-key="membership.organisation_id"]')?.textContent).toContain(`: ${beforeB.members}`);
    expect(doc.querySelector('[data-key="co_organisers"]')?.textContent).toContain(": 1");
    const expected = doc.querySelector('input[name="expected"]')?.getAttribute("value") ?? "";
    expect(await counts(b)).toEqual(beforeB); // a preview changes nothing

    // A stale preview (something moved in the meantime) is not executed: 409 with the new preview.
    const stale = await as("editor").post(`${base}/${b}/zusammenfuehren`, { target: a, expected: `${expected}x` });
    expect(stale.statusCode).toBe(409);
    expect(textOf(stale.body)).toContain("Seit der Vorschau hat sich etwas geändert");
    expect(await counts(b)).toEqual(beforeB);

    const merged = await as("editor").post(`${base}/${b}/zusammenfuehren`, { target: a, expected });
    expect(merged.statusCode).toBe(303);
    expect(merged.headers.location).toBe(`${base}/${a}?notice=organisationsMerged`);
    const afterA = await counts(a);
    expect(afterA.events).toBe(beforeA.events + beforeB.events);
    expect(afterA.history).toBe(beforeA.history + beforeB.history);
    expect(afterA.decisions).toBe(beforeA.decisions + beforeB.decisions);
    expect(afterA.presences).toBe(beforeA.presences + beforeB.presences);
    expect(afterA.invitations).toBe(beforeA.invitations + beforeB.invitations);
    expect(afterA.members).toBe(beforeA.members + beforeB.members - 1); // organiser A was in both
    expect(afterA.mentions).toBe(beforeA.mentions + beforeB.mentions); // the demo has events naming A as co-organiser too
    expect(await counts(b)).toEqual({ events: 0, history: 0, decisions: 0, members: 0, presences: 0, invitations: 0, mentions: 0 });
    expect(await db.select().from(organisation).where(eq(organisation.id, b))).toEqual([]);
    const roles = await db.select().from(membership).where(eq(membership.organisationId, a));
    expect(roles.find((m) => m.userId === p.organiserA.user?.id)?.role).toBe("owner");
    expect(roles.some((m) => m.userId === p.organiserB.user?.id)).toBe(true);
    const refs = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from event where organisation_id = ${a} and external_ref = 'dup-1'`,
    );
    expect(Number(refs[0]?.n)).toBe(1);
    // The moved events are found by their new organiser's name.
    const [moved] = await queryRows<{ search_extra: string }>(
      db,
      sql`select search_extra from event where organisation_id = ${a} order by id desc limit 1`,
    );
    expect(moved?.search_extra).toContain(p.orgA.name);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "organisation.merge"), eq(auditLog.objectId, String(a))));
    expect(audit).toMatchObject({ actorName: "Editor", stateCode: "BW" });
    expect(audit?.summary).toContain(p.orgB.slug);
    expect(audit?.before).toMatchObject({ removed: { id: b, slug: p.orgB.slug } });
    // organiser B now works in A; B's old pages are gone.
    expect((await as("organiserB").get(`/mein-bereich/organisation?org=${p.orgA.slug}`)).statusCode).toBe(200);
    expect((await t.app.inject({ method: "GET", url: `/organisationen/${p.orgB.slug}` })).statusCode).toBe(404);
    expect(textOf((await as("editor").get(merged.headers.location ?? "")).body)).toContain("Die Organisationen sind zusammengeführt.");
  });
});
