import { and, eq, isNull, sql } from "drizzle-orm";
import { user } from "../db/schema/index.ts";
import { enqueueMail } from "../mail/enqueue-mail.ts";
import { type AccountCtx, mailLink } from "./account-ctx.ts";
import { consumeAccountToken, issueAccountToken } from "./account-tokens.ts";
import { findUserByEmail } from "./find-user.ts";

/** Confirms the address of a new account with the mailed token; false when the link is not (or no longer) valid. */
export async function verifyEmail({ ctx, input }: { ctx: AccountCtx; input: { token: string } }): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const row = await consumeAccountToken(tx, input.token, "verify_email");
    if (!row) return false;
    await tx
      .update(user)
      .set({ emailVerifiedAt: sql`now()` })
      .where(and(eq(user.id, row.userId), isNull(user.emailVerifiedAt)));
    return true;
  });
}

/** Sends a fresh verification link to an unverified account; silently does nothing otherwise. */
export async function resendVerification({ ctx, input }: { ctx: AccountCtx; input: { email: string } }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await findUserByEmail(tx, input.email);
    if (!row || row.emailVerifiedAt) return;
    const token = await issueAccountToken(tx, row.id, "verify_email");
    await enqueueMail({
      db: tx,
      to: row.email,
      language: row.language,
      template: "verifyEmail",
      data: { name: row.name, link: mailLink(ctx, "/konto/bestaetigen", row.language, { token }) },
    });
  });
}
