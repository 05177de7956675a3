import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { edition, event, membership, user } from "../../db/schema/index.ts";
import { copyEventAsDraft } from "../../event-form/duplicate-event.ts";
import { AppError } from "../../lib/errors.ts";
import { enqueueMail } from "../../mail/enqueue-mail.ts";
import { writeAudit } from "../../moderation/audit.ts";
import { type MailCtx, mailLink } from "../../organiser/organiser-mail.ts";
import { countedStatuses } from "../counted-events.ts";
import { loadEditionByYear, requireEditionEditor } from "../edition-access.ts";
import type { Edition } from "../edition-queries.ts";
import { latestEdition, nextEditionOf, organisationsToInvite } from "./plan-rollover.ts";
import { rolloverSteps } from "./rollover-steps.ts";

/** The rollover was confirmed before (or twice at once): the edition of that year exists; nothing is created again. */
export const alreadyRolledOver = (year: number) =>
  new AppError("conflict", `The edition ${year} exists already: the rollover has been done.`, { year: "alreadyCreated" });

export type RolloverResult = { edition: Edition; drafts: number; mails: number; steps: Record<string, number> };

/**
 * Creates next year's edition from `fromYear` (the newest edition) in one transaction: the edition
 * (planning, dates shifted), every rollover step, each counted event of last edition's confirmed
 * organisations as a draft in the new edition (dates shifted by whole Berlin days, nothing submitted),
 * one invitation mail per member in their language, and the audit row. Confirming again creates nothing.
 */
export async function rollOverEdition({ ctx, input }: { ctx: MailCtx; input: { fromYear: unknown; now?: Date } }): Promise<RolloverResult> {
  const actor = requireEditionEditor(ctx.actor);
  const now = input.now ?? new Date();
  await loadEditionByYear(ctx.db, input.fromYear);
  return ctx.db.transaction(async (tx) => {
    const from = await loadEditionByYear(tx, input.fromYear, true);
    const newest = await latestEdition(tx);
    if (newest.year !== from.year) throw alreadyRolledOver(from.year + 1);
    const { next, shiftDays } = nextEditionOf(from);
    const [to] = await tx.insert(edition).values(next).onConflictDoNothing({ target: edition.year }).returning();
    if (!to) throw alreadyRolledOver(next.year);
    const steps: Record<string, number> = {};
    for (const step of rolloverSteps) steps[step.key] = (await step.copy({ tx, from, to, shiftDays, now })).count;
    const organisations = await organisationsToInvite(tx, from);
    const sources = organisations.length
      ? await tx
          .select()
          .from(event)
          .where(
            and(
              eq(event.editionId, from.id),
              inArray(event.status, [...countedStatuses]),
              isNull(event.revisionOf),
              inArray(
                event.organisationId,
                organisations.map((o) => o.id),
              ),
            ),
          )
          .orderBy(asc(event.startsAt), asc(event.id))
      : [];
    const draftsPerOrg = new Map<number, number>();
    for (const source of sources) {
      await copyEventAsDraft(tx, actor, source, to.id, shiftDays);
      draftsPerOrg.set(source.organisationId, (draftsPerOrg.get(source.organisationId) ?? 0) + 1);
    }
    let mails = 0;
    for (const org of organisations) {
      const members = await tx
        .select({ email: user.email, name: user.name, language: user.language })
        .from(membership)
        .innerJoin(user, eq(user.id, membership.userId))
        // Deactivated accounts get no invitation (they cannot log in to find the drafts anyway).
        .where(and(eq(membership.organisationId, org.id), isNull(user.deactivatedAt)))
        .orderBy(asc(user.id));
      for (const m of members) {
        const lang = m.language === "en" ? "en" : "de";
        await enqueueMail({
          db: tx,
          to: m.email,
          language: lang,
          template: "editionInvitation",
          data: {
            name: m.name,
            organisation: org.name,
            titleDe: to.titleDe,
            titleEn: to.titleEn,
            startsOn: to.startsOn,
            endsOn: to.endsOn,
            drafts: draftsPerOrg.get(org.id) ?? 0,
            link: mailLink(ctx.baseUrl, `/mein-bereich/veranstaltungen?org=${encodeURIComponent(org.slug)}`, lang),
          },
        });
        mails++;
      }
    }
    await writeAudit(tx, actor, {
      action: "edition.rollover",
      objectType: "edition",
      objectId: to.year,
      stateCode: null,
      summary: `Ausgabe ${to.year} aus ${from.year} angelegt: ${sources.length} Entwürfe für ${organisations.length} Organisationen, ${mails} Einladungen`,
      after: { from: from.year, shiftDays, steps, drafts: sources.length, organisations: organisations.length, mails },
    });
    return { edition: to, drafts: sources.length, mails, steps };
  });
}
