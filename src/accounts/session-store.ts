import { and, eq, lt, ne, or, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { queryRows } from "../db/client.ts";
import { session } from "../db/schema/index.ts";
import type { Actor, Role } from "../lib/actor.ts";
import type { Lang } from "../lib/language.ts";
import { hashToken, randomToken } from "./tokens.ts";

/** A session ends after this long without a request… */
export const sessionIdleMs = 2 * 60 * 60 * 1000;
/** …and in any case this long after login. */
export const sessionAbsoluteMs = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often (fewer writes; idle expiry stays accurate to a minute). */
const touchEveryMs = 60 * 1000;

/** Starts a session for a user; returns the token for the cookie (only its hash is stored). */
export async function createSession(db: Db, userId: number, userAgent?: string): Promise<{ token: string; tokenHash: string }> {
  const token = randomToken();
  const tokenHash = hashToken(token);
  await db.insert(session).values({
    tokenHash,
    userId,
    expiresAt: new Date(Date.now() + sessionAbsoluteMs),
    userAgent: userAgent?.slice(0, 300) ?? null,
  });
  return { token, tokenHash };
}

/** A user row with memberships and coordinated states, as `actorColumns` selects it. */
export type ActorRow = {
  id: number;
  name: string;
  email: string;
  role: Role;
  language: string;
  organisation_ids: number[] | null;
  state_codes: string[] | null;
};

/** The columns of an Actor, selected from `"user" u` (sessions and API tokens load the same). */
export const actorColumns = sql`u.id, u.name, u.email, u.role, u.language,
  array(select m.organisation_id from membership m where m.user_id = u.id order by 1) as organisation_ids,
  array(select c.state_code from coordinator_state c where c.user_id = u.id order by 1) as state_codes`;

export const actorOfRow = (row: ActorRow): Actor => ({
  userId: row.id,
  name: row.name,
  email: row.email,
  role: row.role,
  language: (row.language === "en" ? "en" : "de") satisfies Lang,
  organisationIds: (row.organisation_ids ?? []).map(Number),
  stateCodes: row.state_codes ?? [],
});

/** The actor of a valid (not idle, not expired, verified and not deactivated user) session, or null. */
export async function loadSessionActor(db: Db, tokenHash: string): Promise<Actor | null> {
  const idleSeconds = Math.floor(sessionIdleMs / 1000);
  const [row] = await queryRows<ActorRow & { last_seen_at: Date | string }>(
    db,
    sql`select ${actorColumns}, s.last_seen_at
        from session s join "user" u on u.id = s.user_id
        where s.token_hash = ${tokenHash} and s.expires_at > now()
          and s.last_seen_at > now() - make_interval(secs => ${idleSeconds})
          and u.email_verified_at is not null and u.deactivated_at is null`,
  );
  if (!row) {
    await db.delete(session).where(eq(session.tokenHash, tokenHash));
    return null;
  }
  if (Date.now() - new Date(row.last_seen_at).getTime() > touchEveryMs) {
    await db.update(session).set({ lastSeenAt: sql`now()` }).where(eq(session.tokenHash, tokenHash));
  }
  return actorOfRow(row);
}

/** Ends one session (logout). */
export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(session).where(eq(session.tokenHash, tokenHash));
}

/** Ends every session of a user but the given one (after a password change). */
export async function deleteOtherSessions(db: Db, userId: number, keepTokenHash: string | null): Promise<void> {
  await db
    .delete(session)
    .where(keepTokenHash ? and(eq(session.userId, userId), ne(session.tokenHash, keepTokenHash)) : eq(session.userId, userId));
}

/** Removes expired and idle sessions of everybody (the housekeeping job); returns how many. */
export async function purgeExpiredSessions(db: Db, now: Date): Promise<number> {
  const idleSince = new Date(now.getTime() - sessionIdleMs);
  const gone = await db
    .delete(session)
    .where(or(lt(session.expiresAt, now), lt(session.lastSeenAt, idleSince)))
    .returning({ userId: session.userId });
  return gone.length;
}
