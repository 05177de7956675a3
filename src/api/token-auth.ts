import type { FastifyInstance, FastifyRequest } from "fastify";
import { loadApiTokenActor, type TokenActor } from "../accounts/api-tokens.ts";
import { AppError } from "../lib/errors.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** The personal API token of a bearer request (token routes only). */
    apiToken: TokenActor["token"] | null;
  }
}

/** Requests per minute one token may make; the next answers 429. */
export const API_TOKEN_REQUESTS_PER_MINUTE = 120;

/** The OpenAPI security scheme of the token routes (components.securitySchemes). */
export const bearerScheme = {
  bearerToken: {
    type: "http",
    scheme: "bearer",
    description: "A personal API token, created and revoked on the account page (/konto). It acts with exactly its user's permissions.",
  },
} as const;
export const bearerSecurity = [{ bearerToken: [] }];

/**
 * Route options of every token route: no CSRF token (the bearer token is not sent by browsers on
 * their own, and these routes accept nothing else: a cookie session is ignored), limited per token.
 */
export const tokenRouteConfig = {
  csrf: false,
  rateLimit: {
    max: API_TOKEN_REQUESTS_PER_MINUTE,
    timeWindow: 60_000,
    hook: "preHandler" as const,
    keyGenerator: (request: FastifyRequest) => `api-token:${request.apiToken?.id ?? request.ip}`,
  },
};

/**
 * In the scope of the token routes: `Authorization: Bearer cwt_…` sets request.actor to the token's
 * user; a missing, unknown, revoked or expired token answers 401 (JSON, WWW-Authenticate) before anything else.
 */
export function registerTokenAuth(scope: FastifyInstance): void {
  scope.decorateRequest("apiToken", null);
  scope.addHook("onRequest", async (request, reply) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? "");
    const found = match?.[1] ? await loadApiTokenActor(scope.database.db, match[1]) : null;
    if (!found) {
      reply.header(
        "www-authenticate",
        match ? 'Bearer realm="Clusterwoche API", error="invalid_token"' : 'Bearer realm="Clusterwoche API"',
      );
      request.actor = null;
      throw new AppError(
        "unauthenticated",
        match ? "The API token is unknown, revoked or expired." : "An API token is required (Authorization: Bearer …).",
      );
    }
    request.actor = found.actor;
    request.apiToken = found.token;
    reply.header("cache-control", "private, no-store");
  });
}
