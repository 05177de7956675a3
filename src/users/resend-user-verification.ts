import { mailLink } from "../accounts/account-ctx.ts";
import { issueAccountToken } from "../accounts/account-tokens.ts";
import { conflict, notFound } from "../lib/errors.ts";
import { enqueueMail } from "../mail/enqueue-mail.ts";
import { writeAudit } from "../moderation/audit.ts";
import type { MailCtx } from "../organiser/organiser-mail.ts";
import { findManagedUser, rowIdOf } from "./load-user.ts";
import { requireMayManage, requireUserAdmin } from "./users-access.ts";

/**
 * Mails a fresh verification link (the registration's own mail; older links stop working) to an account
 * whose address is not confirmed yet; a confirmed or deactivated account is 409. Queued in the transaction
 * of its audit row.
 */
export async function resendUserVerification({ ctx, input }: { ctx: MailCtx; input: { id: unknown } }): Promise<void> {
  const actor = requireUserAdmin(ctx.actor);
  const id = rowIdOf(input.id);
  if (!id) throw notFound("User not found");
  await ctx.db.transaction(async (tx) => {
    const target = await findManagedUser(tx, id, true);
    requireMayManage(actor, target.role);
    if (target.status !== "unverified") throw conflict("Address already confirmed or account deactivated");
    const token = await issueAccountToken(tx, id, "verify_email");
    await enqueueMail({
      db: tx,
      to: target.email,
      language: target.language,
      template: "verifyEmail",
      data: { name: target.name, link: mailLink(ctx, "/konto/bestaetigen", target.language, { token }) },
    });
    await writeAudit(tx, actor, {
      action: "user.resend_verification",
      objectType: "user",
      objectId: id,
      stateCode: null,
      summary: `Bestätigungslink erneut an ${target.email} gesendet`,
    });
  });
}
