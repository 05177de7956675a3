import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/client.ts";
import { notificationLog } from "../db/schema/index.ts";
import { berlinDay } from "../events/event-dates.ts";
import type { Lang } from "../lib/language.ts";
import { reviewStateSql } from "../moderation/review-state.ts";
import { queueOrganiserMail } from "../organiser/organiser-mail.ts";
import { overdueReviewMail, type WaitingEvent } from "./coordination-mail.ts";
import { loadStateNames } from "./review-digest.ts";

export const REVIEW_OVERDUE = "review_overdue";

type OverdueRow = {
  user_id: number;
  email: string;
  language: string;
  id: number;
  title: string;
  organisation: string;
  state_code: string;
  submitted_at: string | Date;
  change: boolean;
  target_days: number;
};

/**
 * Reminds each coordinator of the submissions in their Länder that have waited longer than their edition's
 * review_target_days (scheduled job): one mail per coordinator listing the newly overdue ones; each event is
 * named to each coordinator once (notification_log `userId:eventId`, written with the mail job).
 */
export async function sendOverdueReminders({ db, baseUrl, now }: { db: Db; baseUrl: string; now: Date }): Promise<{ sent: number }> {
  const rows = await queryRows<OverdueRow>(
    db,
    sql`select u.id as user_id, u.email, u.language, e.id, e.title_de as title, o.name as organisation, ${reviewStateSql} as state_code,
               e.submitted_at, e.revision_of is not null as change, ed.review_target_days as target_days
        from event e
        join organisation o on o.id = e.organisation_id
        join edition ed on ed.id = e.edition_id
        join coordinator_state cs on cs.state_code = ${reviewStateSql}
        join "user" u on u.id = cs.user_id and u.role = 'coordinator' and u.deactivated_at is null
        where e.status = 'submitted'
          and e.submitted_at < ${now.toISOString()}::timestamptz - make_interval(days => ed.review_target_days)
          and not exists (select 1 from notification_log n where n.kind = ${REVIEW_OVERDUE} and n.subject_key = u.id || ':' || e.id)
        order by u.id, e.submitted_at, e.id`,
  );
  if (rows.length === 0) return { sent: 0 };
  const names = await loadStateNames(db);
  const stateName = (code: string, lang: Lang) => names.get(code)?.[lang] ?? code;
  const byUser = new Map<number, OverdueRow[]>();
  for (const r of rows) byUser.set(Number(r.user_id), [...(byUser.get(Number(r.user_id)) ?? []), r]);
  const today = berlinDay(now);
  let sent = 0;
  for (const [userId, events] of byUser) {
    const [first] = events;
    if (!first) continue;
    const waiting: WaitingEvent[] = events.map((r) => ({
      id: Number(r.id),
      title: r.title,
      organisation: r.organisation,
      stateCode: r.state_code,
      submittedAt: new Date(r.submitted_at),
      change: Boolean(r.change),
    }));
    const done = await db.transaction(async (tx) => {
      const logged = await tx
        .insert(notificationLog)
        .values(waiting.map((e) => ({ kind: REVIEW_OVERDUE, subjectKey: `${userId}:${e.id}`, sentOn: today, createdAt: now })))
        .onConflictDoNothing()
        .returning({ subjectKey: notificationLog.subjectKey });
      const fresh = new Set(logged.map((l) => l.subjectKey));
      const named = waiting.filter((e) => fresh.has(`${userId}:${e.id}`));
      if (named.length === 0) return false;
      const days = Math.min(...events.map((e) => Number(e.target_days)));
      await queueOrganiserMail(tx, overdueReviewMail(first, { events: named, days, stateName, baseUrl }));
      return true;
    });
    if (done) sent++;
  }
  return { sent };
}
