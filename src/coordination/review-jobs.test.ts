import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../test/accounts.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { mailsTo } from "../../test/mail.ts";
import { createPersonas, type PersonaName, type Personas } from "../../test/personas.ts";
import { startSmtp, type TestSmtp } from "../../test/smtp.ts";
import { currentYear } from "../../test/template.ts";
import { queryRows } from "../db/client.ts";
import { edition, event, reviewDecision, user } from "../db/schema/index.ts";
import { decideEvent } from "../moderation/decide-event.ts";
import { actorOf, ctxOf } from "../organiser/organiser-test-kit.ts";
import { browserOf } from "../organiser/page-test-kit.ts";
import { sendReviewDigests } from "./review-digest.ts";
import { sendOverdueReminders } from "./review-reminders.ts";

let t: TestApp;
let p: Personas;
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ SMTP_URL: smtp.url });
  p = await createPersonas(t);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const baseUrl = "http://localhost:3000";
const as = (name: PersonaName) => browserOf(t.app, p[name].session);
const emailOf = (name: PersonaName) => p[name].user?.email ?? "";
const hours = (h: number) => h * 3600_000;
/** Monday 4 March 2030, 07:30 in Berlin (CET): far after every demo submission. */
const morning = new Date("2030-03-04T06:30:00Z");

/** Marks a published event of the current edition in a Land as (re)submitted at `at`; returns its id and title. */
async function submitDraftIn(stateCode: string, at: Date): Promise<{ id: number; title: string }> {
  const [row] = await queryRows<{ id: number; title: string }>(
    t.database.db,
    sql`update event set status = 'submitted', submitted_at = ${at.toISOString()}
        where id = (select e.id from event e join edition ed on ed.id = e.edition_id
                    where ed.year = ${currentYear} and e.status = 'published' and e.state_code = ${stateCode} and e.revision_of is null order by e.id limit 1)
        returning id, title_de as title`,
  );
  if (!row) throw new Error(`no published event in ${stateCode}`);
  return row;
}

const delivered = async (email: string, count: number) => {
  await t.app.mailWorker.runOnce();
  const mails = smtp.received.filter((m) => m.envelopeTo.includes(email));
  expect(mails, `mails to ${email}`).toHaveLength(count);
  return mails.at(-1);
};

describe("the daily review digest", () => {
  it("mails each reviewer the new submissions of their Länder once a day, nothing when there are none, and honours the opt-out", async () => {
    const db = t.database.db;
    const bw = await submitDraftIn("BW", new Date(morning.getTime() - hours(2)));
    const by = await submitDraftIn("BY", new Date(morning.getTime() - hours(3)));

    // Before 07:00 Berlin time nothing goes out.
    expect(await sendReviewDigests({ db, baseUrl, now: new Date("2030-03-04T05:30:00Z") })).toEqual({ sent: 0 });

    // Through the scheduler, as the timer runs it (only this job: housekeeping at this pinned 2030 clock would
    // clear today's sessions and mail, and the demo's waiting submissions are overdue by then, so the
    // overdue job would mail the coordinators too — tested below).
    expect(await t.app.scheduler.runDue(morning, ["review-digest"])).toMatchObject({ "review-digest": { sent: 3 } });
    const toBw = await delivered(emailOf("coordinator"), 1);
    expect(toBw?.subject).toBe("Clusterwoche: 1 neue Einreichung zur Prüfung");
    expect(toBw?.text).toContain(bw.title);
    expect(toBw?.text).not.toContain(by.title);
    expect(toBw?.text).toContain("Baden-Württemberg");
    expect(toBw?.text).toContain(`${baseUrl}/mein-bereich/pruefung`);
    const toBy = await delivered(emailOf("coordinatorOther"), 1);
    expect(toBy?.text).toContain(by.title);
    expect(toBy?.text).not.toContain(bw.title);
    const toEditor = await delivered(emailOf("editor"), 1);
    expect(toEditor?.subject).toBe("Clusterwoche: 2 neue Einreichungen zur Prüfung");
    expect(await mailsTo(db, emailOf("admin"))).toEqual([]);
    expect(await mailsTo(db, emailOf("organiserA"))).toEqual([]);

    // Again the same day: nothing. The next day without new submissions: nothing either.
    expect(await sendReviewDigests({ db, baseUrl, now: new Date(morning.getTime() + hours(3)) })).toEqual({ sent: 0 });
    expect(await sendReviewDigests({ db, baseUrl, now: new Date(morning.getTime() + hours(24)) })).toEqual({ sent: 0 });
    await delivered(emailOf("coordinator"), 1);

    // The coordinator opts out on /konto; a new BW submission then reaches only the editor.
    const settings = parseHtml((await as("coordinator").get("/konto")).body);
    expect(settings.querySelector<HTMLInputElement>("#field-reviewDigest")?.hasAttribute("checked")).toBe(true);
    expect((await as("coordinator").post("/konto/uebersicht", {})).statusCode).toBe(303);
    const [row] = await db
      .select({ reviewDigest: user.reviewDigest })
      .from(user)
      .where(eq(user.email, emailOf("coordinator")));
    expect(row?.reviewDigest).toBe(false);
    expect(
      parseHtml((await as("coordinator").get("/konto")).body)
        .querySelector("#field-reviewDigest")
        ?.hasAttribute("checked"),
    ).toBe(false);

    const nextDay = new Date(morning.getTime() + hours(48));
    const later = await submitDraftIn("BW", new Date(nextDay.getTime() - hours(1)));
    expect(await sendReviewDigests({ db, baseUrl, now: nextDay })).toEqual({ sent: 1 });
    const editorAgain = await delivered(emailOf("editor"), 2);
    // Since the last digest: only the new one.
    expect(editorAgain?.text).toContain(later.title);
    expect(editorAgain?.text).not.toContain(bw.title);
    await delivered(emailOf("coordinator"), 1);

    // Back on; organisers and admins have no such setting.
    expect((await as("coordinator").post("/konto/uebersicht", { reviewDigest: "1" })).statusCode).toBe(303);
    expect(
      (
        await db
          .select({ d: user.reviewDigest })
          .from(user)
          .where(eq(user.email, emailOf("coordinator")))
      )[0]?.d,
    ).toBe(true);
    expect(parseHtml((await as("organiserA").get("/konto")).body).querySelector("#field-reviewDigest")).toBeNull();
    expect((await as("organiserA").post("/konto/uebersicht", { reviewDigest: "1" })).statusCode).toBe(404);
    expect((await browserOf(t.app, p.coordinator.session, { csrf: false }).post("/konto/uebersicht", {})).statusCode).toBe(403);
  });
});

describe("the daily review digest in a two-tier edition", () => {
  it("gives editors what the Länder approved and submissions of Länder without a coordinator, and admins nothing", async () => {
    const db = t.database.db;
    const now = new Date("2030-09-02T06:30:00Z"); // Monday 08:30 in Berlin (CEST)
    await db.update(edition).set({ moderation: "two_tier" }).where(eq(edition.year, currentYear));
    try {
      const [free] = await queryRows<{ code: string }>(
        db,
        sql`select s.code from state s where s.kind = 'land' and s.code not in (select state_code from coordinator_state)
              and exists (select 1 from event e join edition ed on ed.id = e.edition_id
                          where ed.year = ${currentYear} and e.status = 'published' and e.state_code = s.code)
            order by s.code limit 1`,
      );
      if (!free) throw new Error("every Land with events has a coordinator");
      const approved = await submitDraftIn("BW", new Date(now.getTime() - hours(5)));
      const waitingBy = await submitDraftIn("BY", new Date(now.getTime() - hours(4)));
      const unattended = await submitDraftIn(free.code, new Date(now.getTime() - hours(3)));
      const coordinator = await actorOf(db, p.coordinator.user?.id ?? 0);
      const [{ version } = { version: 0 }] = await db.select({ version: event.version }).from(event).where(eq(event.id, approved.id));
      await decideEvent({ ctx: ctxOf(db, coordinator), input: { id: approved.id, version, action: "approve" } });
      // The decision happened at the pinned clock's hour.
      await db
        .update(reviewDecision)
        .set({ at: new Date(now.getTime() - hours(2)) })
        .where(eq(reviewDecision.eventId, approved.id));
      const before = (name: PersonaName) => smtp.received.filter((m) => m.envelopeTo.includes(emailOf(name))).length;
      const editorBefore = before("editor");

      await sendReviewDigests({ db, baseUrl, now });
      const toEditor = await delivered(emailOf("editor"), editorBefore + 1);
      expect(toEditor?.subject).toBe("Clusterwoche: 1 neue Einreichung, 1 zur Veröffentlichung");
      const [submittedPart, approvedPart] = (toEditor?.text ?? "").split("warten auf Veröffentlichung");
      expect(submittedPart).toContain(unattended.title);
      expect(approvedPart).toContain(approved.title);
      expect(approvedPart).toContain("freigegeben");
      // BY has a coordinator, who approves first: not in the national office's digest.
      expect(toEditor?.text).not.toContain(waitingBy.title);
      const toBy = smtp.received.filter((m) => m.envelopeTo.includes(emailOf("coordinatorOther"))).at(-1);
      expect(toBy?.text).toContain(waitingBy.title);
      // Admins operate the platform: no digest, whatever their setting says.
      const [admin] = await db
        .select({ reviewDigest: user.reviewDigest })
        .from(user)
        .where(eq(user.email, emailOf("admin")));
      expect(admin?.reviewDigest).toBe(true);
      expect(await mailsTo(db, emailOf("admin"))).toEqual([]);
    } finally {
      await db.update(edition).set({ moderation: "one_tier" }).where(eq(edition.year, currentYear));
    }
  });
});

describe("deactivated accounts", () => {
  it("get no digest, no reminder and no decision mail, and a Land whose only coordinator is deactivated counts as unattended", async () => {
    const db = t.database.db;
    const now = new Date("2030-10-07T06:30:00Z"); // Monday 08:30 in Berlin (CEST)
    const [free] = await queryRows<{ code: string }>(
      db,
      sql`select s.code from state s where s.kind = 'land' and s.code not in (select state_code from coordinator_state)
            and exists (select 1 from event e join edition ed on ed.id = e.edition_id
                        where ed.year = ${currentYear} and e.status = 'published' and e.state_code = s.code and e.organisation_id in
                              (select id from organisation where state_code = s.code))
          order by s.code limit 1`,
    );
    if (!free) throw new Error("every Land with events has a coordinator");
    const [ed] = await queryRows<{ days: number }>(db, sql`select review_target_days as days from edition where year = ${currentYear}`);
    const waiting = await submitDraftIn(free.code, new Date(now.getTime() - hours(24 * (Number(ed?.days) + 1))));
    const gone = await createUser(db, { role: "coordinator", stateCodes: [free.code], name: "Ehemalige Koordination" });
    const [{ organisationId } = { organisationId: 0 }] = await db
      .select({ organisationId: event.organisationId })
      .from(event)
      .where(eq(event.id, waiting.id));
    const member = await createUser(db, { organisationIds: [organisationId] });
    const leftMember = await createUser(db, { organisationIds: [organisationId] });
    await db
      .update(user)
      .set({ deactivatedAt: new Date() })
      .where(inArray(user.id, [gone.id, leftMember.id]));

    await sendReviewDigests({ db, baseUrl, now });
    await sendOverdueReminders({ db, baseUrl, now });
    // Delivered now, so the next tests count only their own mails (older BW submissions are overdue by this clock).
    await t.app.mailWorker.runOnce();
    expect(await mailsTo(db, gone.email)).toEqual([]);
    // Nobody active coordinates the Land: the national office sees it flagged.
    const flagged = await as("editor").get("/mein-bereich/pruefung?unattended=1");
    expect(parseHtml(flagged.body).body.textContent).toContain(waiting.title);

    const editor = await actorOf(db, p.editor.user?.id ?? 0);
    const [{ version } = { version: 0 }] = await db.select({ version: event.version }).from(event).where(eq(event.id, waiting.id));
    await decideEvent({ ctx: ctxOf(db, editor), input: { id: waiting.id, version, action: "publish" } });
    expect(await mailsTo(db, member.email)).toHaveLength(1);
    expect(await mailsTo(db, leftMember.email)).toEqual([]);
  });
});

describe("the overdue-review reminder", () => {
  it("reminds the coordinators of the event's Land once when it waited longer than the edition's review target", async () => {
    const db = t.database.db;
    const now = new Date("2030-06-03T08:00:00Z");
    const [edition] = await queryRows<{ days: number }>(
      db,
      sql`select review_target_days as days from edition where year = ${currentYear}`,
    );
    const days = Number(edition?.days);
    expect(days).toBeGreaterThan(0);
    const old = await submitDraftIn("BW", new Date(now.getTime() - hours(24 * days + 1)));
    const fresh = await submitDraftIn("BW", new Date(now.getTime() - hours(24 * days - 1)));
    const before = smtp.received.filter((m) => m.envelopeTo.includes(emailOf("coordinator"))).length;

    const first = await sendOverdueReminders({ db, baseUrl, now });
    expect(first.sent).toBeGreaterThanOrEqual(1);
    const mail = await delivered(emailOf("coordinator"), before + 1);
    expect(mail?.subject).toMatch(new RegExp(`warte[nt] länger als ${days} Tage$`));
    expect(mail?.text).toContain(old.title);
    expect(mail?.text).not.toContain(fresh.title);
    // BY's coordinator is not told about BW's events; editors get no reminder.
    const toOther = smtp.received.filter((m) => m.envelopeTo.includes(emailOf("coordinatorOther")));
    expect(toOther.some((m) => m.text?.includes(old.title))).toBe(false);
    expect(smtp.received.filter((m) => m.envelopeTo.includes(emailOf("editor"))).some((m) => m.subject?.includes("länger als"))).toBe(
      false,
    );

    // Once per event and coordinator: the next runs name it no more; the other one when it is due.
    expect(await sendOverdueReminders({ db, baseUrl, now: new Date(now.getTime() + hours(1)) })).toEqual({ sent: 0 });
    const dayAfter = await sendOverdueReminders({ db, baseUrl, now: new Date(now.getTime() + hours(24)) });
    expect(dayAfter.sent).toBe(1);
    const second = await delivered(emailOf("coordinator"), before + 2);
    expect(second?.text).toContain(fresh.title);
    expect(second?.text).not.toContain(old.title);
  });
});
