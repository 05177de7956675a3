import { eq, sql } from "drizzle-orm";
import { accountToken, apiToken, session, user } from "../db/schema/index.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { conflict, notFound } from "../lib/errors.ts";
import { writeAudit } from "../moderation/audit.ts";
import { findManagedUser, rowIdOf } from "./load-user.ts";
import { requireMayManage, requireNotSelf, requireUserAdmin } from "./users-access.ts";

/**
 * Deactivates an account: its sessions end at once (the rows go, so an old cookie is anonymous), its mailed
 * links stop working, and login, password reset and API tokens are refused while `deactivated_at` is set
 * (accounts/). API tokens are kept and work again after reactivation. Already deactivated: 409.
 */
export async function deactivateUser({ ctx, input }: { ctx: VerbCtx; input: { id: unknown } }): Promise<{ sessionsEnded: number }> {
  const actor = requireUserAdmin(ctx.actor);
  const id = rowIdOf(input.id);
  if (!id) throw notFound("User not found");
  return ctx.db.transaction(async (tx) => {
    const target = await findManagedUser(tx, id, true);
    requireNotSelf(actor, id);
    requireMayManage(actor, target.role);
    if (target.deactivatedAt) throw conflict("Already deactivated");
    await tx.update(user).set({ deactivatedAt: sql`now()` }).where(eq(user.id, id));
    const ended = await tx.delete(session).where(eq(session.userId, id)).returning({ userId: session.userId });
    await tx.delete(accountToken).where(eq(accountToken.userId, id));
    const [tokens] = await tx.select({ n: sql<number>`count(*)::int` }).from(apiToken).where(eq(apiToken.userId, id));
    await writeAudit(tx, actor, {
      action: "user.deactivate",
      objectType: "user",
      objectId: id,
      stateCode: null,
      summary: `Konto ${target.email} deaktiviert; ${ended.length} Sitzung(en) beendet, ${Number(tokens?.n ?? 0)} API-Token gesperrt`,
      before: { deactivatedAt: null },
      after: { deactivated: true, sessionsEnded: ended.length },
    });
    return { sessionsEnded: ended.length };
  });
}

/** Lets a deactivated account log in again (its password and API tokens are as before). Not deactivated: 409. */
export async function reactivateUser({ ctx, input }: { ctx: VerbCtx; input: { id: unknown } }): Promise<void> {
  const actor = requireUserAdmin(ctx.actor);
  const id = rowIdOf(input.id);
  if (!id) throw notFound("User not found");
  await ctx.db.transaction(async (tx) => {
    const target = await findManagedUser(tx, id, true);
    requireMayManage(actor, target.role);
    if (!target.deactivatedAt) throw conflict("Not deactivated");
    await tx.update(user).set({ deactivatedAt: null }).where(eq(user.id, id));
    await writeAudit(tx, actor, {
      action: "user.reactivate",
      objectType: "user",
      objectId: id,
      stateCode: null,
      summary: `Konto ${target.email} wieder aktiviert`,
      before: { deactivatedAt: target.deactivatedAt.toISOString() },
      after: { deactivatedAt: null },
    });
  });
}
