import { and, asc, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/database.ts";
import type { Database } from "../db/client.ts";
import { auditLog } from "../db/schema/index.ts";
import { AppError } from "../lib/errors.ts";
import { acceptInvitation } from "./accept-invitation.ts";
import { changeMemberRole } from "./change-member-role.ts";
import { decideOrganisationRequest } from "./decide-organisation-request.ts";
import { inviteMember } from "./invite-member.ts";
import { ctxOf, giveOrganisation, mailsTo, makeActor, orgFields, tokenFromText } from "./organiser-test-kit.ts";
import { removeMember } from "./remove-member.ts";
import { requestOrganisation } from "./request-organisation.ts";
import { revokeInvitation } from "./revoke-invitation.ts";

/** Audit rows of the privileged organiser verbs (PRODUCT §8): who, what, before → after; none when the action fails. */
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error) => {
      if (error instanceof AppError) return error.code;
      throw error;
    },
  );
const auditOf = (objectType: string, objectId: string) =>
  database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.objectType, objectType), like(auditLog.objectId, objectId)))
    .orderBy(asc(auditLog.id));
const allRows = async () => (await database.db.select().from(auditLog)).length;

describe("audit rows of organisation requests", () => {
  it("records a confirmation and a decline with the organisation's Land, and nothing for a refused decision", async () => {
    const db = database.db;
    const coordinatorBY = await makeActor(db, { role: "coordinator", states: ["BY"], name: "Koordination Bayern" });
    const coordinatorBW = await makeActor(db, { role: "coordinator", states: ["BW"] });
    const editor = await makeActor(db, { role: "editor", name: "Bundesredaktion" });
    const first = await requestOrganisation({ ctx: ctxOf(db, await makeActor(db)), input: orgFields("Audit Netzwerk Eins") });
    const second = await requestOrganisation({ ctx: ctxOf(db, await makeActor(db)), input: orgFields("Audit Netzwerk Zwei", "HE") });

    const before = await allRows();
    const foreign = decideOrganisationRequest({
      ctx: ctxOf(db, coordinatorBW),
      input: { organisationId: first.organisationId, decision: "confirm" },
    });
    expect(await codeOf(foreign)).toBe("not_found");
    const invalid = decideOrganisationRequest({
      ctx: ctxOf(db, coordinatorBY),
      input: { organisationId: first.organisationId, decision: "maybe" },
    });
    expect(await codeOf(invalid)).toBe("validation");
    expect(await allRows()).toBe(before);

    await decideOrganisationRequest({
      ctx: ctxOf(db, coordinatorBY),
      input: { organisationId: first.organisationId, decision: "confirm" },
    });
    const [confirmed] = await auditOf("organisation", String(first.organisationId));
    expect(confirmed).toMatchObject({
      action: "organisation.confirm",
      actorId: coordinatorBY.userId,
      actorName: "Koordination Bayern",
      stateCode: "BY",
      summary: "Audit Netzwerk Eins: pending → active",
      before: { status: "pending" },
      after: { status: "active" },
    });
    // Deciding again is refused and adds nothing.
    const again = decideOrganisationRequest({
      ctx: ctxOf(db, coordinatorBY),
      input: { organisationId: first.organisationId, decision: "decline" },
    });
    expect(await codeOf(again)).toBe("not_found");
    expect(await auditOf("organisation", String(first.organisationId))).toHaveLength(1);

    await decideOrganisationRequest({
      ctx: ctxOf(db, editor),
      input: { organisationId: second.organisationId, decision: "decline", note: "Kein Cluster" },
    });
    const [declined] = await auditOf("organisation", String(second.organisationId));
    expect(declined).toMatchObject({
      action: "organisation.decline",
      actorName: "Bundesredaktion",
      stateCode: "HE",
      summary: "Audit Netzwerk Zwei: pending → declined — Kein Cluster",
      after: { status: "declined", note: "Kein Cluster" },
    });
  });
});

describe("audit rows of memberships", () => {
  it("records invite, revoke, accept, role change, removal and leaving with the organisation's Land", async () => {
    const db = database.db;
    const owner = await makeActor(db, { name: "Olga Owner" });
    const org = await giveOrganisation(db, owner, "SN");
    const ctx = ctxOf(db, owner);
    const scope = `${org.id}:%`;

    // Invite twice (the second replaces nothing of the first's audit), revoke one.
    const { invitationId: revoked } = await inviteMember({
      ctx,
      input: { organisationId: org.id, email: "weg@example.org", role: "owner" },
    });
    await revokeInvitation({ ctx, input: { organisationId: org.id, invitationId: revoked } });
    const invitee = await makeActor(db, { email: "dazu@example.org", name: "Dora Dazu" });
    const { invitationId } = await inviteMember({ ctx, input: { organisationId: org.id, email: "dazu@example.org", role: "member" } });
    const token = tokenFromText((await mailsTo(db, "dazu@example.org"))[0]?.text ?? "");
    await acceptInvitation({ ctx: ctxOf(db, invitee), input: { token } });
    await changeMemberRole({ ctx, input: { organisationId: org.id, userId: invitee.userId, role: "owner" } });
    await changeMemberRole({ ctx, input: { organisationId: org.id, userId: owner.userId, role: "member" } });
    const inviteeNow = { ...invitee, organisationIds: [org.id] };
    await removeMember({ ctx: ctxOf(db, inviteeNow), input: { organisationId: org.id, userId: owner.userId } });

    const rows = await auditOf("membership", scope);
    expect(rows.every((r) => r.stateCode === "SN" && r.summary.startsWith(`${org.name}: `))).toBe(true);
    expect(rows.map((r) => [r.action, r.actorName, r.objectId, r.before, r.after])).toEqual([
      ["membership.invite", "Olga Owner", `${org.id}:invitation:${revoked}`, null, { email: "weg@example.org", role: "owner" }],
      [
        "membership.revoke",
        "Olga Owner",
        `${org.id}:invitation:${revoked}`,
        { email: "weg@example.org", role: "owner" },
        { revoked: true },
      ],
      ["membership.invite", "Olga Owner", `${org.id}:invitation:${invitationId}`, null, { email: "dazu@example.org", role: "member" }],
      ["membership.accept", "Dora Dazu", `${org.id}:${invitee.userId}`, null, { role: "member", invitationId }],
      ["membership.role", "Olga Owner", `${org.id}:${invitee.userId}`, { role: "member" }, { role: "owner" }],
      ["membership.role", "Olga Owner", `${org.id}:${owner.userId}`, { role: "owner" }, { role: "member" }],
      ["membership.remove", "Dora Dazu", `${org.id}:${owner.userId}`, { role: "member" }, null],
    ]);
    // The new owner invites and then the old owner (now a member) leaves by themselves.
    const stayer = await makeActor(db, { email: "bleibt@example.org" });
    await inviteMember({ ctx: ctxOf(db, inviteeNow), input: { organisationId: org.id, email: stayer.email, role: "member" } });
    await acceptInvitation({ ctx: ctxOf(db, stayer), input: { token: tokenFromText((await mailsTo(db, stayer.email))[0]?.text ?? "") } });
    await removeMember({
      ctx: ctxOf(db, { ...stayer, organisationIds: [org.id] }),
      input: { organisationId: org.id, userId: stayer.userId },
    });
    const [left] = (await auditOf("membership", `${org.id}:${stayer.userId}`)).slice(-1);
    expect(left).toMatchObject({ action: "membership.leave", actorId: stayer.userId, before: { role: "member" }, after: null });
    expect(left?.summary).toContain("hat die Organisation verlassen (member → –)");
    expect(rows[4]?.summary).toBe(`${org.name}: Rolle von Dora Dazu <dazu@example.org>: member → owner`);
    expect(rows[6]?.summary).toContain(`Olga Owner <${owner.email}> entfernt (member → –)`);
  });

  it("writes nothing when the action is refused: last owner, not an owner, bad role, unknown invitation, used link", async () => {
    const db = database.db;
    const owner = await makeActor(db);
    const org = await giveOrganisation(db, owner, "TH");
    const member = await makeActor(db);
    const ctx = ctxOf(db, owner);
    await inviteMember({ ctx, input: { organisationId: org.id, email: member.email, role: "member" } });
    const token = tokenFromText((await mailsTo(db, member.email))[0]?.text ?? "");
    await acceptInvitation({ ctx: ctxOf(db, member), input: { token } });
    const memberNow = { ...member, organisationIds: [org.id] };
    const before = await allRows();

    expect(await codeOf(removeMember({ ctx, input: { organisationId: org.id, userId: owner.userId } }))).toBe("conflict");
    expect(await codeOf(changeMemberRole({ ctx, input: { organisationId: org.id, userId: owner.userId, role: "member" } }))).toBe(
      "conflict",
    );
    expect(await codeOf(changeMemberRole({ ctx, input: { organisationId: org.id, userId: member.userId, role: "king" } }))).toBe(
      "validation",
    );
    expect(
      await codeOf(
        changeMemberRole({ ctx: ctxOf(db, memberNow), input: { organisationId: org.id, userId: member.userId, role: "owner" } }),
      ),
    ).toBe("forbidden");
    expect(await codeOf(removeMember({ ctx: ctxOf(db, memberNow), input: { organisationId: org.id, userId: owner.userId } }))).toBe(
      "forbidden",
    );
    expect(await codeOf(revokeInvitation({ ctx, input: { organisationId: org.id, invitationId: 2 ** 31 - 1 } }))).toBe("not_found");
    expect(await codeOf(inviteMember({ ctx, input: { organisationId: org.id, email: member.email } }))).toBe("validation");
    expect(await codeOf(inviteMember({ ctx, input: { organisationId: org.id, email: "<script>@x" } }))).toBe("validation");
    expect(await codeOf(acceptInvitation({ ctx: ctxOf(db, member), input: { token } }))).toBe("not_found");
    expect(await allRows()).toBe(before);
  });
});
