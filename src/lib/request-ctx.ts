import type { FastifyRequest } from "fastify";
import { existingCsrfToken } from "../accounts/csrf.ts";
import { langOf } from "./language.ts";
import { createPageCtx, type PageCtx } from "./page-context.ts";

/** The view context of a request: language from `lang`, links relative to BASE_URL. */
export function pageCtxOf(request: FastifyRequest): PageCtx {
  const { baseUrl, seed } = request.server.config;
  const account = request.actor ? { name: request.actor.name, csrf: existingCsrfToken(request) } : null;
  return createPageCtx(langOf(request.query), request.url, baseUrl, seed === "demo", account);
}
