import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { csrfToken } from "../accounts/csrf.ts";
import { AppError, notFound } from "../lib/errors.ts";
import { sendPage } from "../views/render.ts";
import { deleteTradeFairPresence } from "./delete-trade-fair-presence.ts";
import { listOwnTradeFairPresences } from "./list-trade-fair-presences.ts";
import { sendForbidden } from "./organisation.pages.tsx";
import { fieldErrorsOf, formOf, idOf, noticeOf, orgPageBase } from "./organiser-page-kit.ts";
import { saveTradeFairPresence } from "./save-trade-fair-presence.ts";
import { FairFormPage, type FairFormView, FairListPage } from "./views/FairPages.tsx";

/** The presence id of /mein-bereich/messe/:id; undefined on /neu. */
const presenceIdOf = (request: FastifyRequest) => {
  const raw = (request.params as { id?: string }).id;
  return raw === undefined ? undefined : idOf(raw);
};

/** /mein-bereich/messe: the organisation's trade-fair presences; other organisations' presences answer 404. */
export function registerFairPages(app: FastifyInstance): void {
  app.get("/mein-bereich/messe", async (request, reply) => {
    const base = await orgPageBase(app, request);
    const { fairs, presences } = await listOwnTradeFairPresences({ ctx: base.verb, input: { organisationId: base.org.id } });
    const page = (
      <FairListPage base={base} fairs={fairs} presences={presences} csrf={csrfToken(request, reply)} notice={noticeOf(base.ctx, request)} />
    );
    return sendPage(reply, page);
  });

  /** The form, empty for /neu, filled from the stored presence for /:id, or with the refused values. */
  const renderForm = async (request: FastifyRequest, reply: FastifyReply, view: Partial<FairFormView> = {}, status = 200) => {
    const base = await orgPageBase(app, request);
    const { fairs, presences } = await listOwnTradeFairPresences({ ctx: base.verb, input: { organisationId: base.org.id } });
    const presenceId = presenceIdOf(request);
    const stored = presenceId === undefined ? undefined : presences.find((p) => p.id === presenceId);
    if (presenceId !== undefined && !stored) throw notFound("Presence not found");
    const values = stored
      ? { ...stored, fairId: fairs.find((f) => f.name === stored.fair)?.id, coExhibitors: stored.coExhibitors.join("\n") }
      : { days: [] };
    const full: FairFormView = { values, errors: {}, ...view, csrf: csrfToken(request, reply), fairs, presenceId };
    return sendPage(reply, <FairFormPage base={base} view={full} />, status);
  };

  const save = async (request: FastifyRequest, reply: FastifyReply) => {
    const base = await orgPageBase(app, request);
    const values = formOf(request);
    const presenceId = presenceIdOf(request);
    try {
      await saveTradeFairPresence({ ctx: base.verb, input: { ...values, organisationId: base.org.id, presenceId } });
    } catch (error) {
      if (error instanceof AppError && error.code === "conflict")
        return sendForbidden(base, reply, base.ctx.t("organiser.fair.pendingOrg"));
      return renderForm(request, reply, { values, errors: fieldErrorsOf(error) }, 422);
    }
    const notice = presenceId === undefined ? "fairCreated" : "fairUpdated";
    return reply.redirect(base.ctx.href("/mein-bereich/messe", { org: base.org.slug, notice }), 303);
  };

  app.get("/mein-bereich/messe/neu", async (request, reply) => renderForm(request, reply));
  app.post("/mein-bereich/messe/neu", async (request, reply) => save(request, reply));
  app.get<{ Params: { id: string } }>("/mein-bereich/messe/:id", async (request, reply) => renderForm(request, reply));
  app.post<{ Params: { id: string } }>("/mein-bereich/messe/:id", async (request, reply) => save(request, reply));

  app.post<{ Params: { id: string } }>("/mein-bereich/messe/:id/loeschen", async (request, reply) => {
    const base = await orgPageBase(app, request);
    await deleteTradeFairPresence({ ctx: base.verb, input: { organisationId: base.org.id, presenceId: idOf(request.params.id) } });
    return reply.redirect(base.ctx.href("/mein-bereich/messe", { org: base.org.slug, notice: "fairDeleted" }), 303);
  });
}
