import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { membership, organisationInvitation, user } from "../db/schema/index.ts";
import { conflict, validationFailed } from "../lib/errors.ts";
import { hashInvitationToken, invitationLifetimeMs, newInvitationToken } from "./invitation-token.ts";
import { auditMembership } from "./membership-audit.ts";
import { loadOwnedOrganisation } from "./organisation-access.ts";
import { InviteInput, parseInput } from "./organiser.schemas.ts";
import { invitationMail, type MailCtx, queueOrganiserMail } from "./organiser-mail.ts";

/** Open invitations an organisation may have at once (a mail flood stops here). */
const maxOpenInvitations = 30;

/**
 * An owner invites someone by e-mail. The link's token is stored hashed and expires; inviting the
 * same address again replaces the open invitation. The mail is in the invitee's language when they
 * already have an account, else in the inviter's.
 */
export async function inviteMember({ ctx, input }: { ctx: MailCtx; input: unknown }): Promise<{ invitationId: number }> {
  const raw = (input ?? {}) as { organisationId?: unknown };
  const { actor, org } = await loadOwnedOrganisation(ctx.db, ctx.actor, Number(raw.organisationId));
  const { email, role } = parseInput(InviteInput, input);
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: user.id, language: user.language }).from(user).where(sql`lower(${user.email}) = ${email}`);
    if (existing) {
      const [member] = await tx
        .select({ userId: membership.userId })
        .from(membership)
        .where(and(eq(membership.userId, existing.id), eq(membership.organisationId, org.id)));
      if (member) throw validationFailed({ email: "alreadyMember" });
    }
    const [open] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(organisationInvitation)
      .where(
        and(
          eq(organisationInvitation.organisationId, org.id),
          isNull(organisationInvitation.acceptedAt),
          isNull(organisationInvitation.revokedAt),
          gt(organisationInvitation.expiresAt, new Date()),
        ),
      );
    if (Number(open?.n ?? 0) >= maxOpenInvitations) throw conflict("Too many open invitations");
    await tx
      .update(organisationInvitation)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(organisationInvitation.organisationId, org.id),
          eq(organisationInvitation.email, email),
          isNull(organisationInvitation.acceptedAt),
          isNull(organisationInvitation.revokedAt),
        ),
      );
    const token = newInvitationToken();
    const [row] = await tx
      .insert(organisationInvitation)
      .values({
        organisationId: org.id,
        email,
        role,
        tokenHash: hashInvitationToken(token),
        invitedBy: actor.userId,
        expiresAt: new Date(Date.now() + invitationLifetimeMs),
      })
      .returning({ id: organisationInvitation.id });
    if (!row) throw new Error("insert returned no row");
    await auditMembership(tx, actor, org, {
      action: "invite",
      objectId: `invitation:${row.id}`,
      summary: `${email} als ${role} eingeladen`,
      after: { email, role },
    });
    const language = existing?.language === "en" || (!existing && actor.language === "en") ? "en" : "de";
    await queueOrganiserMail(
      tx,
      invitationMail({ email, language }, { organisation: org.name, inviter: actor.name, token, baseUrl: ctx.baseUrl }),
    );
    return { invitationId: row.id };
  });
}
