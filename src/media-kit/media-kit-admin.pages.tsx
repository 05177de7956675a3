import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { csrfToken } from "../accounts/csrf.ts";
import { requireNational } from "../coordination/coordination-access.ts";
import { findEditionByYear, listEditions } from "../editions/edition-queries.ts";
import { notFound } from "../lib/errors.ts";
import { currentEdition } from "../organiser/current-edition.ts";
import { fieldErrorsOf, formOf, idOf, noticeOf, type PageBase, pageBase } from "../organiser/organiser-page-kit.ts";
import { sendPage } from "../views/render.ts";
import { addKitFile } from "./add-kit-file.ts";
import { generateSocialImage } from "./generate-social-image.ts";
import { loadMediaKit } from "./media-kit-queries.ts";
import { removeKitFile } from "./remove-kit-file.ts";
import { saveKitUsage } from "./save-kit-usage.ts";
import { type KitAdminView, kitAdminPath, kitAdminYearPath, MediaKitAdminPage } from "./views/MediaKitAdminPage.tsx";

type YearParams = { Params: { year: string } };

/** The editors' media kit per edition under /mein-bereich/medienpaket (editors, admins; others 404). */
export function registerMediaKitAdminPages(app: FastifyInstance): void {
  const db = app.database.db;
  const store = app.storage;
  const editorBase = async (request: FastifyRequest): Promise<PageBase> => {
    const base = await pageBase(app, request);
    requireNational(base.actor);
    return base;
  };
  const yearOf = (request: FastifyRequest<YearParams>) => idOf(request.params.year);
  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    base: PageBase,
    year: number,
    view: Partial<KitAdminView> = {},
    status = 200,
  ) => {
    const edition = await findEditionByYear(db, year);
    if (!edition) throw notFound("Edition not found");
    const full: KitAdminView = {
      values: {},
      errors: {},
      notice: noticeOf(base.ctx, request),
      ...view,
      kit: await loadMediaKit(db, edition),
      editions: await listEditions(db),
      csrf: csrfToken(request, reply),
    };
    return sendPage(reply, <MediaKitAdminPage base={base} view={full} />, status);
  };
  const back = (base: PageBase, year: number, notice: string) => base.ctx.href(kitAdminYearPath(year), { notice });

  // The edition chooser is a GET form (?ausgabe=YEAR); without it, the current edition.
  app.get(kitAdminPath, async (request, reply) => {
    const base = await editorBase(request);
    const chosen = idOf((request.query as Record<string, unknown>).ausgabe) || (await currentEdition(db))?.year;
    if (!chosen) throw notFound("No edition");
    return reply.redirect(base.ctx.href(kitAdminYearPath(chosen)), 303);
  });

  app.get<YearParams>(`${kitAdminPath}/:year`, async (request, reply) =>
    render(request, reply, await editorBase(request), yearOf(request)),
  );

  app.post<YearParams>(`${kitAdminPath}/:year/dateien`, async (request, reply) => {
    const base = await editorBase(request);
    const year = yearOf(request);
    const { file, ...values } = formOf(request);
    try {
      await addKitFile({ ctx: base.verb, input: { year, values, file, store } });
      return reply.redirect(back(base, year, "kitAdded"), 303);
    } catch (error) {
      return render(request, reply, base, year, { values, errors: fieldErrorsOf(error), notice: null }, 422);
    }
  });

  app.post<YearParams & { Params: { id: string } }>(`${kitAdminPath}/:year/dateien/:id/entfernen`, async (request, reply) => {
    const base = await editorBase(request);
    const year = yearOf(request);
    await removeKitFile({ ctx: base.verb, input: { year, id: idOf(request.params.id) } });
    return reply.redirect(back(base, year, "kitRemoved"), 303);
  });

  app.post<YearParams>(`${kitAdminPath}/:year/erzeugen`, async (request, reply) => {
    const base = await editorBase(request);
    const year = yearOf(request);
    await generateSocialImage({ ctx: base.verb, input: { year, lang: formOf(request).lang, store } });
    return reply.redirect(back(base, year, "kitGenerated"), 303);
  });

  app.post<YearParams>(`${kitAdminPath}/:year/hinweise`, async (request, reply) => {
    const base = await editorBase(request);
    const year = yearOf(request);
    const values = formOf(request);
    try {
      await saveKitUsage({ ctx: base.verb, input: { year, values } });
      return reply.redirect(back(base, year, "kitUsageSaved"), 303);
    } catch (error) {
      return render(request, reply, base, year, { values, errors: fieldErrorsOf(error), notice: null }, 422);
    }
  });
}
