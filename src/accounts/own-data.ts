import { eq } from "drizzle-orm";
import { accountToken, coordinatorState, eventHistory, mailJob, membership, organisation, session, user } from "../db/schema/index.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { forbidden } from "../lib/errors.ts";
import { checkOwnPassword } from "./account-settings.ts";

/** Everything stored about the actor as a person (GDPR art. 15/20): account, memberships, sessions, authored history, mails. */
export async function exportOwnData({ ctx }: { ctx: VerbCtx }) {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  const { db } = ctx;
  const [account] = await db
    .select({
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      language: user.language,
      emailVerifiedAt: user.emailVerifiedAt,
      createdAt: user.createdAt,
    })
    .from(user)
    .where(eq(user.id, actor.userId));
  const memberships = await db
    .select({ organisation: organisation.name, slug: organisation.slug, role: membership.role, since: membership.createdAt })
    .from(membership)
    .innerJoin(organisation, eq(organisation.id, membership.organisationId))
    .where(eq(membership.userId, actor.userId));
  const coordinatedStates = await db
    .select({ state: coordinatorState.stateCode })
    .from(coordinatorState)
    .where(eq(coordinatorState.userId, actor.userId));
  const sessions = await db
    .select({ createdAt: session.createdAt, lastSeenAt: session.lastSeenAt, expiresAt: session.expiresAt, userAgent: session.userAgent })
    .from(session)
    .where(eq(session.userId, actor.userId));
  const history = await db
    .select({ eventId: eventHistory.eventId, action: eventHistory.action, at: eventHistory.at, changes: eventHistory.changes })
    .from(eventHistory)
    .where(eq(eventHistory.userId, actor.userId));
  const mails = await db
    .select({ subject: mailJob.subject, queuedAt: mailJob.createdAt, sentAt: mailJob.sentAt })
    .from(mailJob)
    .where(eq(mailJob.recipient, actor.email));
  return {
    exportedAt: new Date().toISOString(),
    account,
    memberships,
    coordinatedStates: coordinatedStates.map((s) => s.state),
    sessions,
    eventHistory: history,
    mails,
  };
}

/**
 * Deletes the actor's account after checking the password: the user row, sessions, memberships,
 * tokens and mails to the address go; event history keeps the change without the author
 * (ON DELETE SET NULL); the organisation and its events stay.
 */
export async function deleteOwnAccount({
  ctx,
  input,
}: {
  ctx: VerbCtx & { baseUrl: string };
  input: { currentPassword: string };
}): Promise<"ok" | "passwordWrong"> {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  if (!(await checkOwnPassword({ ...ctx, actor }, input.currentPassword))) return "passwordWrong";
  await ctx.db.transaction(async (tx) => {
    await tx.delete(mailJob).where(eq(mailJob.recipient, actor.email));
    await tx.delete(accountToken).where(eq(accountToken.userId, actor.userId));
    await tx.delete(session).where(eq(session.userId, actor.userId));
    await tx.delete(membership).where(eq(membership.userId, actor.userId));
    await tx.delete(coordinatorState).where(eq(coordinatorState.userId, actor.userId));
    await tx.update(eventHistory).set({ userId: null }).where(eq(eventHistory.userId, actor.userId));
    await tx.delete(user).where(eq(user.id, actor.userId));
  });
  return "ok";
}
