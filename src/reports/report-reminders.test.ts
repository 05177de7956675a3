import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../test/accounts.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { mailsTo } from "../../test/mail.ts";
import { createPersonas, type PersonaName, type Personas, personaNames } from "../../test/personas.ts";
import { queryRows } from "../db/client.ts";
import { event, report, user } from "../db/schema/index.ts";
import { browserOf } from "../organiser/page-test-kit.ts";
import { remindMissingReports } from "./missing-reports.ts";
import { pastEventOf } from "./report.fixtures.ts";
import { sendReportReminders } from "./report-reminders.ts";

let t: TestApp;
let p: Personas;
let ended: number;
let cancelled: number;
let reported: number;
let optedOut: { id: number; email: string };
const endsAt = new Date("2030-05-10T16:00:00Z"); // Friday 10 May 2030, 18:00 in Berlin
const at = (iso: string) => new Date(iso);
const run = (now: Date) => sendReportReminders({ db: t.database.db, baseUrl: "http://localhost:3000", now });
const reminders = async (email: string, eventId: number) =>
  (await mailsTo(t.database.db, email)).filter((m) => m.text.includes(`/mein-bereich/veranstaltungen/${eventId}/bericht`));

beforeAll(async () => {
  t = await createTestApp();
  p = await createPersonas(t);
  ended = await pastEventOf(t, p.orgA.id);
  cancelled = await pastEventOf(t, p.orgA.id, [ended]);
  reported = await pastEventOf(t, p.orgA.id, [ended, cancelled]);
  // Three events of A ending on the pinned day: one plain, one cancelled, one with a submitted report.
  await t.database.db.update(event).set({ endsAt }).where(sql`${event.id} in (${ended}, ${cancelled}, ${reported})`);
  await t.database.db.update(event).set({ status: "cancelled", cancelReason: "Sturm" }).where(eq(event.id, cancelled));
  await t.database.db.insert(report).values({ eventId: reported, status: "submitted", textDe: "Schon da", participantCount: 3 });
  const other = await createUser(t.database.db, { role: "organiser", organisationIds: [p.orgA.id] });
  await t.database.db.update(user).set({ reportReminders: false }).where(eq(user.id, other.id));
  optedOut = other;
});
afterAll(() => t.close());

describe("report reminders (scheduled job, pinned clock)", () => {
  it("nothing on the event's own day", async () => {
    await run(at("2030-05-10T20:00:00Z"));
    expect(await reminders(p.organiserA.user?.email ?? "", ended)).toHaveLength(0);
  });

  it("exactly one mail per organiser the day after, and none again that week", async () => {
    await run(at("2030-05-11T07:00:00Z"));
    await run(at("2030-05-11T08:00:00Z"));
    await run(at("2030-05-13T08:00:00Z"));
    const mails = await reminders(p.organiserA.user?.email ?? "", ended);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toMatch(/^Wie war es\? Ihr Bericht zu/);
    expect(mails[0]?.text).toContain("Konto");
  });

  it("one more a week later, then never again", async () => {
    await run(at("2030-05-18T08:00:00Z"));
    await run(at("2030-05-19T08:00:00Z"));
    await run(at("2030-06-30T08:00:00Z"));
    const mails = await reminders(p.organiserA.user?.email ?? "", ended);
    expect(mails).toHaveLength(2);
    expect(mails[0]?.subject).toMatch(/^Erinnerung: Ihr Bericht zu „/);
    expect(mails[1]?.subject).toMatch(/^Wie war es\? Ihr Bericht zu „/);
  });

  it("none for the cancelled event, the reported one, or an organiser who opted out", async () => {
    const email = p.organiserA.user?.email ?? "";
    expect(await reminders(email, cancelled)).toHaveLength(0);
    expect(await reminders(email, reported)).toHaveLength(0);
    expect(await mailsTo(t.database.db, optedOut.email)).toHaveLength(0);
    const keys = await queryRows<{ key: string }>(
      t.database.db,
      sql`select subject_key as key from notification_log where kind = 'report_reminder' order by 1`,
    );
    const ofEvent = (id: number) => keys.filter((k) => k.key.endsWith(`:${id}`)).map((k) => k.key);
    expect(ofEvent(cancelled)).toEqual([]);
    expect(ofEvent(reported)).toEqual([]);
    expect(ofEvent(ended)).toContain(`day:${p.organiserA.user?.id}:${ended}`);
    expect(ofEvent(ended)).toContain(`week:${p.organiserA.user?.id}:${ended}`);
    expect(ofEvent(ended).some((k) => k.includes(`:${optedOut.id}:`))).toBe(false);
  });

  it("the opt-out is on /konto for organisation members only", async () => {
    const settings = parseHtml((await browserOf(t.app, p.organiserA.session).get("/konto")).body);
    expect(settings.querySelector("#field-reportReminders")?.hasAttribute("checked")).toBe(true);
    expect((await browserOf(t.app, p.organiserA.session).post("/konto/berichte", {})).statusCode).toBe(303);
    const [row] = await t.database.db
      .select({ on: user.reportReminders })
      .from(user)
      .where(eq(user.id, p.organiserA.user?.id ?? 0));
    expect(row?.on).toBe(false);
    expect((await browserOf(t.app, p.organiserA.session).post("/konto/berichte", { reportReminders: "1" })).statusCode).toBe(303);
    expect(parseHtml((await browserOf(t.app, p.editor.session).get("/konto")).body).querySelector("#field-reportReminders")).toBeNull();
    expect((await browserOf(t.app, p.editor.session).post("/konto/berichte", { reportReminders: "1" })).statusCode).toBe(404);
  });
});

describe("coordinators remind every organisation with a missing report", () => {
  it("button on the overview for BW's coordinator, editors and admins; others 404; once a day; audited", async () => {
    const path = "/mein-bereich/land/BW/berichte-erinnern";
    const statuses: Record<string, number> = {};
    const now = new Date();
    for (const who of personaNames.filter(
      (n): n is Exclude<PersonaName, "coordinator" | "editor" | "admin"> => !["coordinator", "editor", "admin"].includes(n),
    ))
      statuses[who] = (await browserOf(t.app, p[who].session).post(path, {})).statusCode;
    expect(statuses).toEqual({ anonymous: 303, organiserA: 404, organiserB: 404, coordinatorOther: 404 });
    const overview = parseHtml((await browserOf(t.app, p.coordinator.session).get("/mein-bereich/land/BW")).body);
    const section = overview.querySelector("section[aria-labelledby=missing-reports-title]");
    expect(section?.querySelector(`form[action="${path}"] button`)).not.toBeNull();
    const first = await remindMissingReports({
      ctx: { db: t.database.db, actor: actorOf(p, "coordinator"), baseUrl: "http://localhost:3000" },
      input: { stateCode: "BW" },
      now,
    });
    expect(first.reminded).toBeGreaterThan(0);
    const again = await browserOf(t.app, p.coordinator.session).post(path, {});
    expect(again.statusCode).toBe(303);
    const audit = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where action = 'report.remind'`,
    );
    expect(audit[0]?.n).toBe(first.reminded);
    expect((await browserOf(t.app, p.coordinatorOther.session).get("/mein-bereich/land/BW")).statusCode).toBe(404);
  });
});

function actorOf(personas: Personas, who: "coordinator") {
  const u = personas[who].user;
  if (!u) throw new Error("no user");
  return { userId: u.id, name: u.name, email: u.email, role: u.role, language: "de" as const, organisationIds: [], stateCodes: ["BW"] };
}
