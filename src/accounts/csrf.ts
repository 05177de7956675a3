import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { cookieOptions } from "./sessions.ts";
import { sendMessagePage } from "./views/MessagePage.tsx";

/*
 * CSRF protection: a signed double-submit token tied to the session.
 * - The browser holds a random `cw_csrf` cookie (httpOnly, SameSite=Lax).
 * - The token is HMAC(SESSION_SECRET, cookie value + session hash): it changes at login/logout and
 *   cannot be made without the secret, so a cookie planted by a sibling domain does not help.
 * - Every POST/PUT/PATCH/DELETE is checked in a global preHandler. The token is read from
 *     1. the header `x-csrf-token` (fetch/XHR, any content type),
 *     2. the form field `_csrf` (url-encoded forms: <CsrfField token={await csrfToken(request, reply)} />;
 *        multipart with attachFieldsToBody works too, as the field is then in request.body),
 *     3. the query parameter `_csrf`, for multipart/form-data only (uploads streamed with
 *        request.file(): put `?_csrf=…` into the form's action URL).
 * - A route may opt out with `config: { csrf: false }` (only for requests that carry no cookies).
 */

declare module "fastify" {
  interface FastifyInstance {
    csrfSecret: string;
  }
  interface FastifyContextConfig {
    /** false: this state-changing route does not need a CSRF token (e.g. token-authenticated API). */
    csrf?: boolean;
  }
}

const csrfCookie = "cw_csrf";
const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

const sign = (secret: string, seed: string, sessionHash: string | null) =>
  createHmac("sha256", secret)
    .update(`${seed}|${sessionHash ?? ""}`)
    .digest("base64url");

/** The token for the forms of this response; sets the CSRF cookie when the browser has none. */
export function csrfToken(request: FastifyRequest, reply: FastifyReply): string {
  let seed = request.cookies.cw_csrf;
  if (!seed || !/^[\w-]{16,64}$/.test(seed)) {
    seed = randomBytes(18).toString("base64url");
    reply.setCookie(csrfCookie, seed, cookieOptions(request));
    request.cookies.cw_csrf = seed;
  }
  // A page with a token is personal: never store it in a shared cache.
  reply.header("cache-control", "no-store");
  return sign(request.server.csrfSecret, seed, request.sessionTokenHash);
}

/**
 * The token for the header's logout form, when the browser already holds the CSRF cookie (every
 * signed-in browser does: it posted the login form). Null otherwise; never sets a cookie.
 */
export function existingCsrfToken(request: FastifyRequest): string | null {
  const seed = request.cookies.cw_csrf;
  if (!seed || !/^[\w-]{16,64}$/.test(seed)) return null;
  return sign(request.server.csrfSecret, seed, request.sessionTokenHash);
}

function submittedToken(request: FastifyRequest): string | undefined {
  const header = request.headers["x-csrf-token"];
  if (typeof header === "string") return header;
  const body = request.body;
  if (body && typeof body === "object" && "_csrf" in body) {
    const field: unknown = body._csrf;
    if (typeof field === "string") return field;
    if (field && typeof field === "object" && "value" in field && typeof field.value === "string") return field.value;
  }
  if (request.headers["content-type"]?.startsWith("multipart/form-data")) {
    const query = request.query as Record<string, unknown> | undefined;
    if (typeof query?._csrf === "string") return query._csrf;
  }
  return undefined;
}

/** Whether the request carries a valid token for its cookie and session. */
export function csrfValid(request: FastifyRequest): boolean {
  const seed = request.cookies.cw_csrf;
  const given = submittedToken(request);
  if (!seed || !given) return false;
  const expected = Buffer.from(sign(request.server.csrfSecret, seed, request.sessionTokenHash));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Installs the secret and the global check; refusals are 403 with a page (JSON under /api/). */
export function registerCsrf(app: FastifyInstance): void {
  const secret = app.config.sessionSecret ?? randomBytes(32).toString("hex");
  if (!app.config.sessionSecret && app.config.production) {
    app.log.warn("SESSION_SECRET is not set: using a random secret for this process; forms break across restarts and instances");
  }
  app.decorate("csrfSecret", secret);
  app.addHook("preHandler", async (request, reply) => {
    if (!unsafeMethods.has(request.method) || request.routeOptions.config?.csrf === false) return;
    if (csrfValid(request)) return;
    if (request.url.startsWith("/api/")) {
      return reply.status(403).send({ error: { code: "csrf", message: "Missing or invalid CSRF token", fields: {} } });
    }
    return sendMessagePage(request, reply, 403, "csrf");
  });
}
