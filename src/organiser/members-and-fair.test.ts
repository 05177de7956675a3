import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/database.ts";
import { currentYear, templateToday } from "../../test/template.ts";
import { type Database, queryRows } from "../db/client.ts";
import { edition, membership, tradeFair, tradeFairPresence } from "../db/schema/index.ts";
import { insertEventRecord } from "../events/event-record.ts";
import { AppError } from "../lib/errors.ts";
import { listTradeFairPresences } from "../trade-fairs/trade-fair-queries.ts";
import { acceptInvitation } from "./accept-invitation.ts";
import { changeMemberRole } from "./change-member-role.ts";
import { deleteTradeFairPresence } from "./delete-trade-fair-presence.ts";
import { inviteMember } from "./invite-member.ts";
import { listMembers } from "./list-members.ts";
import { loadDashboard } from "./load-dashboard.ts";
import { ctxOf, giveOrganisation, mailsTo, makeActor, orgFields, tokenFromText } from "./organiser-test-kit.ts";
import { removeMember } from "./remove-member.ts";
import { requestOrganisation } from "./request-organisation.ts";
import { revokeInvitation } from "./revoke-invitation.ts";
import { saveTradeFairPresence } from "./save-trade-fair-presence.ts";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return { code: "ok", fields: {} };
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, fields: error.fields };
    throw error;
  }
};

describe("invitations and members", () => {
  it("mails an invitation whose link makes the invitee a member; the token is stored only hashed", async () => {
    const db = database.db;
    const owner = await makeActor(db, { language: "en" });
    const org = await giveOrganisation(db, owner, "BY");
    const invitee = await makeActor(db, { email: "Neue.Kollegin@example.org" });

    await inviteMember({ ctx: ctxOf(db, owner), input: { organisationId: org.id, email: " neue.kollegin@EXAMPLE.org ", role: "member" } });
    const [mail] = await mailsTo(db, "neue.kollegin@example.org");
    expect(mail?.language).toBe("de"); // the invitee has a German account
    expect(mail?.subject).toContain(org.name);
    expect(mail?.text).toContain("registrieren Sie sich zuerst mit dieser Adresse: neue.kollegin@example.org");
    const token = tokenFromText(mail?.text ?? "");
    const stored = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from organisation_invitation where token_hash = ${token}`,
    );
    expect(Number(stored[0]?.n)).toBe(0);

    const stranger = await makeActor(db);
    expect((await failure(acceptInvitation({ ctx: ctxOf(db, null), input: { token } }))).code).toBe("unauthenticated");
    // Someone else with the link must confirm that they accept an invitation sent to another address.
    expect(await failure(acceptInvitation({ ctx: ctxOf(db, stranger), input: { token } }))).toEqual({
      code: "validation",
      fields: { confirmOtherEmail: "emailMismatch" },
    });
    await acceptInvitation({ ctx: ctxOf(db, invitee), input: { token } });
    const team = await listMembers({ ctx: ctxOf(db, owner), input: { organisationId: org.id } });
    expect(team.members.map((m) => [m.userId, m.role])).toEqual(
      expect.arrayContaining([
        [owner.userId, "owner"],
        [invitee.userId, "member"],
      ]),
    );
    expect(team.invitations).toHaveLength(0);
    // A link works once.
    expect((await failure(acceptInvitation({ ctx: ctxOf(db, stranger), input: { token, confirmOtherEmail: "on" } }))).code).toBe(
      "not_found",
    );
    // Inviting a member again is refused with a message at the field.
    expect(
      (await failure(inviteMember({ ctx: ctxOf(db, owner), input: { organisationId: org.id, email: invitee.email } }))).fields,
    ).toEqual({
      email: "alreadyMember",
    });
  });

  it("mails unknown addresses in the inviter's language; revoked links stop working; members cannot invite", async () => {
    const db = database.db;
    const owner = await makeActor(db, { language: "en" });
    const org = await giveOrganisation(db, owner, "BW");
    await inviteMember({ ctx: ctxOf(db, owner), input: { organisationId: org.id, email: "someone.new@example.org" } });
    const [mail] = await mailsTo(db, "someone.new@example.org");
    expect(mail?.language).toBe("en");
    expect(mail?.text).toContain("first register with this address: someone.new@example.org");
    expect(mail?.text).toMatch(/http:\/\/localhost:3000\/einladung\/[\w-]{40,}\?lang=en/);
    const token = tokenFromText(mail?.text ?? "");
    const { invitations } = await listMembers({ ctx: ctxOf(db, owner), input: { organisationId: org.id } });
    const invitationId = invitations[0]?.id ?? 0;

    const member = await makeActor(db);
    await db.insert(membership).values({ userId: member.userId, organisationId: org.id, role: "member" });
    const memberInvites = inviteMember({ ctx: ctxOf(db, member), input: { organisationId: org.id, email: "x@example.org" } });
    expect((await failure(memberInvites)).code).toBe("forbidden");
    expect((await failure(revokeInvitation({ ctx: ctxOf(db, member), input: { organisationId: org.id, invitationId } }))).code).toBe(
      "forbidden",
    );
    const outsider = await makeActor(db);
    const outsiderInvites = inviteMember({ ctx: ctxOf(db, outsider), input: { organisationId: org.id, email: "x@example.org" } });
    expect((await failure(outsiderInvites)).code).toBe("not_found");

    await revokeInvitation({ ctx: ctxOf(db, owner), input: { organisationId: org.id, invitationId } });
    const newcomer = await makeActor(db, { email: "someone.new@example.org" });
    expect((await failure(acceptInvitation({ ctx: ctxOf(db, newcomer), input: { token } }))).code).toBe("not_found");
  });

  it("caps the open invitations of an organisation (no mail floods)", async () => {
    const db = database.db;
    const owner = await makeActor(db);
    const org = await giveOrganisation(db, owner, "SN");
    const invite = (n: number) =>
      failure(inviteMember({ ctx: ctxOf(db, owner), input: { organisationId: org.id, email: `flood${n}@example.org` } }));
    for (let n = 0; n < 30; n++) expect((await invite(n)).code).toBe("ok");
    expect((await invite(30)).code).toBe("conflict");
    expect(await mailsTo(db, "flood30@example.org")).toHaveLength(0);
  });

  it("refuses to remove the last owner; owners remove members; members may only leave", async () => {
    const db = database.db;
    const owner = await makeActor(db);
    const org = await giveOrganisation(db, owner, "NI");
    const member = await makeActor(db);
    const other = await makeActor(db);
    await db.insert(membership).values([
      { userId: member.userId, organisationId: org.id, role: "member" },
      { userId: other.userId, organisationId: org.id, role: "member" },
    ]);
    const remove = (actor: typeof owner, userId: number) =>
      failure(removeMember({ ctx: ctxOf(db, actor), input: { organisationId: org.id, userId } }));

    expect((await remove(owner, owner.userId)).code).toBe("conflict");
    expect((await remove(member, other.userId)).code).toBe("forbidden");
    expect((await remove(member, member.userId)).code).toBe("ok");
    expect((await remove(owner, other.userId)).code).toBe("ok");
    expect((await remove(owner, 999_999)).code).toBe("not_found");
    const left = await db.select().from(membership).where(eq(membership.organisationId, org.id));
    expect(left.map((m) => m.userId)).toEqual([owner.userId]);

    // Handing over: the owner makes a newcomer an owner, may then step down and leave.
    const successor = await makeActor(db);
    await db.insert(membership).values({ userId: successor.userId, organisationId: org.id, role: "member" });
    const change = (actor: typeof owner, userId: number, role: string) =>
      failure(changeMemberRole({ ctx: ctxOf(db, actor), input: { organisationId: org.id, userId, role } }));
    expect((await change(successor, successor.userId, "owner")).code).toBe("forbidden");
    expect((await change(owner, owner.userId, "member")).code).toBe("conflict");
    expect((await change(owner, successor.userId, "admin")).code).toBe("validation");
    expect((await change(owner, successor.userId, "owner")).code).toBe("ok");
    expect((await remove(owner, owner.userId)).code).toBe("ok");
    const after = await db.select().from(membership).where(eq(membership.organisationId, org.id));
    expect(after.map((m) => [m.userId, m.role])).toEqual([[successor.userId, "owner"]]);
  });
});

describe("trade-fair presences", () => {
  it("registers a booth within the fair's days, refuses days outside it and hides other organisations' booths", async () => {
    const db = database.db;
    const owner = await makeActor(db);
    const org = await giveOrganisation(db, owner, "HE");
    const [fair] = await db
      .select()
      .from(tradeFair)
      .innerJoin(edition, eq(edition.id, tradeFair.editionId))
      .where(eq(edition.year, currentYear));
    if (!fair) throw new Error("no fair in the current edition");
    // The demo's fair of the upcoming edition: 2019's days (1.–5. April) shifted into 2027.
    expect([fair.trade_fair.startsOn, fair.trade_fair.endsOn]).toEqual(["2027-04-05", "2027-04-09"]);
    const input = {
      organisationId: org.id,
      fairId: fair.trade_fair.id,
      hall: "Halle 2",
      booth: "Z99",
      days: ["2027-04-06", "2027-04-07"],
      coExhibitors: "Firma Eins\r\n\r\nFirma Zwei",
      textDe: "<script>alert(1)</script> Neuheiten",
      textEn: "",
    };
    const outside = await failure(
      saveTradeFairPresence({ ctx: ctxOf(db, owner), input: { ...input, days: ["2027-04-09", "2027-04-10"] } }),
    );
    expect(outside).toEqual({ code: "validation", fields: { days: "outsideFair" } });
    expect((await failure(saveTradeFairPresence({ ctx: ctxOf(db, owner), input: { ...input, days: [] } }))).fields).toEqual({
      days: "chooseDay",
    });

    const { presenceId } = await saveTradeFairPresence({ ctx: ctxOf(db, owner), input });
    const [saved] = await db.select().from(tradeFairPresence).where(eq(tradeFairPresence.id, presenceId));
    expect(saved).toMatchObject({ fair: "Hannover Messe", days: ["2027-04-06", "2027-04-07"], coExhibitors: ["Firma Eins", "Firma Zwei"] });
    expect((await listTradeFairPresences(db, fair.edition.id)).some((b) => b.id === presenceId)).toBe(true);

    await saveTradeFairPresence({ ctx: ctxOf(db, owner), input: { ...input, presenceId, booth: "Z98" } });
    const [changed] = await db.select().from(tradeFairPresence).where(eq(tradeFairPresence.id, presenceId));
    expect(changed?.booth).toBe("Z98");

    // Someone else's booth does not exist for this organisation, neither to change nor to delete.
    const [foreign] = await db
      .select({ id: tradeFairPresence.id })
      .from(tradeFairPresence)
      .where(and(eq(tradeFairPresence.editionId, fair.edition.id), sql`${tradeFairPresence.organisationId} <> ${org.id}`))
      .limit(1);
    const foreignId = foreign?.id ?? 0;
    expect((await failure(saveTradeFairPresence({ ctx: ctxOf(db, owner), input: { ...input, presenceId: foreignId } }))).code).toBe(
      "not_found",
    );
    const deleteForeign = deleteTradeFairPresence({ ctx: ctxOf(db, owner), input: { organisationId: org.id, presenceId: foreignId } });
    expect((await failure(deleteForeign)).code).toBe("not_found");

    const dashboard = await loadDashboard({ ctx: ctxOf(db, owner), input: { organisationId: org.id } });
    expect(dashboard.presences.map((p) => p.id)).toContain(presenceId);

    await deleteTradeFairPresence({ ctx: ctxOf(db, owner), input: { organisationId: org.id, presenceId } });
    expect(await db.select().from(tradeFairPresence).where(eq(tradeFairPresence.id, presenceId))).toHaveLength(0);
  });

  it("lets only confirmed organisations register booths", async () => {
    const db = database.db;
    const requester = await makeActor(db);
    const { organisationId } = await requestOrganisation({ ctx: ctxOf(db, requester), input: orgFields("Messe-Neuling") });
    const [fair] = await db.select().from(tradeFair).orderBy(tradeFair.id).limit(2);
    const input = { organisationId, fairId: fair?.id, hall: "1", booth: "1", days: ["2027-04-06"] };
    expect((await failure(saveTradeFairPresence({ ctx: ctxOf(db, requester), input }))).code).toBe("conflict");
  });
});

describe("loadDashboard", () => {
  it("groups the organisation's events of the current edition by status and names what is missing", async () => {
    const db = database.db;
    const owner = await makeActor(db);
    const org = await giveOrganisation(db, owner, "BW");
    const dashboard = await loadDashboard({ ctx: ctxOf(db, owner), input: { organisationId: org.id, now: templateToday } });
    expect(dashboard.edition?.year).toBe(currentYear);
    expect(dashboard.groups.map((g) => g.status)).toEqual([
      "draft",
      "submitted",
      "changes_requested",
      "approved",
      "published",
      "rejected",
      "cancelled",
    ]);
    const counted = await queryRows<{ status: string; n: number }>(
      db,
      sql`select status::text, count(*)::int as n from event where organisation_id = ${org.id} and edition_id = ${dashboard.edition?.id ?? 0} and revision_of is null group by status`,
    );
    const expected = Object.fromEntries(counted.map((r) => [r.status, Number(r.n)]));
    for (const group of dashboard.groups) expect(group.events.length, group.status).toBe(expected[group.status] ?? 0);
    expect(dashboard.window?.state).toBe("open");
    // The window's dates decide only while the edition takes submissions (status open, editions/edition-rules.ts).
    const editionId = dashboard.edition?.id ?? 0;
    const [{ status: statusBefore } = { status: "open" as const }] = await db
      .select({ status: edition.status })
      .from(edition)
      .where(eq(edition.id, editionId));
    await db.update(edition).set({ status: "running" }).where(eq(edition.id, editionId));
    expect((await loadDashboard({ ctx: ctxOf(db, owner), input: { organisationId: org.id, now: templateToday } })).window).toMatchObject({
      state: "closed",
      byStatus: true,
    });
    await db.update(edition).set({ status: "open" }).where(eq(edition.id, editionId));
    const before = await loadDashboard({ ctx: ctxOf(db, owner), input: { organisationId: org.id, now: new Date("2026-09-01T12:00:00Z") } });
    expect(before.window?.state).toBe("before");
    const open = await loadDashboard({ ctx: ctxOf(db, owner), input: { organisationId: org.id, now: new Date("2027-01-10T12:00:00Z") } });
    expect(open.window?.state).toBe("open");
    await db.update(edition).set({ status: statusBefore }).where(eq(edition.id, editionId));
    const draftId = await insertEventRecord(
      db,
      {
        editionId: dashboard.edition?.id ?? 0,
        organisationId: org.id,
        slug: "entwurf-ohne-bild",
        status: "draft",
        titleDe: "Entwurf ohne Bild",
        titleEn: "Draft without image",
        summaryDe: "Kurz.",
        formatCode: "workshop",
        stateCode: "BW",
      },
      [{ startsAt: new Date("2027-04-07T08:00:00Z"), endsAt: new Date("2027-04-07T10:00:00Z") }],
    );
    const withDraft = await loadDashboard({ ctx: ctxOf(db, owner), input: { organisationId: org.id } });
    const draft = withDraft.groups.find((g) => g.status === "draft")?.events.find((e) => e.id === draftId);
    expect(draft?.missing).toEqual(["summaryEn", "image"]);
    const outsider = await makeActor(db);
    expect((await failure(loadDashboard({ ctx: ctxOf(db, outsider), input: { organisationId: org.id } }))).code).toBe("not_found");
  });
});
