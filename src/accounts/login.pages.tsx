import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { pageCtxOf } from "../lib/request-ctx.ts";
import { sendPage } from "../views/render.ts";
import { LoginInput, parseForm } from "./accounts.schemas.ts";
import { csrfToken } from "./csrf.ts";
import { logIn } from "./log-in.ts";
import { loginLimiter } from "./rate-limits.ts";
import { safeNext } from "./safe-next.ts";
import { endSession, startSession } from "./sessions.ts";
import { LoginPage, type LoginView } from "./views/LoginPage.tsx";
import { sendMessagePage } from "./views/MessagePage.tsx";

const noticeOf = (request: FastifyRequest) => {
  const value = (request.query as Record<string, unknown>).notice;
  return typeof value === "string" ? value : null;
};

function renderLogin(request: FastifyRequest, reply: FastifyReply, view: Omit<LoginView, "csrf" | "notice">, status = 200) {
  const ctx = pageCtxOf(request);
  const page = <LoginPage ctx={ctx} view={{ ...view, csrf: csrfToken(request, reply), notice: noticeOf(request) }} />;
  return sendPage(reply, page, status);
}

/** /anmelden, /abmelden and the /mein-bereich entry point. */
export function registerLoginPages(app: FastifyInstance): void {
  const limiter = loginLimiter(app);

  app.get("/anmelden", async (request, reply) => {
    const next = safeNext((request.query as Record<string, unknown>).next);
    if (request.actor) return reply.redirect(next ?? pageCtxOf(request).href("/mein-bereich"), 303);
    return renderLogin(request, reply, { values: { next }, errors: {} });
  });

  app.post("/anmelden", async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const next = safeNext(body.next);
    const form = parseForm(LoginInput, body);
    if (!form.ok) return renderLogin(request, reply, { values: { email: form.values.email, next }, errors: form.errors }, 422);
    if (await limiter.exceeded(request, form.data.email)) return sendMessagePage(request, reply, 429, "rateLimited");
    const result = await logIn({ db: app.database.db, input: form.data });
    if (!result.ok) {
      if (result.reason === "credentials") await limiter.failed(request, form.data.email);
      const errors = { email: result.reason };
      const view = { values: { email: form.data.email, next }, errors, unverified: result.reason === "unverified" };
      return renderLogin(request, reply, view, 422);
    }
    await startSession(request, reply, result.userId);
    return reply.redirect(next ?? pageCtxOf(request).href("/mein-bereich"), 303);
  });

  app.post("/abmelden", async (request, reply) => {
    await endSession(request, reply);
    return reply.redirect(pageCtxOf(request).href("/anmelden", { notice: "loggedOut" }), 303);
  });
}

/**
 * /mein-bereich until the organiser dashboard exists: anonymous visitors go to the login, others to
 * /konto. Registered last and only when no other feature has claimed the path.
 */
export function registerMyAreaFallback(app: FastifyInstance): void {
  if (app.hasRoute({ method: "GET", url: "/mein-bereich" })) return;
  app.get("/mein-bereich", async (request, reply) => {
    const ctx = pageCtxOf(request);
    if (!request.actor) return reply.redirect(ctx.href("/anmelden", { next: ctx.href("/mein-bereich") }), 303);
    return reply.redirect(ctx.href("/konto"), 303);
  });
}
