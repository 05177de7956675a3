import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { pageCtxOf } from "../lib/request-ctx.ts";
import { sendPage } from "../views/render.ts";
import { csrfToken } from "./csrf.ts";
import { requireActor } from "./require-actor.ts";
import { SettingsPage, type SettingsView } from "./views/SettingsPage.tsx";

export function renderSettings(request: FastifyRequest, reply: FastifyReply, refused?: SettingsView["refused"]) {
  const ctx = pageCtxOf(request);
  const actor = requireActor(request);
  const notice = (request.query as Record<string, unknown>).notice;
  const view: SettingsView = { actor, csrf: csrfToken(request, reply), notice: typeof notice === "string" ? notice : null, refused };
  return sendPage(reply, <SettingsPage ctx={ctx} view={view} />, refused ? 422 : 200);
}

/** /konto and its forms. */
export function registerSettingsPages(app: FastifyInstance): void {
  app.get("/konto", async (request, reply) => renderSettings(request, reply));
}
