import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/database.ts";
import { type Database, queryRows } from "../db/client.ts";
import { membership, organisation } from "../db/schema/index.ts";
import { AppError } from "../lib/errors.ts";
import { findOrganisationBySlug } from "../organisations/organisation-queries.ts";
import { decideOrganisationRequest } from "./decide-organisation-request.ts";
import { listOrganisationRequests } from "./list-organisation-requests.ts";
import { organisationIsActive } from "./organisation-is-active.ts";
import { ctxOf, mailsTo, makeActor, orgFields } from "./organiser-test-kit.ts";
import { requestOrganisation } from "./request-organisation.ts";
import { updateOrganisationProfile } from "./update-organisation-profile.ts";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
};

describe("requestOrganisation and decideOrganisationRequest", () => {
  it("creates a pending organisation owned by the requester that is not public until a coordinator of its state confirms it", async () => {
    const db = database.db;
    const requester = await makeActor(db, { language: "en" });
    const coordinatorBY = await makeActor(db, { role: "coordinator", states: ["BY"] });
    const coordinatorBW = await makeActor(db, { role: "coordinator", states: ["BW"] });
    const organiser = await makeActor(db);

    const { organisationId, slug } = await requestOrganisation({ ctx: ctxOf(db, requester), input: orgFields("Netzwerk Südstern Ä") });
    expect(slug).toBe("netzwerk-suedstern-ae");
    const [row] = await db.select().from(organisation).where(eq(organisation.id, organisationId));
    expect(row?.status).toBe("pending");
    expect(row?.labels).toEqual(["go-cluster"]);
    const [owner] = await db.select().from(membership).where(eq(membership.organisationId, organisationId));
    expect(owner).toMatchObject({ userId: requester.userId, role: "owner" });
    expect(await findOrganisationBySlug(db, slug)).toBeUndefined();
    expect(await organisationIsActive(db, organisationId)).toBe(false);
    expect((await mailsTo(db, coordinatorBY.email))[0]?.subject).toContain("Netzwerk Südstern Ä");

    // Requests are listed only to coordinators of the state (and editors).
    const seenByBY = await listOrganisationRequests({ ctx: ctxOf(db, coordinatorBY) });
    expect(seenByBY.map((r) => r.org.id)).toContain(organisationId);
    expect(seenByBY.find((r) => r.org.id === organisationId)?.requesterEmail).toBe(requester.email);
    expect((await listOrganisationRequests({ ctx: ctxOf(db, coordinatorBW) })).map((r) => r.org.id)).not.toContain(organisationId);
    expect(await codeOf(listOrganisationRequests({ ctx: ctxOf(db, organiser) }))).toBe("forbidden");
    expect(await codeOf(listOrganisationRequests({ ctx: ctxOf(db, null) }))).toBe("unauthenticated");

    // Another state's coordinator cannot see it exists; an organiser may not review at all.
    const input = { organisationId, decision: "confirm", note: "" };
    expect(await codeOf(decideOrganisationRequest({ ctx: ctxOf(db, coordinatorBW), input }))).toBe("not_found");
    expect(await codeOf(decideOrganisationRequest({ ctx: ctxOf(db, organiser), input }))).toBe("forbidden");
    expect(await organisationIsActive(db, organisationId)).toBe(false);

    expect(await decideOrganisationRequest({ ctx: ctxOf(db, coordinatorBY), input })).toEqual({ status: "active" });
    expect(await organisationIsActive(db, organisationId)).toBe(true);
    expect((await findOrganisationBySlug(db, slug))?.id).toBe(organisationId);
    const [decided] = await db.select().from(organisation).where(eq(organisation.id, organisationId));
    expect(decided?.decidedBy).toBe(coordinatorBY.userId);
    expect(decided?.decidedAt).toBeInstanceOf(Date);
    const [mail] = await mailsTo(db, requester.email);
    expect(mail?.language).toBe("en");
    expect(mail?.subject).toBe("Your organisation “Netzwerk Südstern Ä” has been confirmed");
    // Deciding twice is a conflict, not a second mail.
    expect(await codeOf(decideOrganisationRequest({ ctx: ctxOf(db, coordinatorBY), input }))).toBe("not_found");
  });

  it("lets an editor decline any state's request with a note that reaches the requester", async () => {
    const db = database.db;
    const requester = await makeActor(db);
    const editor = await makeActor(db, { role: "editor" });
    const { organisationId } = await requestOrganisation({ ctx: ctxOf(db, requester), input: orgFields("Initiative Nordlicht", "SH") });
    const input = { organisationId, decision: "decline", note: "Bitte als Teil des Landesclusters anmelden." };
    expect(await decideOrganisationRequest({ ctx: ctxOf(db, editor), input })).toEqual({ status: "declined" });
    expect(await codeOf(decideOrganisationRequest({ ctx: ctxOf(db, editor), input }))).toBe("conflict");
    const [mail] = await mailsTo(db, requester.email);
    expect(mail?.subject).toContain("abgelehnt");
    expect(mail?.text).toContain("Bitte als Teil des Landesclusters anmelden.");
    expect(await organisationIsActive(db, organisationId)).toBe(false);
  });

  it("validates the fields and says which are wrong", async () => {
    const db = database.db;
    const requester = await makeActor(db);
    const bad = { ...orgFields(""), website: "javascript:alert(1)", contactEmail: "nope", stateCode: "online", topics: ["nonsense"] };
    try {
      await requestOrganisation({ ctx: ctxOf(db, requester), input: bad });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fields).toMatchObject({ name: "required", website: "url", contactEmail: "email" });
    }
    try {
      await requestOrganisation({
        ctx: ctxOf(db, requester),
        input: { ...orgFields("Gültig"), stateCode: "online", topics: ["nonsense"] },
      });
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).fields).toEqual({ stateCode: "choose", topics: "choose" });
    }
    expect(await codeOf(requestOrganisation({ ctx: ctxOf(db, null), input: orgFields("Anonym") }))).toBe("unauthenticated");
  });
});

describe("updateOrganisationProfile", () => {
  it("renaming an organisation makes its events findable by the new name", async () => {
    const db = database.db;
    const owner = await makeActor(db);
    const [org] = await db
      .select()
      .from(organisation)
      .where(sql`exists (select 1 from event e where e.organisation_id = ${organisation.id} and e.status = 'published')`)
      .limit(1);
    if (!org) throw new Error("no organisation with events");
    await db.insert(membership).values({ userId: owner.userId, organisationId: org.id, role: "owner" });
    const values = { ...orgFields("Quantenkolibri Verbund", org.stateCode), shortName: "QKV" };
    const result = await updateOrganisationProfile({ ctx: ctxOf(db, owner), input: { organisationId: org.id, values } });
    expect(result.renamed).toBe(true);
    const [counts] = await queryRows<{ n: number; renamed: number }>(
      db,
      sql`select count(*)::int as n, count(*) filter (where search_extra like 'Quantenkolibri Verbund QKV %')::int as renamed
      from event where organisation_id = ${org.id}`,
    );
    expect(Number(counts?.n)).toBeGreaterThan(0);
    expect(counts?.renamed).toBe(counts?.n);

    const stranger = await makeActor(db);
    expect(await codeOf(updateOrganisationProfile({ ctx: ctxOf(db, stranger), input: { organisationId: org.id, values } }))).toBe(
      "not_found",
    );
  });
});
