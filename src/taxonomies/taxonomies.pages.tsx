import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { csrfToken } from "../accounts/csrf.ts";
import { requireNational } from "../coordination/coordination-access.ts";
import { AppError, notFound } from "../lib/errors.ts";
import { fieldErrorsOf, formOf, noticeOf, type PageBase, pageBase } from "../organiser/organiser-page-kit.ts";
import { sendPage } from "../views/render.ts";
import { addTerm } from "./add-term.ts";
import { deleteTerm } from "./delete-term.ts";
import { moveTerm } from "./move-term.ts";
import { renameTerm } from "./rename-term.ts";
import { setTermActive } from "./set-term-active.ts";
import { listTerms, type TermKind, termKindOf } from "./term-kinds.ts";
import { TaxonomyPage, type TaxonomyView, taxonomiesPath, termKindPath } from "./views/TaxonomyPage.tsx";
import { TermEditPage, type TermEditView } from "./views/TermEditPage.tsx";

type TermParams = { Params: { kind: string; code: string } };

/** Editors' technology fields and target groups under /mein-bereich/taxonomien (editors, admins; others 404). */
export function registerTaxonomyPages(app: FastifyInstance): void {
  const db = app.database.db;
  const editorBase = async (request: FastifyRequest): Promise<PageBase> => {
    const base = await pageBase(app, request);
    requireNational(base.actor);
    return base;
  };
  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    base: PageBase,
    view: Partial<TaxonomyView> & { kind: TermKind },
    status = 200,
  ) => {
    const full: TaxonomyView = {
      values: {},
      errors: {},
      notice: noticeOf(base.ctx, request),
      problem: null,
      ...view,
      terms: await listTerms(db, view.kind),
      csrf: csrfToken(request, reply),
    };
    return sendPage(reply, <TaxonomyPage base={base} view={full} />, status);
  };
  const back = (base: PageBase, kind: TermKind, notice: string) => base.ctx.href(termKindPath(kind), { notice });

  app.get(taxonomiesPath, async (request, reply) => {
    const base = await editorBase(request);
    return reply.redirect(base.ctx.href(termKindPath("technologiefelder")), 303);
  });

  app.get<{ Params: { kind: string } }>(`${taxonomiesPath}/:kind`, async (request, reply) => {
    const base = await editorBase(request);
    return render(request, reply, base, { kind: termKindOf(request.params.kind) });
  });

  app.post<{ Params: { kind: string } }>(`${taxonomiesPath}/:kind`, async (request, reply) => {
    const base = await editorBase(request);
    const kind = termKindOf(request.params.kind);
    const values = formOf(request);
    try {
      await addTerm({ ctx: base.verb, input: { kind, values } });
      return reply.redirect(back(base, kind, "termAdded"), 303);
    } catch (error) {
      return render(request, reply, base, { kind, values, errors: fieldErrorsOf(error), notice: null }, 422);
    }
  });

  const renderEdit = async (
    request: FastifyRequest<TermParams>,
    reply: FastifyReply,
    base: PageBase,
    view: Partial<TermEditView> = {},
    status = 200,
  ) => {
    const kind = termKindOf(request.params.kind);
    const term = (await listTerms(db, kind)).find((x) => x.code === request.params.code);
    if (!term) throw notFound("Term not found");
    const full: TermEditView = { values: {}, errors: {}, ...view, kind, term, csrf: csrfToken(request, reply) };
    return sendPage(reply, <TermEditPage base={base} view={full} />, status);
  };

  app.get<TermParams>(`${taxonomiesPath}/:kind/:code`, async (request, reply) => renderEdit(request, reply, await editorBase(request)));

  app.post<TermParams>(`${taxonomiesPath}/:kind/:code`, async (request, reply) => {
    const base = await editorBase(request);
    const kind = termKindOf(request.params.kind);
    const values = formOf(request);
    try {
      await renameTerm({ ctx: base.verb, input: { kind, code: request.params.code, values } });
      return reply.redirect(back(base, kind, "termRenamed"), 303);
    } catch (error) {
      return renderEdit(request, reply, base, { values, errors: fieldErrorsOf(error) }, 422);
    }
  });

  const moves = { hoch: "up", runter: "down" } as const;
  for (const [verb, direction] of Object.entries(moves))
    app.post<TermParams>(`${taxonomiesPath}/:kind/:code/${verb}`, async (request, reply) => {
      const base = await editorBase(request);
      const kind = termKindOf(request.params.kind);
      await moveTerm({ ctx: base.verb, input: { kind, code: request.params.code, direction } });
      return reply.redirect(back(base, kind, "termMoved"), 303);
    });

  const states = { ausmustern: [false, "termRetired"], reaktivieren: [true, "termReactivated"] } as const;
  for (const [verb, [active, notice]] of Object.entries(states))
    app.post<TermParams>(`${taxonomiesPath}/:kind/:code/${verb}`, async (request, reply) => {
      const base = await editorBase(request);
      const kind = termKindOf(request.params.kind);
      await setTermActive({ ctx: base.verb, input: { kind, code: request.params.code, active } });
      return reply.redirect(back(base, kind, notice), 303);
    });

  app.post<TermParams>(`${taxonomiesPath}/:kind/:code/loeschen`, async (request, reply) => {
    const base = await editorBase(request);
    const kind = termKindOf(request.params.kind);
    try {
      await deleteTerm({ ctx: base.verb, input: { kind, code: request.params.code } });
      return reply.redirect(back(base, kind, "termDeleted"), 303);
    } catch (error) {
      if (!(error instanceof AppError && error.code === "conflict")) throw error;
      return render(request, reply, base, { kind, notice: null, problem: base.ctx.t("taxonomies.inUse") }, 409);
    }
  });
}
