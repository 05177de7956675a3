import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { accountToken } from "../db/schema/index.ts";
import { hashToken, randomToken } from "./tokens.ts";

export type TokenPurpose = (typeof accountToken.$inferSelect)["purpose"];

export const tokenLifetimeMs: Record<TokenPurpose, number> = {
  verify_email: 48 * 3600_000,
  change_email: 48 * 3600_000,
  reset_password: 3600_000,
};

/**
 * A new single-use link token; older tokens of the same purpose for the user stop working. `lifetimeMs`
 * overrides the purpose's lifetime (the first password of an account the office created: a week).
 */
export async function issueAccountToken(
  db: Db,
  userId: number,
  purpose: TokenPurpose,
  newEmail?: string,
  lifetimeMs = tokenLifetimeMs[purpose],
): Promise<string> {
  const token = randomToken();
  await db.delete(accountToken).where(and(eq(accountToken.userId, userId), eq(accountToken.purpose, purpose)));
  await db.insert(accountToken).values({
    tokenHash: hashToken(token),
    userId,
    purpose,
    newEmail: newEmail ?? null,
    expiresAt: new Date(Date.now() + lifetimeMs),
  });
  return token;
}

const valid = (token: string, purpose: TokenPurpose) =>
  and(eq(accountToken.tokenHash, hashToken(token)), eq(accountToken.purpose, purpose), gt(accountToken.expiresAt, sql`now()`));

/** Uses up a token: returns its user (and new address) once, null if unknown, expired or used. */
export async function consumeAccountToken(db: Db, token: string, purpose: TokenPurpose) {
  if (!token || token.length > 100) return null;
  const [row] = await db
    .delete(accountToken)
    .where(valid(token, purpose))
    .returning({ userId: accountToken.userId, newEmail: accountToken.newEmail });
  return row ?? null;
}

/** Whether a token would still work (to show the form of a reset link before it is used). */
export async function accountTokenIsValid(db: Db, token: string, purpose: TokenPurpose): Promise<boolean> {
  if (!token || token.length > 100) return false;
  const rows = await db.select({ userId: accountToken.userId }).from(accountToken).where(valid(token, purpose));
  return rows.length > 0;
}
