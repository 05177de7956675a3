import { and, eq } from "drizzle-orm";
import { membership, organisation } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";
import type { Actor } from "../lib/actor.ts";
import { AppError, notFound } from "../lib/errors.ts";

export type Organisation = typeof organisation.$inferSelect;
export type MemberRole = "member" | "owner";

/** The acting user, or 401 for anonymous requests. */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError("unauthenticated", "Login required");
  return actor;
}

/**
 * The organisation and the actor's role in it. Non-members get 404, whoever they are: an
 * organisation's private area must not reveal that it exists (PRODUCT §2).
 */
export async function loadOwnOrganisation(
  db: DbOrTx,
  actor: Actor | null,
  organisationId: number,
): Promise<{ actor: Actor; org: Organisation; role: MemberRole }> {
  const who = requireActor(actor);
  const [row] = await db
    .select({ org: organisation, role: membership.role })
    .from(membership)
    .innerJoin(organisation, eq(organisation.id, membership.organisationId))
    .where(and(eq(membership.userId, who.userId), eq(membership.organisationId, organisationId)));
  if (!row) throw notFound("Organisation not found");
  return { actor: who, org: row.org, role: row.role };
}

/** Like loadOwnOrganisation, but only owners may act (members get 403: they know the organisation). */
export async function loadOwnedOrganisation(db: DbOrTx, actor: Actor | null, organisationId: number) {
  const found = await loadOwnOrganisation(db, actor, organisationId);
  if (found.role !== "owner") throw new AppError("forbidden", "Only owners may do this");
  return found;
}
