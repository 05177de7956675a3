import { eq } from "drizzle-orm";
import { user } from "../db/schema/index.ts";
import type { Actor } from "../lib/actor.ts";
import { notFound } from "../lib/errors.ts";
import { enqueueMail } from "../mail/enqueue-mail.ts";
import { type AccountCtx, mailLink } from "./account-ctx.ts";
import { consumeAccountToken, issueAccountToken } from "./account-tokens.ts";
import { findUserByEmail, findUserById } from "./find-user.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import { deleteOtherSessions } from "./session-store.ts";

type SettingsCtx = AccountCtx & { actor: Actor };

/** Changes the actor's own name and mail language. */
export async function updateProfile({ ctx, input }: { ctx: SettingsCtx; input: { name: string; language: "de" | "en" } }): Promise<void> {
  await ctx.db.update(user).set({ name: input.name, language: input.language }).where(eq(user.id, ctx.actor.userId));
}

/** Coordinators and editors may get the daily review digest (coordination/review-digest.ts). */
export const receivesReviewDigest = (actor: Actor): boolean => actor.role === "coordinator" || actor.role === "editor";

/** Whether the actor gets the daily digest; null for roles that never get one. */
export async function loadReviewDigest(ctx: SettingsCtx): Promise<boolean | null> {
  if (!receivesReviewDigest(ctx.actor)) return null;
  const [row] = await ctx.db.select({ reviewDigest: user.reviewDigest }).from(user).where(eq(user.id, ctx.actor.userId));
  return row?.reviewDigest ?? null;
}

/** Turns the daily review digest on or off for the actor (coordinators and editors; others: 404). */
export async function setReviewDigest({ ctx, input }: { ctx: SettingsCtx; input: { reviewDigest: boolean } }): Promise<void> {
  if (!receivesReviewDigest(ctx.actor)) throw notFound("Not found");
  await ctx.db.update(user).set({ reviewDigest: input.reviewDigest }).where(eq(user.id, ctx.actor.userId));
}

/** Members of an organisation get the reminders asking for their events' reports (reports/report-reminders.ts). */
export const receivesReportReminders = (actor: Actor): boolean => actor.organisationIds.length > 0;

/** Whether the actor gets report reminders; null for those who are no organisation's member. */
export async function loadReportReminders(ctx: SettingsCtx): Promise<boolean | null> {
  if (!receivesReportReminders(ctx.actor)) return null;
  const [row] = await ctx.db.select({ on: user.reportReminders }).from(user).where(eq(user.id, ctx.actor.userId));
  return row?.on ?? null;
}

/** Turns the report reminders on or off for the actor (members of an organisation; others: 404). */
export async function setReportReminders({ ctx, input }: { ctx: SettingsCtx; input: { reportReminders: boolean } }): Promise<void> {
  if (!receivesReportReminders(ctx.actor)) throw notFound("Not found");
  await ctx.db.update(user).set({ reportReminders: input.reportReminders }).where(eq(user.id, ctx.actor.userId));
}

/** Whether the actor's current password is this one (before sensitive changes). */
export async function checkOwnPassword(ctx: SettingsCtx, password: string): Promise<boolean> {
  const row = await findUserById(ctx.db, ctx.actor.userId);
  return verifyPassword(row?.passwordHash, password);
}

/** Sets a new password after checking the current one; every other session of the user ends. */
export async function changePassword({
  ctx,
  input,
}: {
  ctx: SettingsCtx;
  input: { currentPassword: string; newPassword: string; keepSessionHash: string | null };
}): Promise<"ok" | "passwordWrong"> {
  if (!(await checkOwnPassword(ctx, input.currentPassword))) return "passwordWrong";
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(user).set({ passwordHash }).where(eq(user.id, ctx.actor.userId));
    await deleteOtherSessions(tx, ctx.actor.userId, input.keepSessionHash);
  });
  return "ok";
}

/**
 * Mails a confirmation link to the new address; the address changes only when it is opened. A new
 * address that belongs to another account gets no mail, and the answer does not say so.
 */
export async function requestEmailChange({
  ctx,
  input,
}: {
  ctx: SettingsCtx;
  input: { newEmail: string; currentPassword: string };
}): Promise<"ok" | "passwordWrong" | "sameEmail"> {
  if (!(await checkOwnPassword(ctx, input.currentPassword))) return "passwordWrong";
  if (input.newEmail.toLowerCase() === ctx.actor.email.toLowerCase()) return "sameEmail";
  await ctx.db.transaction(async (tx) => {
    if (await findUserByEmail(tx, input.newEmail)) return;
    const token = await issueAccountToken(tx, ctx.actor.userId, "change_email", input.newEmail);
    await enqueueMail({
      db: tx,
      to: input.newEmail,
      language: ctx.actor.language,
      template: "changeEmail",
      data: { name: ctx.actor.name, link: mailLink(ctx, "/konto/email/bestaetigen", ctx.actor.language, { token }) },
    });
  });
  return "ok";
}

/** Switches to the new address with the mailed token; false if invalid or the address was taken meanwhile. */
export async function confirmEmailChange({ ctx, input }: { ctx: AccountCtx; input: { token: string } }): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const row = await consumeAccountToken(tx, input.token, "change_email");
    if (!row?.newEmail) return false;
    if (await findUserByEmail(tx, row.newEmail)) return false;
    await tx.update(user).set({ email: row.newEmail, emailVerifiedAt: new Date() }).where(eq(user.id, row.userId));
    return true;
  });
}
