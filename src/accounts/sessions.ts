import cookie from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { createSession, deleteSession, loadSessionActor, sessionAbsoluteMs } from "./session-store.ts";
import { hashToken } from "./tokens.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** SHA-256 of the session token when the request carries a valid session (for logout, CSRF binding). */
    sessionTokenHash: string | null;
  }
}

export const sessionCookie = "cw_session";

/** Cookie attributes shared by the session and CSRF cookies. */
export const cookieOptions = (request: FastifyRequest) =>
  ({ path: "/", httpOnly: true, sameSite: "lax", secure: request.server.config.production }) as const;

/**
 * Loads the session on every request (onRequest) and sets `request.actor`. Routes flagged
 * `publicCache` and static files skip the lookup: their answers never depend on who asks.
 */
export async function registerSessions(app: FastifyInstance): Promise<void> {
  await app.register(cookie);
  app.decorateRequest("sessionTokenHash", null);
  app.addHook("onRequest", async (request, reply) => {
    if (request.routeOptions.config?.publicCache || request.url.startsWith("/static/")) return;
    const token = request.cookies[sessionCookie];
    if (!token) return;
    const tokenHash = hashToken(token);
    const actor = token.length <= 100 ? await loadSessionActor(app.database.db, tokenHash) : null;
    if (!actor) {
      reply.clearCookie(sessionCookie, { path: "/" });
      return;
    }
    request.actor = actor;
    request.sessionTokenHash = tokenHash;
    // The header names the account: such a page is personal unless the route says otherwise.
    reply.header("cache-control", "private, no-store");
  });
}

/** Logs a user in: any previous session of this browser ends and a new id is issued (no fixation). */
export async function startSession(request: FastifyRequest, reply: FastifyReply, userId: number): Promise<void> {
  const db = request.server.database.db;
  if (request.sessionTokenHash) await deleteSession(db, request.sessionTokenHash);
  const { token, tokenHash } = await createSession(db, userId, request.headers["user-agent"]);
  reply.setCookie(sessionCookie, token, { ...cookieOptions(request), maxAge: Math.floor(sessionAbsoluteMs / 1000) });
  request.sessionTokenHash = tokenHash;
}

/** Logs out: the session row goes, so the old cookie is worthless even if kept. */
export async function endSession(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.sessionTokenHash) await deleteSession(request.server.database.db, request.sessionTokenHash);
  request.sessionTokenHash = null;
  request.actor = null;
  reply.clearCookie(sessionCookie, { path: "/" });
}
