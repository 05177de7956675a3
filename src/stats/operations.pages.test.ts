import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { createPersonas, type PersonaName, type Personas, personaNames } from "../../test/personas.ts";
import { queryRows } from "../db/client.ts";
import { eventHistory, report, reviewDecision } from "../db/schema/index.ts";
import { listEditions, pickCurrentEdition } from "../editions/edition-queries.ts";
import { orgIn } from "../event-form/event-form.fixtures.ts";
import { insertEventRecord } from "../events/event-record.ts";
import { browserOf } from "../organiser/page-test-kit.ts";
import { loadOperationsFigures } from "./operations-figures.ts";

let t: TestApp;
let p: Personas;
const now = new Date("2026-04-20T10:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
let land: string;

beforeAll(async () => {
  t = await createTestApp();
  p = await createPersonas(t);
  const db = t.database.db;
  const edition = pickCurrentEdition(await listEditions(db));
  if (!edition) throw new Error("no edition");
  // A Land with nothing waiting and no decisions yet (the demo has some: its change requests), so its figures are exactly what this test adds.
  const [free] = await queryRows<{ code: string }>(
    db,
    sql`select s.code from state s where s.kind = 'land'
          and exists (select 1 from organisation o where o.state_code = s.code)
          and not exists (select 1 from event e join organisation o on o.id = e.organisation_id
                          where e.status in ('submitted', 'approved')
                            and (case when e.state_code in ('online', 'international') then o.state_code else e.state_code end) = s.code)
          and not exists (select 1 from review_decision d join event e on e.id = d.event_id join organisation o on o.id = e.organisation_id
                          where (case when e.state_code in ('online', 'international') then o.state_code else e.state_code end) = s.code)
        order by s.sort limit 1`,
  );
  land = free?.code ?? "";
  const org = await orgIn(db, land);
  const add = (status: "submitted" | "published", submittedAt: Date, slug: string) =>
    insertEventRecord(
      db,
      {
        editionId: edition.id,
        organisationId: org.id,
        slug,
        status,
        titleDe: `Betriebszahl ${slug}`,
        summaryDe: "Für die Betriebszahlen.",
        formatCode: "workshop",
        mode: "onsite",
        stateCode: land,
        submittedAt,
      },
      [{ startsAt: new Date(`${edition.startsOn}T09:00:00Z`), endsAt: new Date(`${edition.startsOn}T11:00:00Z`) }],
    );
  for (const [i, d] of [1, 2, 10].entries()) await add("submitted", daysAgo(d), `wartet-${i}`);
  const a = await add("published", daysAgo(10), "entschieden-a");
  const b = await add("published", daysAgo(5), "entschieden-b");
  await db.insert(eventHistory).values([
    { eventId: a, action: "submit", at: daysAgo(10) },
    { eventId: b, action: "submit", at: daysAgo(5) },
    { eventId: b, action: "submit", at: daysAgo(3) },
  ]);
  // a: 4 days; b: 1 day to the request for changes, then 2 days from the resubmission to publishing → median 2.
  await db.insert(reviewDecision).values([
    { eventId: a, action: "publish", at: daysAgo(6) },
    { eventId: b, action: "request_changes", at: daysAgo(4) },
    { eventId: b, action: "publish", at: daysAgo(1) },
    { eventId: b, action: "unpublish", at: daysAgo(0.5) },
  ]);
});
afterAll(async () => {
  await t.close();
});

const as = (name: PersonaName) => browserOf(t.app, p[name].session);

describe("operations figures: who may see them", () => {
  it("answers editors and admins only; coordinators and organisers 404, anonymous to the login", async () => {
    const expected: Record<PersonaName, number> = {
      anonymous: 303,
      organiserA: 404,
      organiserB: 404,
      coordinatorOther: 404,
      coordinator: 404,
      editor: 200,
      admin: 200,
    };
    for (const name of personaNames) {
      const response = await as(name).get("/mein-bereich/statistik/betrieb");
      expect(response.statusCode, name).toBe(expected[name]);
      if (response.statusCode === 200) expect(response.headers["cache-control"]).toBe("private, no-store");
    }
  });

  it("links them from the dashboard for editors, not for coordinators", async () => {
    const link = 'a[href="/mein-bereich/statistik/betrieb"]';
    expect(parseHtml((await as("editor").get("/mein-bereich/statistik")).body).querySelector(link)).not.toBeNull();
    expect(parseHtml((await as("coordinator").get("/mein-bereich/statistik")).body).querySelector(link)).toBeNull();
  });
});

describe("operations figures: the numbers", () => {
  it("gives the queue's age per Land: waiting, median and oldest in days at the given time", async () => {
    const figures = await loadOperationsFigures({ ctx: { db: t.database.db, actor: null }, now }).catch((e: unknown) => e);
    expect(figures).toBeInstanceOf(Error);
    const editor = { db: t.database.db, actor: { ...actorOf(p, "editor") } };
    const { rows } = await loadOperationsFigures({ ctx: editor, now });
    expect(rows.find((r) => r.code === land)?.queue).toEqual({ waiting: 3, medianDays: 2, oldestDays: 10 });
    // Waiting rows per review Land (the organiser's Land for online and international events), and the oldest in days.
    const independent = await queryRows<{ code: string; n: number; oldest: number | null }>(
      t.database.db,
      sql`select case when e.state_code = 'online' or e.state_code = 'international' then o.state_code else e.state_code end as code,
                 count(*)::int as n, max(extract(epoch from ${now.toISOString()}::timestamptz) - extract(epoch from e.submitted_at)) / 86400 as oldest
          from event e, organisation o, edition ed
          where o.id = e.organisation_id and ed.id = e.edition_id and e.status::text in ('submitted', 'approved') and ed.status::text <> 'archived'
          group by 1`,
    );
    for (const r of independent) {
      const row = rows.find((x) => x.code === r.code);
      expect(row?.queue.waiting, r.code).toBe(Number(r.n));
      if (r.oldest !== null) expect(row?.queue.oldestDays, r.code).toBeCloseTo(Number(r.oldest), 1);
    }
    const total = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from event e join edition ed on ed.id = e.edition_id
          where e.status in ('submitted', 'approved') and ed.status <> 'archived'`,
    );
    expect(rows.reduce((a, r) => a + r.queue.waiting, 0)).toBe(Number(total[0]?.n));
  });

  it("gives the median time from the submission before each decision to it, unpublishing left out", async () => {
    const { rows } = await loadOperationsFigures({ ctx: { db: t.database.db, actor: actorOf(p, "admin") }, now });
    expect(rows.find((r) => r.code === land)?.decision).toEqual({ decisions: 3, medianDays: 2 });
    // Elsewhere only the demo's own decisions (its change requests, each after a submission).
    const [demo] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from review_decision d where d.action <> 'unpublish'
          and exists (select 1 from event_history h where h.event_id = d.event_id and h.action = 'submit' and h.at < d.at)`,
    );
    expect(rows.filter((r) => r.code !== land).reduce((n, r) => n + r.decision.decisions, 0)).toBe(Number(demo?.n) - 3);
  });

  it("counts per Land the organisations of the last edition that have not submitted, checked by SQL", async () => {
    const { rows, edition, previous } = await loadOperationsFigures({ ctx: { db: t.database.db, actor: actorOf(p, "editor") }, now });
    if (!edition || !previous) return;
    const independent = await queryRows<{ code: string; n: number }>(
      t.database.db,
      sql`select o.state_code as code, count(*)::int as n from organisation o
          where o.status = 'active'
            and exists (select 1 from event e where e.organisation_id = o.id and e.edition_id = ${previous.id} and e.status in ('published', 'cancelled'))
            and not exists (select 1 from event e where e.organisation_id = o.id and e.edition_id = ${edition.id} and e.status <> 'draft')
          group by 1`,
    );
    const want = new Map(independent.map((r) => [r.code, Number(r.n)]));
    for (const r of rows) expect(r.missing.count, r.code).toBe(want.get(r.code) ?? 0);
  });

  it("shows the tables on the page, one row per Land", async () => {
    const doc = parseHtml((await as("editor").get("/mein-bereich/statistik/betrieb")).body);
    for (const id of ["queue-age", "decision-time"]) expect(doc.querySelectorAll(`#${id} tbody tr`)).toHaveLength(16);
    const row = doc.querySelector(`#queue-age tr[data-state="${land}"]`);
    expect([...(row?.querySelectorAll("td") ?? [])].map((td) => td.textContent)[0]).toBe("3");
  });
});

describe("operations figures: published events without a report per Land", () => {
  type Status = "published" | "cancelled" | "draft";
  type ReportStatus = (typeof report.$inferInsert)["status"];
  const day = 86_400_000;

  /** An event of the current edition in `land` that ended (or ends) `endDays` from now, with a report of `reportStatus` if given. */
  async function addEvent(slug: string, status: Status, endDays: number, reportStatus?: ReportStatus, stateCode = land) {
    const db = t.database.db;
    const edition = pickCurrentEdition(await listEditions(db));
    if (!edition) throw new Error("no edition");
    const org = await orgIn(db, land);
    const endsAt = new Date(Date.now() + endDays * day);
    const id = await insertEventRecord(
      db,
      {
        editionId: edition.id,
        organisationId: org.id,
        slug: `ohne-bericht-${slug}`,
        status,
        titleDe: `Berichtszahl ${slug}`,
        summaryDe: "Für die Berichtszahlen.",
        formatCode: "workshop",
        mode: stateCode === "online" ? "online" : "onsite",
        stateCode,
        ...(status === "cancelled" ? { cancelReason: "Sturm" } : {}),
      },
      [{ startsAt: new Date(endsAt.getTime() - 2 * 3_600_000), endsAt }],
    );
    if (reportStatus) await db.insert(report).values({ eventId: id, status: reportStatus, textDe: "Bericht", participantCount: 5 });
    return id;
  }

  it("counts ended published events per review Land and those without a report handed in, checked against the rows made here", async () => {
    const editor = { db: t.database.db, actor: actorOf(p, "editor") };
    const before = (await loadOperationsFigures({ ctx: editor })).rows.find((r) => r.code === land)?.reports;
    // Handed in: published, submitted, changes requested — also for an online event, counted in its organiser's Land.
    await addEvent("veroeffentlicht", "published", -3, "published");
    await addEvent("eingereicht", "published", -3, "submitted");
    await addEvent("in-aenderung", "published", -2, "changes_requested");
    await addEvent("online", "published", -2, "published", "online");
    // Not handed in: a draft, a withdrawn or a rejected report, or none.
    await addEvent("entwurf", "published", -2, "draft");
    await addEvent("zurueckgezogen", "published", -2, "withdrawn");
    await addEvent("abgelehnt", "published", -1, "rejected");
    await addEvent("keiner", "published", -1);
    // Not counted: cancelled, still a draft, or not over yet.
    await addEvent("abgesagt", "cancelled", -3);
    await addEvent("noch-entwurf", "draft", -3);
    await addEvent("kommt-noch", "published", 2);
    const after = await loadOperationsFigures({ ctx: editor });
    const row = after.rows.find((r) => r.code === land)?.reports;
    expect(row).toEqual({ published: (before?.published ?? 0) + 8, withoutReport: (before?.withoutReport ?? 0) + 4 });
    // The same at a time before any of them ended: none of them counts.
    const earlier = (await loadOperationsFigures({ ctx: editor, now: new Date(Date.now() - 4 * day) })).rows.find((r) => r.code === land);
    expect((row?.published ?? 0) - (earlier?.reports.published ?? 0)).toBeGreaterThanOrEqual(8);

    // The page's table: one row per Land, the figures of the verb and the share of those without a report.
    const doc = parseHtml((await as("editor").get("/mein-bereich/statistik/betrieb")).body);
    expect(doc.querySelectorAll("#without-report tbody tr")).toHaveLength(16);
    for (const r of after.rows) {
      const cells = [...(doc.querySelector(`#without-report tr[data-state="${r.code}"]`)?.querySelectorAll("td") ?? [])].map(
        (td) => td.textContent,
      );
      const share = r.reports.published === 0 ? "–" : `${Math.round((100 * r.reports.withoutReport) / r.reports.published)}\u00a0%`;
      expect(cells, r.code).toEqual([String(r.reports.published), String(r.reports.withoutReport), share]);
    }
  });
});

function actorOf(personas: Personas, name: "editor" | "admin") {
  const user = personas[name].user;
  if (!user) throw new Error("no user");
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    language: "de" as const,
    organisationIds: [],
    stateCodes: [],
  };
}
