import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { pageCtxOf } from "../lib/request-ctx.ts";
import { sendPage } from "../views/render.ts";
import { accountTokenIsValid } from "./account-tokens.ts";
import { EmailOnlyInput, parseForm, ResetInput } from "./accounts.schemas.ts";
import { csrfToken } from "./csrf.ts";
import { requestPasswordReset, resetPassword } from "./password-reset.ts";
import { formRateLimit } from "./rate-limits.ts";
import { accountCtxOf } from "./register.pages.tsx";
import { DonePage, ForgotPage, type FormView, ResetPage } from "./views/AccountForms.tsx";
import { sendMessagePage } from "./views/MessagePage.tsx";

const render = (request: FastifyRequest, reply: FastifyReply, Page: typeof ForgotPage, view: Omit<FormView, "csrf">, status = 200) =>
  sendPage(reply, <Page ctx={pageCtxOf(request)} view={{ ...view, csrf: csrfToken(request, reply) }} />, status);

/** /passwort-vergessen → mail → /passwort-neu?token=… */
export function registerPasswordPages(app: FastifyInstance): void {
  app.get("/passwort-vergessen", async (request, reply) => render(request, reply, ForgotPage, { values: {}, errors: {} }));

  app.post("/passwort-vergessen", { config: { rateLimit: formRateLimit(5) } }, async (request, reply) => {
    const form = parseForm(EmailOnlyInput, request.body);
    if (!form.ok) return render(request, reply, ForgotPage, form, 422);
    await requestPasswordReset({ ctx: accountCtxOf(request), input: form.data });
    return reply.redirect(pageCtxOf(request).href("/passwort-vergessen/gesendet"), 303);
  });

  // Whether or not the address exists: the same words.
  app.get("/passwort-vergessen/gesendet", async (request, reply) => {
    const ctx = pageCtxOf(request);
    return sendPage(reply, <DonePage ctx={ctx} title={ctx.t("accounts.forgot.sentTitle")} text={ctx.t("accounts.forgot.sent")} />);
  });

  app.get("/passwort-neu", async (request, reply) => {
    const token = String((request.query as Record<string, unknown>).token ?? "");
    if (!(await accountTokenIsValid(app.database.db, token, "reset_password"))) return sendMessagePage(request, reply, 400, "token");
    return render(request, reply, ResetPage, { values: { token }, errors: {} });
  });

  app.post("/passwort-neu", async (request, reply) => {
    const form = parseForm(ResetInput, request.body);
    if (!form.ok) return render(request, reply, ResetPage, { values: { token: form.values.token }, errors: form.errors }, 422);
    if (!(await resetPassword({ ctx: accountCtxOf(request), input: form.data }))) return sendMessagePage(request, reply, 400, "token");
    return reply.redirect(pageCtxOf(request).href("/anmelden", { notice: "passwordReset" }), 303);
  });
}
