import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { isRowNumber } from "../event-form/event-access.ts";
import { AppError, notFound } from "../lib/errors.ts";
import { pageCtxOf } from "../lib/request-ctx.ts";
import { sendPage } from "../views/render.ts";
import {
  changePassword,
  confirmEmailChange,
  loadReportReminders,
  loadReviewDigest,
  requestEmailChange,
  setReportReminders,
  setReviewDigest,
  updateProfile,
} from "./account-settings.ts";
import { ApiTokenInput, EmailChangeInput, PasswordChangeInput, ProfileInput, parseForm } from "./accounts.schemas.ts";
import { createApiToken, listApiTokens, revokeApiToken } from "./api-tokens.ts";
import { csrfToken } from "./csrf.ts";
import { accountCtxOf } from "./register.pages.tsx";
import { requireActor } from "./require-actor.ts";
import type { ApiTokensView } from "./views/ApiTokensSection.tsx";
import type { ErrorKey } from "./views/Form.tsx";
import { sendMessagePage } from "./views/MessagePage.tsx";
import { type SettingsForm, SettingsPage, type SettingsView } from "./views/SettingsPage.tsx";

export async function renderSettings(
  request: FastifyRequest,
  reply: FastifyReply,
  refused?: SettingsView["refused"],
  createdToken?: ApiTokensView["created"],
) {
  const ctx = pageCtxOf(request);
  const actor = requireActor(request);
  const notice = (request.query as Record<string, unknown>).notice;
  const tokens = await listApiTokens({ ctx: { db: request.server.database.db, actor } });
  const reviewDigest = await loadReviewDigest({ ...accountCtxOf(request), actor });
  const reportReminders = await loadReportReminders({ ...accountCtxOf(request), actor });
  const view: SettingsView = {
    actor,
    csrf: csrfToken(request, reply),
    notice: typeof notice === "string" ? notice : null,
    refused,
    reviewDigest,
    reportReminders,
    apiTokens: { tokens, created: createdToken },
  };
  return sendPage(reply, <SettingsPage ctx={ctx} view={view} />, refused ? 422 : 200);
}

const noPasswords = (values: Record<string, string>) =>
  Object.fromEntries(Object.entries(values).filter(([k]) => !k.toLowerCase().includes("password")));

/** Parses one of the /konto forms; renders the page with 422 when refused, else hands the data on. */
async function handle<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  form: SettingsForm,
  schema: z.ZodType<T>,
  run: (data: T) => Promise<{ field: string; error: ErrorKey } | { notice: string }>,
) {
  requireActor(request);
  const parsed = parseForm(schema, request.body);
  if (!parsed.ok) return renderSettings(request, reply, { form, errors: parsed.errors, values: noPasswords(parsed.values) });
  const outcome = await run(parsed.data);
  if ("field" in outcome) {
    const values = noPasswords((request.body ?? {}) as Record<string, string>);
    return renderSettings(request, reply, { form, errors: { [outcome.field]: outcome.error }, values });
  }
  return reply.redirect(pageCtxOf(request).href("/konto", { notice: outcome.notice }), 303);
}

/** /konto and its forms: profile, password, e-mail address, the reviewers' daily digest. */
export function registerSettingsPages(app: FastifyInstance): void {
  app.get("/konto", async (request, reply) => renderSettings(request, reply));

  app.post("/konto/profil", async (request, reply) =>
    handle(request, reply, "profile", ProfileInput, async (input) => {
      await updateProfile({ ctx: { ...accountCtxOf(request), actor: requireActor(request) }, input });
      return { notice: "saved" };
    }),
  );

  app.post("/konto/passwort", async (request, reply) =>
    handle(request, reply, "password", PasswordChangeInput, async (input) => {
      const ctx = { ...accountCtxOf(request), actor: requireActor(request) };
      const result = await changePassword({ ctx, input: { ...input, keepSessionHash: request.sessionTokenHash } });
      return result === "ok" ? { notice: "passwordChanged" } : { field: "currentPassword", error: result };
    }),
  );

  app.post("/konto/email", async (request, reply) =>
    handle(request, reply, "email", EmailChangeInput, async (input) => {
      const result = await requestEmailChange({ ctx: { ...accountCtxOf(request), actor: requireActor(request) }, input });
      if (result === "ok") return { notice: "emailChangeSent" };
      return result === "sameEmail" ? { field: "newEmail", error: result } : { field: "currentPassword", error: result };
    }),
  );

  // A checkbox: sent as "1" when ticked, absent when not.
  app.post("/konto/uebersicht", async (request, reply) => {
    const actor = requireActor(request);
    const reviewDigest = (request.body as Record<string, unknown> | undefined)?.reviewDigest === "1";
    await setReviewDigest({ ctx: { ...accountCtxOf(request), actor }, input: { reviewDigest } });
    return reply.redirect(pageCtxOf(request).href("/konto", { notice: "saved" }), 303);
  });

  app.post("/konto/berichte", async (request, reply) => {
    const actor = requireActor(request);
    const reportReminders = (request.body as Record<string, unknown> | undefined)?.reportReminders === "1";
    await setReportReminders({ ctx: { ...accountCtxOf(request), actor }, input: { reportReminders } });
    return reply.redirect(pageCtxOf(request).href("/konto", { notice: "saved" }), 303);
  });

  // The secret is shown once, in the answer to this POST (never in a URL), so this form renders instead of redirecting.
  app.post("/konto/tokens", async (request, reply) => {
    const actor = requireActor(request);
    const parsed = parseForm(ApiTokenInput, request.body);
    const refuse = (errors: Record<string, ErrorKey>, values: Record<string, string>) =>
      renderSettings(request, reply, { form: "apiToken", errors, values });
    if (!parsed.ok) return refuse(parsed.errors as Record<string, ErrorKey>, parsed.values);
    const ctx = { db: app.database.db, actor };
    try {
      const { token } = await createApiToken({ ctx, input: { name: parsed.data.tokenName, expiresOn: parsed.data.expiresOn } });
      return renderSettings(request, reply, undefined, { name: parsed.data.tokenName, token });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "validation") throw error;
      const errors = Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k === "name" ? "tokenName" : k, v as ErrorKey]));
      return refuse(errors, { tokenName: parsed.data.tokenName, expiresOn: parsed.data.expiresOn ?? "" });
    }
  });

  app.post("/konto/tokens/:id/widerrufen", async (request, reply) => {
    const actor = requireActor(request);
    const id = Number((request.params as { id: string }).id);
    if (!isRowNumber(id)) throw notFound("Token not found");
    await revokeApiToken({ ctx: { db: app.database.db, actor }, input: { id } });
    return reply.redirect(pageCtxOf(request).href("/konto", { notice: "tokenRevoked" }), 303);
  });

  // Opened from the mail, possibly in another browser: no login needed, the token is the proof.
  app.get("/konto/email/bestaetigen", async (request, reply) => {
    const token = String((request.query as Record<string, unknown>).token ?? "");
    if (!(await confirmEmailChange({ ctx: accountCtxOf(request), input: { token } }))) return sendMessagePage(request, reply, 400, "token");
    const ctx = pageCtxOf(request);
    return reply.redirect(
      request.actor ? ctx.href("/konto", { notice: "emailChanged" }) : ctx.href("/anmelden", { notice: "emailChanged" }),
      303,
    );
  });
}
