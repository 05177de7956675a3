import { and, eq, gte, sql } from "drizzle-orm";
import { auditLog, notificationLog, user } from "../db/schema/index.ts";
import { berlinDay, berlinTime } from "../events/event-dates.ts";
import { validationFailed } from "../lib/errors.ts";
import { writeAudit } from "../moderation/audit.ts";
import { parseInput } from "../organiser/organiser.schemas.ts";
import { type MailCtx, queueOrganiserMail } from "../organiser/organiser-mail.ts";
import { InviteOrganisationInput } from "./coordination.schemas.ts";
import { loadCoordinatedState } from "./coordination-access.ts";
import { organisationInvitationMail } from "./coordination-mail.ts";

/** Invitations one person may send a day (a mail flood stops here); one a day per address and Land. */
export const MAX_INVITATIONS_PER_DAY = 50;

/**
 * A coordinator (or editor) invites an organisation of a Land by e-mail: a link to register and request
 * it with the Land prefilled. At most one invitation per address and Land a day, and 50 per person a day;
 * the audit row and the mail job are written in one transaction.
 */
export async function inviteOrganisation({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: MailCtx;
  input: { stateCode: unknown; values: unknown };
  now?: Date;
}): Promise<{ email: string }> {
  const { actor, land } = await loadCoordinatedState(ctx.db, ctx.actor, input.stateCode);
  const values = parseInput(InviteOrganisationInput, input.values);
  const today = berlinDay(now);
  return ctx.db.transaction(async (tx) => {
    const [sent] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.actorId, actor.userId), eq(auditLog.action, "organisation.invite"), gte(auditLog.at, berlinTime(today))));
    if (Number(sent?.n ?? 0) >= MAX_INVITATIONS_PER_DAY) throw validationFailed({ email: "dailyLimit" });
    const logged = await tx
      .insert(notificationLog)
      .values({ kind: "organisation_invite", subjectKey: `${land.code}:${values.email}`, sentOn: today, createdAt: now })
      .onConflictDoNothing()
      .returning({ kind: notificationLog.kind });
    if (logged.length === 0) throw validationFailed({ email: "alreadyInvited" });
    const [existing] = await tx.select({ language: user.language }).from(user).where(sql`lower(${user.email}) = ${values.email}`);
    const language = (existing?.language ?? actor.language) === "en" ? "en" : "de";
    await queueOrganiserMail(
      tx,
      organisationInvitationMail({ email: values.email, language }, { ...values, inviter: actor.name, land, baseUrl: ctx.baseUrl }),
    );
    await writeAudit(tx, actor, {
      action: "organisation.invite",
      objectType: "organisation",
      objectId: values.email,
      stateCode: land.code,
      summary: `Einladung an ${values.name} <${values.email}> (${land.code})`,
      after: values,
    });
    return { email: values.email };
  });
}
