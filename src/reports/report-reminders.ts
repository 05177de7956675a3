import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/client.ts";
import { notificationLog } from "../db/schema/index.ts";
import { berlinDay } from "../events/event-dates.ts";
import { translator } from "../lib/i18n/i18n.ts";
import type { Lang } from "../lib/language.ts";
import { mailLink, queueOrganiserMail } from "../organiser/organiser-mail.ts";
import { reportFormPath } from "./report-mail.ts";

export const REPORT_REMINDER = "report_reminder";

/** The two reminders: the day after the event's last Berlin day, and a week after that (each within its week). */
const stages = [
  { stage: "day", from: 1, to: 6 },
  { stage: "week", from: 7, to: 13 },
] as const;

type Row = { user_id: number; email: string; language: string; event_id: number; title_de: string; title_en: string | null };

/**
 * Asks the organisers of published events for their report (scheduled job): on the day after the event's
 * last Berlin day and again a week later — each stage once per organiser and event (notification_log
 * `stage:userId:eventId`, written in the transaction of the mail job), within the week the stage belongs to
 * (a job that was down longer skips it). Never for cancelled (or otherwise unpublished) events, nor once
 * the event has a report beyond a draft; only to verified, active members who did not opt out on /konto.
 */
export async function sendReportReminders({ db, baseUrl, now }: { db: Db; baseUrl: string; now: Date }): Promise<{ sent: number }> {
  const today = berlinDay(now);
  let sent = 0;
  for (const { stage, from, to } of stages) {
    const rows = await queryRows<Row>(
      db,
      sql`select u.id as user_id, u.email, u.language, e.id as event_id, e.title_de, e.title_en
          from event e
          join membership m on m.organisation_id = e.organisation_id
          join "user" u on u.id = m.user_id
          where e.status = 'published' and e.revision_of is null
            and ${today}::date - (e.ends_at at time zone 'Europe/Berlin')::date between ${from} and ${to}
            and u.report_reminders and u.email_verified_at is not null and u.deactivated_at is null
            and not exists (select 1 from report r where r.event_id = e.id and r.status <> 'draft')
            and not exists (select 1 from notification_log n
                            where n.kind = ${REPORT_REMINDER} and n.subject_key = ${stage} || ':' || u.id || ':' || e.id)
          order by e.id, u.id`,
    );
    for (const r of rows) {
      const lang: Lang = r.language === "en" ? "en" : "de";
      const t = translator(lang);
      const title = (lang === "en" && r.title_en) || r.title_de;
      const done = await db.transaction(async (tx) => {
        const logged = await tx
          .insert(notificationLog)
          .values({ kind: REPORT_REMINDER, subjectKey: `${stage}:${r.user_id}:${r.event_id}`, sentOn: today, createdAt: now })
          .onConflictDoNothing()
          .returning({ key: notificationLog.subjectKey });
        if (logged.length === 0) return false;
        await queueOrganiserMail(tx, {
          to: r.email,
          language: lang,
          subject: t(stage === "day" ? "reports.mail.reminderSubject" : "reports.mail.reminderSubjectWeek", { title }),
          paragraphs: [t("reports.mail.reminderText", { title }), t("reports.mail.reminderOptOut")],
          action: { label: t("reports.mail.reminderAction"), url: mailLink(baseUrl, reportFormPath(Number(r.event_id)), lang) },
        });
        return true;
      });
      if (done) sent++;
    }
  }
  return { sent };
}
