import { and, eq, isNull } from "drizzle-orm";
import { membership, notificationLog, user } from "../db/schema/index.ts";
import { berlinDay } from "../events/event-dates.ts";
import { notFound } from "../lib/errors.ts";
import { writeAudit } from "../moderation/audit.ts";
import { parseInput } from "../organiser/organiser.schemas.ts";
import { type MailCtx, queueOrganiserMail } from "../organiser/organiser-mail.ts";
import { RemindOrganisationInput } from "./coordination.schemas.ts";
import { loadCoordinatedState } from "./coordination-access.ts";
import { submissionReminderMail } from "./coordination-mail.ts";
import { currentAndPreviousEdition, listNotYetSubmitted, SUBMISSION_REMINDER } from "./list-state-organisations.ts";

export type ReminderOutcome = { outcome: "sent" | "alreadySent" | "noMembers"; organisationId: number; name: string; recipients: number };

/**
 * Mails the members of an organisation that took part last edition and has not submitted yet, at most once
 * per organisation and Berlin day (a notification_log row, taken in the same transaction as the mail jobs
 * and the audit row). Organisations outside the overview's list are 404.
 */
export async function remindOrganisation({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: MailCtx;
  input: { stateCode: unknown; values: unknown };
  now?: Date;
}): Promise<ReminderOutcome> {
  const { actor, land } = await loadCoordinatedState(ctx.db, ctx.actor, input.stateCode);
  const { organisationId } = parseInput(RemindOrganisationInput, input.values);
  const { edition, previous } = await currentAndPreviousEdition(ctx.db);
  if (!edition || !previous) throw notFound("No previous edition");
  const today = berlinDay(now);
  return ctx.db.transaction(async (tx) => {
    const org = (await listNotYetSubmitted(tx, land.code, edition.id, previous.id, today)).find((o) => o.id === organisationId);
    if (!org) throw notFound("Organisation not found");
    const members = await tx
      .select({ email: user.email, language: user.language })
      .from(membership)
      .innerJoin(user, eq(user.id, membership.userId))
      .where(and(eq(membership.organisationId, org.id), isNull(user.deactivatedAt)))
      .orderBy(user.id);
    if (members.length === 0) return { outcome: "noMembers", organisationId: org.id, name: org.name, recipients: 0 };
    const logged = await tx
      .insert(notificationLog)
      .values({ kind: SUBMISSION_REMINDER, subjectKey: String(org.id), sentOn: today, createdAt: now })
      .onConflictDoNothing()
      .returning({ kind: notificationLog.kind });
    if (logged.length === 0) return { outcome: "alreadySent", organisationId: org.id, name: org.name, recipients: 0 };
    for (const m of members) {
      await queueOrganiserMail(
        tx,
        submissionReminderMail(m, { name: org.name, year: edition.year, lastYear: previous.year, who: actor.name, baseUrl: ctx.baseUrl }),
      );
    }
    await writeAudit(tx, actor, {
      action: "organisation.remind",
      objectType: "organisation",
      objectId: org.id,
      stateCode: land.code,
      summary: `Erinnerung an ${org.name}: ${members.length} Mitglied(er), Ausgabe ${edition.year}`,
      after: { recipients: members.length, edition: edition.year },
    });
    return { outcome: "sent", organisationId: org.id, name: org.name, recipients: members.length };
  });
}
