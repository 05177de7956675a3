import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { queryRows } from "../db/client.ts";
import { apiToken } from "../db/schema/index.ts";
import { berlinDay, berlinTime } from "../events/event-dates.ts";
import type { Actor, VerbCtx } from "../lib/actor.ts";
import { notFound, validationFailed } from "../lib/errors.ts";
import { type ActorRow, actorColumns, actorOfRow } from "./session-store.ts";
import { hashToken, randomToken } from "./tokens.ts";

/** Every token starts with this, so secret scanners and people can tell what it is. */
export const API_TOKEN_PREFIX = "cwt_";
/** Tokens one user may hold at once. */
export const MAX_API_TOKENS = 20;
/** last_used_at is written at most this often per token. */
const touchEveryMs = 60_000;

type OwnCtx = VerbCtx & { actor: Actor };

/**
 * Creates a personal API token for the actor. Returns the secret once: only its SHA-256 is stored.
 * `expiresOn` (YYYY-MM-DD, optional) is the last Berlin day it works.
 */
export async function createApiToken({ ctx, input }: { ctx: OwnCtx; input: { name: string; expiresOn: string | null } }) {
  const today = berlinDay(new Date());
  if (input.expiresOn && input.expiresOn < today) throw validationFailed({ expiresOn: "expiryPast" });
  const expiresAt = input.expiresOn ? berlinTime(nextDay(input.expiresOn)) : null;
  const token = `${API_TOKEN_PREFIX}${randomToken()}`;
  return ctx.db.transaction(async (tx) => {
    const [held] = await tx.select({ n: count() }).from(apiToken).where(eq(apiToken.userId, ctx.actor.userId));
    if ((held?.n ?? 0) >= MAX_API_TOKENS) throw validationFailed({ name: "tooManyTokens" });
    const [row] = await tx
      .insert(apiToken)
      .values({ userId: ctx.actor.userId, name: input.name, tokenHash: hashToken(token), prefix: token.slice(0, 12), expiresAt })
      .returning({ id: apiToken.id });
    if (!row) throw new Error("token not stored");
    return { id: row.id, token };
  });
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The actor's tokens (never their secrets), oldest first. */
export async function listApiTokens({ ctx }: { ctx: OwnCtx }) {
  return ctx.db
    .select({
      id: apiToken.id,
      name: apiToken.name,
      prefix: apiToken.prefix,
      createdAt: apiToken.createdAt,
      lastUsedAt: apiToken.lastUsedAt,
      expiresAt: apiToken.expiresAt,
    })
    .from(apiToken)
    .where(eq(apiToken.userId, ctx.actor.userId))
    .orderBy(asc(apiToken.createdAt), asc(apiToken.id));
}

/** Revokes one of the actor's tokens (deletes it); another user's token is 404. */
export async function revokeApiToken({ ctx, input }: { ctx: OwnCtx; input: { id: number } }): Promise<void> {
  const gone = await ctx.db
    .delete(apiToken)
    .where(and(eq(apiToken.id, input.id), eq(apiToken.userId, ctx.actor.userId)))
    .returning({ id: apiToken.id });
  if (gone.length === 0) throw notFound("Token not found");
}

export type TokenActor = { actor: Actor; token: { id: number; name: string; expiresAt: Date | null } };

/** The actor a bearer token acts as (exactly its user's permissions), or null if unknown, revoked or expired. */
export async function loadApiTokenActor(db: Db, token: string): Promise<TokenActor | null> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 100) return null;
  const [row] = await queryRows<
    ActorRow & { token_id: number; token_name: string; expires_at: Date | string | null; last_used_at: Date | string | null }
  >(
    db,
    sql`select ${actorColumns}, t.id as token_id, t.name as token_name, t.expires_at, t.last_used_at
        from api_token t join "user" u on u.id = t.user_id
        where t.token_hash = ${hashToken(token)} and (t.expires_at is null or t.expires_at > now())
          and u.email_verified_at is not null and u.deactivated_at is null`,
  );
  if (!row) return null;
  const tokenId = Number(row.token_id);
  if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() > touchEveryMs) {
    await db.update(apiToken).set({ lastUsedAt: sql`now()` }).where(eq(apiToken.id, tokenId));
  }
  const expiresAt = row.expires_at ? new Date(row.expires_at) : null;
  return { actor: actorOfRow(row), token: { id: tokenId, name: row.token_name, expiresAt } };
}
