import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { membership, organisationInvitation, user } from "../db/schema/index.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { loadOwnOrganisation } from "./organisation-access.ts";

/** The organisation's members and its open invitations, for any member to see. */
export async function listMembers({ ctx, input }: { ctx: VerbCtx; input: { organisationId: number } }) {
  const { org, role } = await loadOwnOrganisation(ctx.db, ctx.actor, input.organisationId);
  const [members, invitations] = await Promise.all([
    ctx.db
      .select({ userId: user.id, name: user.name, email: user.email, role: membership.role, since: membership.createdAt })
      .from(membership)
      .innerJoin(user, eq(user.id, membership.userId))
      .where(eq(membership.organisationId, org.id))
      .orderBy(desc(membership.role), asc(user.name)),
    ctx.db
      .select({
        id: organisationInvitation.id,
        email: organisationInvitation.email,
        role: organisationInvitation.role,
        createdAt: organisationInvitation.createdAt,
        expiresAt: organisationInvitation.expiresAt,
      })
      .from(organisationInvitation)
      .where(
        and(
          eq(organisationInvitation.organisationId, org.id),
          isNull(organisationInvitation.acceptedAt),
          isNull(organisationInvitation.revokedAt),
        ),
      )
      .orderBy(desc(organisationInvitation.createdAt)),
  ]);
  return { org, role, members, invitations };
}
