import { eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { coordinatorState, membership, organisation, state, user } from "../db/schema/index.ts";
import type { Role } from "../lib/actor.ts";
import { conflict, validationFailed } from "../lib/errors.ts";
import { writeAudit } from "../moderation/audit.ts";
import { findUserByEmail } from "./find-user.ts";
import { hashPassword } from "./passwords.ts";

export type CreateUserInput = {
  email: string;
  password: string;
  name: string;
  role: Role;
  language?: "de" | "en";
  /** Organisation slugs the user becomes a member of. */
  orgSlugs?: string[];
  organisationIds?: number[];
  stateCodes?: string[];
};

/**
 * Creates a verified user with memberships and coordinated states (CLI `user add`, tests).
 * Operator-only: no actor check; the callers are the command line and test setup. `audited` (the CLI)
 * writes the audit row of the new account, by "System", in the same transaction.
 */
export async function createVerifiedUser({
  db,
  input,
  audited = false,
}: {
  db: Db;
  input: CreateUserInput;
  audited?: boolean;
}): Promise<{ id: number }> {
  const stateCodes = [...new Set((input.stateCodes ?? []).map((s) => s.toUpperCase()))];
  if (input.role === "coordinator" && stateCodes.length === 0)
    throw validationFailed({ state: "a coordinator needs at least one --state" });
  if (input.role !== "coordinator" && stateCodes.length > 0) throw validationFailed({ state: "only coordinators are bound to states" });
  if (await findUserByEmail(db, input.email)) throw conflict(`a user with the e-mail ${input.email} exists already`);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const known = stateCodes.length ? await tx.select({ code: state.code }).from(state).where(inArray(state.code, stateCodes)) : [];
    const unknownStates = stateCodes.filter((c) => !known.some((k) => k.code === c));
    if (unknownStates.length) throw validationFailed({ state: `unknown state ${unknownStates.join(", ")}` });
    const orgIds = [...(input.organisationIds ?? [])];
    for (const slug of input.orgSlugs ?? []) {
      const [org] = await tx.select({ id: organisation.id }).from(organisation).where(eq(organisation.slug, slug));
      if (!org) throw validationFailed({ org: `unknown organisation ${slug}` });
      orgIds.push(org.id);
    }
    const [row] = await tx
      .insert(user)
      .values({
        email: input.email.trim(),
        name: input.name,
        passwordHash,
        role: input.role,
        language: input.language ?? "de",
        emailVerifiedAt: new Date(),
      })
      .returning({ id: user.id });
    if (!row) throw new Error("insert returned no row");
    if (orgIds.length)
      await tx.insert(membership).values([...new Set(orgIds)].map((organisationId) => ({ userId: row.id, organisationId })));
    if (stateCodes.length) await tx.insert(coordinatorState).values(stateCodes.map((stateCode) => ({ userId: row.id, stateCode })));
    if (audited) {
      const scope = [...stateCodes, ...(input.orgSlugs ?? [])];
      await writeAudit(tx, null, {
        action: "user.add",
        objectType: "user",
        objectId: row.id,
        stateCode: null,
        summary: `Konto ${input.email.trim()} angelegt (Kommandozeile): ${input.role}${scope.length ? `; ${scope.join(", ")}` : ""}`,
        after: { email: input.email.trim(), role: input.role, stateCodes, organisationIds: [...new Set(orgIds)] },
      });
    }
    return row;
  });
}
