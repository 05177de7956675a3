import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { pageCtxOf } from "../lib/request-ctx.ts";
import { sendPage } from "../views/render.ts";
import type { AccountCtx } from "./account-ctx.ts";
import { EmailOnlyInput, parseForm, RegisterInput } from "./accounts.schemas.ts";
import { csrfToken } from "./csrf.ts";
import { formRateLimit } from "./rate-limits.ts";
import { registerUser } from "./register-user.ts";
import { resendVerification, verifyEmail } from "./verify-email.ts";
import { DonePage, type FormView, RegisterPage } from "./views/AccountForms.tsx";
import { sendMessagePage } from "./views/MessagePage.tsx";

export const accountCtxOf = (request: FastifyRequest): AccountCtx => ({
  db: request.server.database.db,
  actor: request.actor,
  baseUrl: request.server.config.baseUrl,
});

function renderRegister(request: FastifyRequest, reply: FastifyReply, view: Omit<FormView, "csrf">, status = 200) {
  return sendPage(reply, <RegisterPage ctx={pageCtxOf(request)} view={{ ...view, csrf: csrfToken(request, reply) }} />, status);
}

/** /registrieren, the verification link /konto/bestaetigen and resending it. */
export function registerRegistrationPages(app: FastifyInstance): void {
  app.get("/registrieren", async (request, reply) => renderRegister(request, reply, { values: {}, errors: {} }));

  app.post("/registrieren", { config: { rateLimit: formRateLimit(10) } }, async (request, reply) => {
    const form = parseForm(RegisterInput, request.body);
    if (!form.ok) return renderRegister(request, reply, { values: { ...form.values, password: undefined }, errors: form.errors }, 422);
    await registerUser({ ctx: accountCtxOf(request), input: form.data });
    return reply.redirect(pageCtxOf(request).href("/registrieren/pruefen"), 303);
  });

  // The same page for new and taken addresses: nothing tells whether an account exists.
  app.get("/registrieren/pruefen", async (request, reply) => {
    const ctx = pageCtxOf(request);
    return sendPage(reply, <DonePage ctx={ctx} title={ctx.t("accounts.register.checkTitle")} text={ctx.t("accounts.register.check")} />);
  });

  app.get("/konto/bestaetigen", async (request, reply) => {
    const token = (request.query as Record<string, unknown>).token;
    const ok = await verifyEmail({ ctx: accountCtxOf(request), input: { token: typeof token === "string" ? token : "" } });
    if (!ok) return sendMessagePage(request, reply, 400, "token");
    return reply.redirect(pageCtxOf(request).href("/anmelden", { notice: "verified" }), 303);
  });

  app.post("/konto/bestaetigen/erneut", { config: { rateLimit: formRateLimit(5) } }, async (request, reply) => {
    const form = parseForm(EmailOnlyInput, request.body);
    if (form.ok) await resendVerification({ ctx: accountCtxOf(request), input: form.data });
    return reply.redirect(pageCtxOf(request).href("/anmelden", { notice: "resent" }), 303);
  });
}
