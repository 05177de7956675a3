import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { csrfToken } from "../accounts/csrf.ts";
import { requireNational } from "../coordination/coordination-access.ts";
import { listEditions } from "../editions/edition-queries.ts";
import { AppError } from "../lib/errors.ts";
import { parseInput } from "../organiser/organiser.schemas.ts";
import { fieldErrorsOf, formOf, idOf, noticeOf, type PageBase, pageBase } from "../organiser/organiser-page-kit.ts";
import { sendPage } from "../views/render.ts";
import { createPage } from "./create-page.ts";
import { listPageRevisions, listPages } from "./page-queries.ts";
import { NewPageInput, PageInput } from "./pages.schemas.ts";
import { restorePageRevision } from "./restore-page-revision.ts";
import { loadEditablePage, savePage } from "./save-page.ts";
import { PageEditPage, type PageEditView } from "./views/PageEditPage.tsx";
import { PageHistoryPage } from "./views/PageHistoryPage.tsx";
import { PagesListPage, pagesAdminPath } from "./views/PagesListPage.tsx";

type IdRequest = FastifyRequest<{ Params: { id: string } }>;
const isConflict = (error: unknown) => error instanceof AppError && error.code === "conflict";

/** The editors' pages back office under /mein-bereich/seiten (editors and admins; others 404; anonymous: login). */
export function registerPageAdminPages(app: FastifyInstance): void {
  const db = app.database.db;
  const editorBase = async (request: FastifyRequest): Promise<PageBase> => {
    const base = await pageBase(app, request);
    requireNational(base.actor);
    return base;
  };
  const renderForm = async (request: FastifyRequest, reply: FastifyReply, base: PageBase, view: Partial<PageEditView>, status = 200) => {
    const full: PageEditView = {
      page: null,
      values: {},
      errors: {},
      notice: null,
      preview: false,
      conflictVersion: null,
      ...view,
      editionYears: (await listEditions(db)).map((e) => e.year),
      csrf: csrfToken(request, reply),
    };
    return sendPage(reply, <PageEditPage base={base} view={full} />, status);
  };

  app.get(pagesAdminPath, async (request, reply) => {
    const base = await editorBase(request);
    return sendPage(reply, <PagesListPage base={base} pages={await listPages(db)} notice={noticeOf(base.ctx, request)} />);
  });

  app.get(`${pagesAdminPath}/neu`, async (request, reply) =>
    renderForm(request, reply, await editorBase(request), { values: { published: "on" } }),
  );

  app.post(`${pagesAdminPath}/neu`, async (request, reply) => {
    const base = await editorBase(request);
    const { action, ...values } = formOf(request);
    try {
      if (action === "preview") return renderForm(request, reply, base, { values: parseInput(NewPageInput, values), preview: true });
      const created = await createPage({ ctx: base.verb, input: values });
      return reply.redirect(base.ctx.href(`${pagesAdminPath}/${created.id}`, { notice: "pageCreated" }), 303);
    } catch (error) {
      return renderForm(request, reply, base, { values, errors: fieldErrorsOf(error) }, 422);
    }
  });

  app.get<{ Params: { id: string } }>(`${pagesAdminPath}/:id`, async (request, reply) => {
    const base = await editorBase(request);
    const row = await loadEditablePage(db, base.actor, idOf(request.params.id));
    return renderForm(request, reply, base, { page: row, values: row, notice: noticeOf(base.ctx, request) });
  });

  app.post<{ Params: { id: string } }>(`${pagesAdminPath}/:id`, async (request: IdRequest, reply) => {
    const base = await editorBase(request);
    const row = await loadEditablePage(db, base.actor, idOf(request.params.id));
    const { action, version, ...values } = formOf(request);
    try {
      if (action === "preview")
        return renderForm(request, reply, base, { page: row, values: parseInput(PageInput, values), preview: true });
      await savePage({ ctx: base.verb, input: { id: row.id, version, values } });
      return reply.redirect(base.ctx.href(`${pagesAdminPath}/${row.id}`, { notice: "pageSaved" }), 303);
    } catch (error) {
      if (isConflict(error)) {
        const now = await loadEditablePage(db, base.actor, row.id);
        return renderForm(request, reply, base, { page: row, values, conflictVersion: now.version }, 409);
      }
      return renderForm(request, reply, base, { page: row, values, errors: fieldErrorsOf(error) }, 422);
    }
  });

  app.get<{ Params: { id: string } }>(`${pagesAdminPath}/:id/versionen`, async (request, reply) => {
    const base = await editorBase(request);
    const row = await loadEditablePage(db, base.actor, idOf(request.params.id));
    const revisions = await listPageRevisions(db, row.id);
    return sendPage(
      reply,
      <PageHistoryPage
        base={base}
        page={row}
        revisions={revisions}
        csrf={csrfToken(request, reply)}
        notice={noticeOf(base.ctx, request)}
      />,
    );
  });

  app.post<{ Params: { id: string } }>(`${pagesAdminPath}/:id/versionen`, async (request, reply) => {
    const base = await editorBase(request);
    const id = idOf(request.params.id);
    const { revision, version } = formOf(request);
    await restorePageRevision({ ctx: base.verb, input: { id, revision, version } });
    return reply.redirect(base.ctx.href(`${pagesAdminPath}/${id}`, { notice: "pageRestored" }), 303);
  });
}
