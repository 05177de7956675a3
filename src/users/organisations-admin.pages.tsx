import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { csrfToken } from "../accounts/csrf.ts";
import { AppError } from "../lib/errors.ts";
import { fieldErrorsOf, formOf, noticeOf } from "../organiser/organiser-page-kit.ts";
import { sendPage } from "../views/render.ts";
import { listOrganisations, type OrganisationList } from "./list-organisations.ts";
import { mergeOrganisations, previewMerge } from "./merge-organisations.ts";
import { loadManagedOrganisation } from "./organisation-admin.ts";
import { landOptions, officeBase, stringsOf } from "./users.pages.tsx";
import { OrganisationFilter, parseFilter } from "./users.schemas.ts";
import { MergePreviewPage } from "./views/MergePreviewPage.tsx";
import { OrganisationAdminPage } from "./views/OrganisationAdminPage.tsx";
import { OrganisationsPage, organisationsPath } from "./views/OrganisationsPage.tsx";

type IdParams = { Params: { id: string } };

/** /mein-bereich/organisationen: the office's organisation list, an organisation's page, and merging duplicates. */
export function registerOrganisationAdminPages(app: FastifyInstance): void {
  app.get(organisationsPath, async (request, reply) => {
    const base = await officeBase(app, request);
    let list: OrganisationList;
    let invalid: string[] = [];
    try {
      list = await listOrganisations({ ctx: base.verb, input: request.query });
    } catch (error) {
      if (!(error instanceof AppError && error.code === "bad_request")) throw error;
      invalid = Object.keys(error.fields);
      list = { filter: parseFilter(OrganisationFilter, {}), organisations: [], total: 0, pages: 1 };
    }
    const view = { list, states: await landOptions(app, base), invalid, raw: stringsOf(request.query) };
    return sendPage(reply, <OrganisationsPage base={base} view={view} />, invalid.length ? 400 : 200);
  });

  app.get<IdParams>(`${organisationsPath}/:id`, async (request, reply) => {
    const base = await officeBase(app, request);
    const managed = await loadManagedOrganisation({ ctx: base.verb, input: { id: request.params.id } });
    const view = { managed, values: {}, errors: {}, notice: noticeOf(base.ctx, request) };
    return sendPage(reply, <OrganisationAdminPage base={base} view={view} />);
  });

  const mergePath = `${organisationsPath}/:id/zusammenfuehren`;
  /** The preview; a target that is unknown or the same organisation shows the organisation's page with the error (422). */
  const preview = async (request: FastifyRequest, reply: FastifyReply, id: string, target: unknown, changed: boolean) => {
    const base = await officeBase(app, request);
    try {
      const found = await previewMerge({ ctx: base.verb, input: { id, target } });
      const view = { preview: found, csrf: csrfToken(request, reply), changed };
      return sendPage(reply, <MergePreviewPage base={base} view={view} />, changed ? 409 : 200);
    } catch (error) {
      const errors = fieldErrorsOf(error);
      const managed = await loadManagedOrganisation({ ctx: base.verb, input: { id } });
      const values = { target: typeof target === "string" ? target : "" };
      return sendPage(reply, <OrganisationAdminPage base={base} view={{ managed, values, errors, notice: null }} />, 422);
    }
  };
  app.get<IdParams>(mergePath, async (request, reply) =>
    preview(request, reply, request.params.id, stringsOf(request.query).target ?? "", false),
  );

  app.post<IdParams>(mergePath, async (request, reply) => {
    const base = await officeBase(app, request);
    const values = formOf(request);
    try {
      const { targetId } = await mergeOrganisations({
        ctx: base.verb,
        input: { id: request.params.id, target: values.target, expected: typeof values.expected === "string" ? values.expected : "" },
      });
      return reply.redirect(base.ctx.href(`${organisationsPath}/${targetId}`, { notice: "organisationsMerged" }), 303);
    } catch (error) {
      if (error instanceof AppError && error.code === "conflict") return preview(request, reply, request.params.id, values.target, true);
      throw error;
    }
  });
}
