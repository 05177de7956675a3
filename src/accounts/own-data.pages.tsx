import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { pageCtxOf } from "../lib/request-ctx.ts";
import { sendPage } from "../views/render.ts";
import { DeleteInput, parseForm } from "./accounts.schemas.ts";
import { csrfToken } from "./csrf.ts";
import { deleteOwnAccount, exportOwnData } from "./own-data.ts";
import { accountCtxOf } from "./register.pages.tsx";
import { requireActor } from "./require-actor.ts";
import { endSession } from "./sessions.ts";
import { DeletePage, type FormView } from "./views/AccountForms.tsx";

const renderDelete = (request: FastifyRequest, reply: FastifyReply, errors: FormView["errors"] = {}) =>
  sendPage(
    reply,
    <DeletePage ctx={pageCtxOf(request)} view={{ csrf: csrfToken(request, reply), values: { email: request.actor?.email }, errors }} />,
    Object.keys(errors).length ? 422 : 200,
  );

/** /konto/daten (download own data as JSON) and /konto/loeschen (delete the account). */
export function registerOwnDataPages(app: FastifyInstance): void {
  app.get("/konto/daten", async (request, reply) => {
    requireActor(request);
    const data = await exportOwnData({ ctx: accountCtxOf(request) });
    return reply
      .header("cache-control", "no-store")
      .header("content-disposition", 'attachment; filename="clusterwoche-meine-daten.json"')
      .type("application/json; charset=utf-8")
      .send(JSON.stringify(data, null, 2));
  });

  app.get("/konto/loeschen", async (request, reply) => {
    requireActor(request);
    return renderDelete(request, reply);
  });

  app.post("/konto/loeschen", async (request, reply) => {
    requireActor(request);
    const form = parseForm(DeleteInput, request.body);
    if (!form.ok) return renderDelete(request, reply, form.errors);
    const result = await deleteOwnAccount({ ctx: accountCtxOf(request), input: form.data });
    if (result !== "ok") return renderDelete(request, reply, { currentPassword: result });
    await endSession(request, reply);
    return reply.redirect(pageCtxOf(request).href("/anmelden", { notice: "deleted" }), 303);
  });
}
