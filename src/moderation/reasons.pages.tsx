import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { csrfToken } from "../accounts/csrf.ts";
import { fieldErrorsOf, formOf, idOf, noticeOf, type PageBase, pageBase } from "../organiser/organiser-page-kit.ts";
import { sendPage } from "../views/render.ts";
import { addRejectReason, listActiveReasons, requireReasonEditor, retireRejectReason } from "./reject-reasons.ts";
import { ReasonsPage, type ReasonsView, reasonsPath } from "./views/ReasonsPage.tsx";

/** The editors' list of standard rejection reasons (coordinators and organisers: 404; anonymous: login). */
export function registerReasonPages(app: FastifyInstance): void {
  const db = app.database.db;

  /** The page base of an editor or admin; anyone else gets 404 before anything is read. */
  const editorBase = async (request: FastifyRequest): Promise<PageBase> => {
    const base = await pageBase(app, request);
    requireReasonEditor(base.actor);
    return base;
  };

  const render = async (request: FastifyRequest, reply: FastifyReply, base: PageBase, view: Partial<ReasonsView>, status = 200) => {
    const full: ReasonsView = {
      values: {},
      errors: {},
      notice: noticeOf(base.ctx, request),
      ...view,
      reasons: await listActiveReasons(db),
      csrf: csrfToken(request, reply),
    };
    return sendPage(reply, <ReasonsPage base={base} view={full} />, status);
  };

  app.get(reasonsPath, async (request, reply) => render(request, reply, await editorBase(request), {}));

  app.post(reasonsPath, async (request, reply) => {
    const base = await editorBase(request);
    const values = formOf(request);
    try {
      await addRejectReason({ ctx: base.verb, input: values });
      return reply.redirect(base.ctx.href(reasonsPath, { notice: "reasonAdded" }), 303);
    } catch (error) {
      return render(request, reply, base, { values, errors: fieldErrorsOf(error), notice: null }, 422);
    }
  });

  app.post<{ Params: { id: string } }>(`${reasonsPath}/:id/ausmustern`, async (request, reply) => {
    const base = await editorBase(request);
    await retireRejectReason({ ctx: base.verb, input: { id: idOf(request.params.id) } });
    return reply.redirect(base.ctx.href(reasonsPath, { notice: "reasonRetired" }), 303);
  });
}
