import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { csrfToken } from "../accounts/csrf.ts";
import { requireNational } from "../coordination/coordination-access.ts";
import { listEditions } from "../editions/edition-queries.ts";
import { berlinDay } from "../events/event-dates.ts";
import { AppError } from "../lib/errors.ts";
import { formatTime } from "../lib/format-date.ts";
import { currentEdition } from "../organiser/current-edition.ts";
import { fieldErrorsOf, formOf, idOf, noticeOf, type PageBase, pageBase } from "../organiser/organiser-page-kit.ts";
import { sendPage } from "../views/render.ts";
import { addPressContact } from "./add-press-contact.ts";
import { createNews } from "./create-news.ts";
import { listAllNews, listAllPressContacts, type NewsRow } from "./news-queries.ts";
import { removePressContact } from "./remove-press-contact.ts";
import { loadEditableNews, updateNews } from "./update-news.ts";
import {
  type ContactsView,
  NewsAdminListPage,
  NewsEditPage,
  type NewsEditView,
  newsAdminPath,
  PressContactsPage,
  pressContactsPath,
} from "./views/NewsAdminViews.tsx";

const isConflict = (error: unknown) => error instanceof AppError && error.code === "conflict";

/** The form values of a stored item (Berlin day and time of its publication). */
const valuesOf = (row: NewsRow, year: number) => ({
  ...row,
  edition: String(year),
  publishDay: berlinDay(row.publishAt),
  publishTime: formatTime("de", row.publishAt),
});

/** Editors' news and press back office under /mein-bereich/aktuelles (editors, admins; others 404). */
export function registerNewsAdminPages(app: FastifyInstance): void {
  const db = app.database.db;
  const editorBase = async (request: FastifyRequest): Promise<PageBase> => {
    const base = await pageBase(app, request);
    requireNational(base.actor);
    return base;
  };
  const years = async () => (await listEditions(db)).map((e) => e.year);
  const yearOf = async (editionId: number) => (await listEditions(db)).find((e) => e.id === editionId)?.year ?? 0;
  const renderForm = async (request: FastifyRequest, reply: FastifyReply, base: PageBase, view: Partial<NewsEditView>, status = 200) => {
    const full: NewsEditView = {
      item: null,
      values: {},
      errors: {},
      notice: null,
      conflict: false,
      ...view,
      editionYears: await years(),
      csrf: csrfToken(request, reply),
    };
    return sendPage(reply, <NewsEditPage base={base} view={full} />, status);
  };
  // The file arrives as a Buffer in the multipart body (app.ts); text fields as strings.
  const split = (request: FastifyRequest) => {
    const { pdf, version, ...values } = formOf(request);
    return { pdf, version, values };
  };

  app.get(newsAdminPath, async (request, reply) => {
    const base = await editorBase(request);
    return sendPage(
      reply,
      <NewsAdminListPage base={base} items={await listAllNews(db)} now={app.clock()} notice={noticeOf(base.ctx, request)} />,
    );
  });

  app.get(`${newsAdminPath}/neu`, async (request, reply) => {
    const base = await editorBase(request);
    const now = app.clock();
    const edition = await currentEdition(db);
    const values = { edition: edition ? String(edition.year) : "", publishDay: berlinDay(now), publishTime: formatTime("de", now) };
    return renderForm(request, reply, base, { values });
  });

  app.post(`${newsAdminPath}/neu`, async (request, reply) => {
    const base = await editorBase(request);
    const { pdf, values } = split(request);
    try {
      const created = await createNews({
        ctx: base.verb,
        input: { values, files: { store: app.storage, pdf } },
        now: app.clock(),
      });
      return reply.redirect(base.ctx.href(`${newsAdminPath}/${created.id}`, { notice: "newsCreated" }), 303);
    } catch (error) {
      return renderForm(request, reply, base, { values, errors: fieldErrorsOf(error) }, 422);
    }
  });

  app.get<{ Params: { id: string } }>(`${newsAdminPath}/:id`, async (request, reply) => {
    const base = await editorBase(request);
    const row = await loadEditableNews(db, base.actor, idOf(request.params.id));
    return renderForm(request, reply, base, {
      item: row,
      values: valuesOf(row, await yearOf(row.editionId)),
      notice: noticeOf(base.ctx, request),
    });
  });

  app.post<{ Params: { id: string } }>(`${newsAdminPath}/:id`, async (request, reply) => {
    const base = await editorBase(request);
    const row = await loadEditableNews(db, base.actor, idOf(request.params.id));
    const { pdf, version, values } = split(request);
    try {
      await updateNews({
        ctx: base.verb,
        input: { id: row.id, version, values, files: { store: app.storage, pdf } },
        now: app.clock(),
      });
      return reply.redirect(base.ctx.href(`${newsAdminPath}/${row.id}`, { notice: "newsSaved" }), 303);
    } catch (error) {
      if (isConflict(error))
        return renderForm(request, reply, base, { item: await loadEditableNews(db, base.actor, row.id), values, conflict: true }, 409);
      return renderForm(request, reply, base, { item: row, values, errors: fieldErrorsOf(error) }, 422);
    }
  });

  const renderContacts = async (
    request: FastifyRequest,
    reply: FastifyReply,
    base: PageBase,
    view: Partial<ContactsView>,
    status = 200,
  ) => {
    const edition = await currentEdition(db);
    const full: ContactsView = {
      values: { edition: edition ? String(edition.year) : "" },
      errors: {},
      notice: noticeOf(base.ctx, request),
      ...view,
      contacts: await listAllPressContacts(db),
      editionYears: await years(),
      csrf: csrfToken(request, reply),
    };
    return sendPage(reply, <PressContactsPage base={base} view={full} />, status);
  };

  app.get(pressContactsPath, async (request, reply) => renderContacts(request, reply, await editorBase(request), {}));

  app.post(pressContactsPath, async (request, reply) => {
    const base = await editorBase(request);
    const values = formOf(request);
    try {
      await addPressContact({ ctx: base.verb, input: values });
      return reply.redirect(base.ctx.href(pressContactsPath, { notice: "contactSaved" }), 303);
    } catch (error) {
      return renderContacts(request, reply, base, { values, errors: fieldErrorsOf(error), notice: null }, 422);
    }
  });

  app.post<{ Params: { id: string } }>(`${pressContactsPath}/:id/entfernen`, async (request, reply) => {
    const base = await editorBase(request);
    await removePressContact({ ctx: base.verb, input: { id: idOf(request.params.id) } });
    return reply.redirect(base.ctx.href(pressContactsPath, { notice: "contactRemoved" }), 303);
  });
}
