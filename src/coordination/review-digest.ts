import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/client.ts";
import { notificationLog } from "../db/schema/index.ts";
import { berlinDay, TIME_ZONE } from "../events/event-dates.ts";
import type { Lang } from "../lib/language.ts";
import { unattendedSql } from "../moderation/list-queue.ts";
import { reviewStateSql } from "../moderation/review-state.ts";
import { queueOrganiserMail } from "../organiser/organiser-mail.ts";
import { reviewDigestMail, type WaitingEvent } from "./coordination-mail.ts";

export const REVIEW_DIGEST = "review_digest";
/** The Berlin hour from which the day's digest goes out. */
export const DIGEST_HOUR = 7;

type Reviewer = { id: number; email: string; language: string; role: string; states: string[]; last: string | Date | null };
type StateNames = Map<string, { de: string; en: string }>;

/** Reviewers who want the digest: coordinators (their Länder) and editors (all), with the time of their last digest. */
const reviewersSql = sql`select u.id, u.email, u.language, u.role::text as role,
    coalesce(array_agg(cs.state_code order by cs.state_code) filter (where cs.state_code is not null), '{}') as states,
    (select max(n.created_at) from notification_log n where n.kind = ${REVIEW_DIGEST} and n.subject_key = u.id::text) as last
  from "user" u left join coordinator_state cs on cs.user_id = u.id
  where u.review_digest and u.role in ('coordinator', 'editor') and u.email_verified_at is not null and u.deactivated_at is null
  group by u.id order by u.id`;

/**
 * Submissions waiting for a decision, submitted in (since, until], of the given Länder. For the national office
 * (states null): all Länder in one-tier editions; in two-tier editions only Länder without a coordinator, as the
 * Länder approve first there.
 */
export async function listSubmissions(db: Db, since: Date, until: Date, states: string[] | null): Promise<WaitingEvent[]> {
  const scope = states
    ? sql` and ${reviewStateSql} = any(${`{${states.join(",")}}`}::text[])`
    : sql` and ((select ed.moderation from edition ed where ed.id = e.edition_id) = 'one_tier' or ${unattendedSql})`;
  const rows = await queryRows<{
    id: number;
    title: string;
    organisation: string;
    state_code: string;
    submitted_at: string | Date;
    change: boolean;
  }>(
    db,
    sql`select e.id, e.title_de as title, o.name as organisation, ${reviewStateSql} as state_code, e.submitted_at, e.revision_of is not null as change
        from event e join organisation o on o.id = e.organisation_id
        where e.status = 'submitted' and e.submitted_at > ${since.toISOString()} and e.submitted_at <= ${until.toISOString()}${scope}
        order by e.submitted_at, e.id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    title: r.title,
    organisation: r.organisation,
    stateCode: r.state_code,
    submittedAt: new Date(r.submitted_at),
    change: Boolean(r.change),
  }));
}

/** Events a Land approved in (since, until] that wait for the national office to publish them (two-tier editions). */
export async function listApproved(db: Db, since: Date, until: Date): Promise<WaitingEvent[]> {
  const rows = await queryRows<{ id: number; title: string; organisation: string; state_code: string; at: string | Date; change: boolean }>(
    db,
    sql`select l.id, e.title_de as title, o.name as organisation, ${reviewStateSql} as state_code, d.at, e.revision_of is not null as change
        from event e join event l on l.id = coalesce(e.revision_of, e.id) join organisation o on o.id = e.organisation_id
        join lateral (select max(rd.at) as at from review_decision rd where rd.event_id = l.id and rd.action = 'approve') d on true
        where e.status = 'approved' and d.at > ${since.toISOString()} and d.at <= ${until.toISOString()}
        order by d.at, l.id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    title: r.title,
    organisation: r.organisation,
    stateCode: r.state_code,
    submittedAt: new Date(r.at),
    change: Boolean(r.change),
  }));
}

export async function loadStateNames(db: Db): Promise<StateNames> {
  const rows = await queryRows<{ code: string; name_de: string; name_en: string }>(db, sql`select code, name_de, name_en from state`);
  return new Map(rows.map((r) => [r.code, { de: r.name_de, en: r.name_en }]));
}

const berlinHour = (now: Date) =>
  Number(new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, hour: "numeric", hourCycle: "h23" }).format(now));

/**
 * The daily digest (scheduled job): from DIGEST_HOUR Berlin time, once a day, each reviewer who wants it gets
 * the submissions of their Länder since their last digest (at most a day back for the first); editors also the
 * events the Länder approved in two-tier editions, waiting for them to publish. Admins get none: they operate
 * the platform and review only when they choose to (the queue is open to them). None → no mail
 * and no record, so the next digest still starts at the last one. Idempotent per day through notification_log.
 */
export async function sendReviewDigests({ db, baseUrl, now }: { db: Db; baseUrl: string; now: Date }): Promise<{ sent: number }> {
  if (berlinHour(now) < DIGEST_HOUR) return { sent: 0 };
  const today = berlinDay(now);
  const names = await loadStateNames(db);
  const stateName = (code: string, lang: Lang) => names.get(code)?.[lang] ?? code;
  let sent = 0;
  for (const r of await queryRows<Reviewer>(db, reviewersSql)) {
    const national = r.role === "editor";
    if (!national && r.states.length === 0) continue;
    const since = r.last ? new Date(r.last) : new Date(now.getTime() - 24 * 3600_000);
    if (berlinDay(since) === today && r.last) continue;
    const events = await listSubmissions(db, since, now, national ? null : r.states);
    const approved = national ? await listApproved(db, since, now) : [];
    if (events.length === 0 && approved.length === 0) continue;
    const done = await db.transaction(async (tx) => {
      const logged = await tx
        .insert(notificationLog)
        .values({ kind: REVIEW_DIGEST, subjectKey: String(r.id), sentOn: today, createdAt: now })
        .onConflictDoNothing()
        .returning({ kind: notificationLog.kind });
      if (logged.length === 0) return false;
      const lang = r.language === "en" ? "en" : "de";
      const states = national ? (lang === "en" ? "all states" : "alle Länder") : r.states.map((c) => stateName(c, lang)).join(", ");
      await queueOrganiserMail(tx, reviewDigestMail(r, { events, approved, states, stateName, baseUrl }));
      return true;
    });
    if (done) sent++;
  }
  return { sent };
}
