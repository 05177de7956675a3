import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sendMessagePage } from "../accounts/views/MessagePage.tsx";
import { isDatabaseError, isDatabaseUnavailable } from "../db/database-error.ts";
import { databaseErrors } from "../metrics/metrics.ts";
import { Layout } from "../views/Layout.tsx";
import { sendPage } from "../views/render.ts";
import { AppError, httpStatusOf } from "./errors.ts";
import { pageCtxOf } from "./request-ctx.ts";

// Machine clients: the API, and the feeds and exports that answer bad filters with the API's JSON error too.
const wantsJson = (request: FastifyRequest) => /^\/(api|feeds|export)\//.test(request.url);

function errorPage(request: FastifyRequest, reply: FastifyReply, status: 404 | 500 | 503) {
  const ctx = pageCtxOf(request);
  const [title, text] =
    status === 404
      ? [ctx.t("error.notFoundTitle"), ctx.t("error.notFound")]
      : status === 503
        ? [ctx.t("error.unavailableTitle"), ctx.t("error.unavailable")]
        : [ctx.t("error.serverTitle"), ctx.t("error.server")];
  return sendPage(
    reply,
    <Layout ctx={ctx} meta={{ title, noindex: true }}>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <a href={ctx.href("/programm")}>{ctx.t("nav.programme")}</a>
      </p>
    </Layout>,
    status,
  );
}

/** Anonymous visitors of a page that needs a login go there and come back afterwards (GET only). */
function redirectToLogin(request: FastifyRequest, reply: FastifyReply) {
  const ctx = pageCtxOf(request);
  return reply.redirect(ctx.href("/anmelden", { next: request.method === "GET" ? request.url : undefined }), 303);
}

/** The JSON error of a request the database could not serve (503, Retry-After: 5), in every JSON scope. */
export const UNAVAILABLE = {
  code: "unavailable",
  message: "The database is unavailable; nothing was saved. Try again shortly.",
  fields: {},
} as const;

/** Maps typed errors to HTTP in one place; 404s and crashes get pages in the site's design. */
export function registerErrorHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    if (wantsJson(request)) return reply.status(404).send({ error: { code: "not_found", message: "Not found", fields: {} } });
    return errorPage(request, reply, 404);
  });
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof AppError) {
      if (error.code === "unauthenticated" && !wantsJson(request)) return redirectToLogin(request, reply);
      const status = httpStatusOf[error.code];
      if (!wantsJson(request) && status === 404) return errorPage(request, reply, 404);
      return reply.status(status).send({ error: { code: error.code, message: error.message, fields: error.fields } });
    }
    const status = typeof (error as { statusCode?: unknown }).statusCode === "number" ? (error as { statusCode: number }).statusCode : 500;
    if (status === 429 && !wantsJson(request)) return sendMessagePage(request, reply, 429, "rateLimited");
    if (status >= 400 && status < 500) {
      return reply
        .status(status)
        .send({ error: { code: status === 429 ? "rate_limited" : "bad_request", message: (error as Error).message, fields: {} } });
    }
    if (isDatabaseError(error)) databaseErrors.inc({ where: "request" });
    // The database is away (restart, failover): say so and let the client retry; the app reconnects by itself.
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, "database unavailable");
      reply.header("retry-after", "5").header("cache-control", "no-store");
      if (wantsJson(request)) {
        return reply.status(503).send({ error: UNAVAILABLE });
      }
      return errorPage(request, reply, 503);
    }
    request.log.error({ err: error }, "request failed");
    if (wantsJson(request)) return reply.status(500).send({ error: { code: "internal", message: "Internal error", fields: {} } });
    return errorPage(request, reply, 500);
  });
}
