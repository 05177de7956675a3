import { eq, sql } from "drizzle-orm";
import { user } from "../db/schema/index.ts";
import { enqueueMail } from "../mail/enqueue-mail.ts";
import { type AccountCtx, mailLink } from "./account-ctx.ts";
import { consumeAccountToken, issueAccountToken } from "./account-tokens.ts";
import { findUserByEmail } from "./find-user.ts";
import { hashPassword } from "./passwords.ts";
import { deleteOtherSessions } from "./session-store.ts";

/** Mails a reset link if the address belongs to an active account; the caller answers the same either way. */
export async function requestPasswordReset({ ctx, input }: { ctx: AccountCtx; input: { email: string } }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await findUserByEmail(tx, input.email);
    if (!row || row.deactivatedAt) return;
    const token = await issueAccountToken(tx, row.id, "reset_password");
    await enqueueMail({
      db: tx,
      to: row.email,
      language: row.language,
      template: "resetPassword",
      data: { name: row.name, link: mailLink(ctx, "/passwort-neu", row.language, { token }) },
    });
  });
}

/**
 * Sets a new password with a reset token (single use); ends every session of the account. The
 * mailbox owner has proven control, so an unverified address counts as verified from now on.
 */
export async function resetPassword({ ctx, input }: { ctx: AccountCtx; input: { token: string; password: string } }): Promise<boolean> {
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const row = await consumeAccountToken(tx, input.token, "reset_password");
    if (!row) return false;
    await tx
      .update(user)
      .set({ passwordHash, emailVerifiedAt: sql`coalesce(${user.emailVerifiedAt}, now())` })
      .where(eq(user.id, row.userId));
    await deleteOtherSessions(tx, row.userId, null);
    return true;
  });
}
