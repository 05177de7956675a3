import { eq, sql } from "drizzle-orm";
import { loadCoordinatedState } from "../coordination/coordination-access.ts";
import { queryRows } from "../db/client.ts";
import { membership, notificationLog, user } from "../db/schema/index.ts";
import { berlinDay } from "../events/event-dates.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { translator } from "../lib/i18n/i18n.ts";
import type { Lang } from "../lib/language.ts";
import { writeAudit } from "../moderation/audit.ts";
import { reviewStateSql } from "../moderation/review-state.ts";
import { type MailCtx, mailLink, queueOrganiserMail } from "../organiser/organiser-mail.ts";

export const REPORT_MISSING = "report_missing";

export type MissingReports = {
  /** The latest edition that has begun (its events can be over); undefined before the first. */
  edition: { id: number; year: number } | undefined;
  organisations: { id: number; name: string; events: { id: number; title: string }[]; remindedToday: boolean }[];
};

/**
 * The organisations of a Land (review-state rule) with published events of the latest edition that has begun
 * which are over and have no report beyond a draft — the coordinators' "missing reports" (never cancelled events).
 */
export async function listMissingReports(db: DbOrTx, stateCode: string, now: Date): Promise<MissingReports> {
  const today = berlinDay(now);
  const [edition] = await queryRows<{ id: number; year: number }>(
    db,
    sql`select id, year from edition where starts_on <= ${today}::date order by year desc limit 1`,
  );
  if (!edition) return { edition: undefined, organisations: [] };
  const rows = await queryRows<{ org_id: number; name: string; event_id: number; title: string; reminded: boolean }>(
    db,
    sql`select o.id as org_id, o.name, e.id as event_id, e.title_de as title,
               exists (select 1 from notification_log n where n.kind = ${REPORT_MISSING} and n.subject_key = o.id::text
                       and n.sent_on = ${today}::date) as reminded
        from event e join organisation o on o.id = e.organisation_id
        where e.edition_id = ${edition.id} and e.status = 'published' and e.revision_of is null
          and e.ends_at < ${now.toISOString()}::timestamptz and ${reviewStateSql} = ${stateCode}
          and not exists (select 1 from report r where r.event_id = e.id and r.status <> 'draft')
        order by o.name, o.id, e.starts_at, e.id`,
  );
  const byOrg = new Map<number, MissingReports["organisations"][number]>();
  for (const r of rows) {
    const id = Number(r.org_id);
    const org = byOrg.get(id) ?? { id, name: r.name, events: [], remindedToday: Boolean(r.reminded) };
    org.events.push({ id: Number(r.event_id), title: r.title });
    byOrg.set(id, org);
  }
  return { edition: { id: Number(edition.id), year: Number(edition.year) }, organisations: [...byOrg.values()] };
}

/**
 * Mails every organisation of the Land with a missing report (button on the coordination overview): its
 * members, naming the events; at most once per organisation and Berlin day (notification_log, in the same
 * transaction as the mail jobs and the audit row). Coordinators of the Land, editors and admins; others 404.
 */
export async function remindMissingReports({ ctx, input, now = new Date() }: { ctx: MailCtx; input: { stateCode: unknown }; now?: Date }) {
  const { actor, land } = await loadCoordinatedState(ctx.db, ctx.actor, input.stateCode);
  const today = berlinDay(now);
  return ctx.db.transaction(async (tx) => {
    const missing = await listMissingReports(tx, land.code, now);
    const year = missing.edition?.year ?? 0;
    let reminded = 0;
    for (const org of missing.organisations) {
      const members = await tx
        .select({ email: user.email, language: user.language })
        .from(membership)
        .innerJoin(user, eq(user.id, membership.userId))
        .where(eq(membership.organisationId, org.id))
        .orderBy(user.id);
      if (members.length === 0) continue;
      const logged = await tx
        .insert(notificationLog)
        .values({ kind: REPORT_MISSING, subjectKey: String(org.id), sentOn: today, createdAt: now })
        .onConflictDoNothing()
        .returning({ kind: notificationLog.kind });
      if (logged.length === 0) continue;
      for (const m of members) {
        const lang: Lang = m.language === "en" ? "en" : "de";
        const t = translator(lang);
        await queueOrganiserMail(tx, {
          to: m.email,
          language: lang,
          subject: t("reports.coordination.remindSubject", { year }),
          paragraphs: [
            t("reports.coordination.remindText", { titles: org.events.map((e) => `„${e.title}“`).join(", ") }),
            t("reports.mail.reminderOptOut"),
          ],
          action: { label: t("reports.mail.reminderAction"), url: mailLink(ctx.baseUrl, "/mein-bereich/veranstaltungen", lang) },
        });
      }
      await writeAudit(tx, actor, {
        action: "report.remind",
        objectType: "organisation",
        objectId: org.id,
        stateCode: land.code,
        summary: `Erinnerung an fehlende Berichte: ${org.name}, ${org.events.length} Veranstaltung(en), Ausgabe ${year}`,
        after: { recipients: members.length, events: org.events.map((e) => e.id) },
      });
      reminded++;
    }
    return { reminded, stateCode: land.code };
  });
}
