import type { Db } from "../db/client.ts";
import { findUserByEmail } from "./find-user.ts";
import { verifyPassword } from "./passwords.ts";

export type LogInResult = { ok: true; userId: number } | { ok: false; reason: "credentials" | "unverified" | "deactivated" };

/**
 * Checks e-mail and password. Unknown addresses cost the same argon2 work as known ones, and
 * "unverified" and "deactivated" are only told to someone who knows the password (no account enumeration).
 */
export async function logIn({ db, input }: { db: Db; input: { email: string; password: string } }): Promise<LogInResult> {
  const row = await findUserByEmail(db, input.email);
  const valid = await verifyPassword(row?.passwordHash, input.password);
  if (!row || !valid) return { ok: false, reason: "credentials" };
  if (row.deactivatedAt) return { ok: false, reason: "deactivated" };
  if (!row.emailVerifiedAt) return { ok: false, reason: "unverified" };
  return { ok: true, userId: row.id };
}
