import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { csrfToken } from "../accounts/csrf.ts";
import { requireActor } from "../accounts/require-actor.ts";
import { editionForNewEvents } from "../event-form/edition-for-new-events.ts";
import { AppError } from "../lib/errors.ts";
import type { Lang } from "../lib/language.ts";
import { pageCtxOf } from "../lib/request-ctx.ts";
import { uploadNameOf } from "../lib/upload-names.ts";
import { pageBase } from "../organiser/organiser-page-kit.ts";
import { sendPage } from "../views/render.ts";
import { templateCsv, templateXlsx } from "./build-template.ts";
import { confirmImport } from "./confirm-import.ts";
import { ImportFileError, MAX_FILE_BYTES } from "./file-guard.ts";
import { getImportPlan } from "./get-import-plan.ts";
import { loadVocabulary } from "./import-vocabulary.ts";
import { loadImportForm } from "./load-import-form.ts";
import { planImport } from "./plan-import.ts";
import { ImportPage, type ImportPageProps } from "./views/ImportPage.tsx";
import { problemText } from "./views/import-texts.ts";
import { PreviewPage } from "./views/PreviewPage.tsx";

const base = "/mein-bereich/import";
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
type IdParams = { Params: { id: string } };

const field = (body: unknown, key: string): string => {
  const value = body && typeof body === "object" ? Reflect.get(body, key) : undefined;
  return typeof value === "string" ? value : "";
};
const fileOf = (body: unknown): Buffer | undefined => {
  const value = body && typeof body === "object" ? Reflect.get(body, "file") : undefined;
  return Buffer.isBuffer(value) && value.length > 0 ? value : undefined;
};

/** The spreadsheet import under /mein-bereich/import: templates, upload → preview (stored) → confirm (PRODUCT §6). */
export function registerImportPages(app: FastifyInstance): void {
  const db = app.database.db;

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    errors: Record<string, string>,
    values: ImportPageProps["values"] = {},
  ) => {
    const page = await pageBase(app, request);
    const form = await loadImportForm({ ctx: page.verb });
    const props = {
      ctx: page.ctx,
      actor: page.actor,
      orgs: page.orgs,
      org: page.org,
      csrf: csrfToken(request, reply),
      form,
      values,
      errors,
    };
    return sendPage(reply, <ImportPage {...props} />, status);
  };

  app.get(base, async (request, reply) => renderForm(request, reply, 200, {}));

  // The templates carry only public value lists; the documentation links them too, so no sign-in is needed.
  for (const kind of ["xlsx", "csv"] as const) {
    app.get(`${base}/vorlage.${kind}`, async (request, reply) => {
      const lang: Lang = (request.query as Record<string, unknown> | undefined)?.lang === "en" ? "en" : "de";
      const vocab = await loadVocabulary(db);
      const firstDay = (await editionForNewEvents(db).catch(() => undefined))?.startsOn ?? new Date().toISOString().slice(0, 10);
      const name = lang === "en" ? "clusterwoche-import-template" : "clusterwoche-importvorlage";
      reply.header("content-disposition", `attachment; filename="${name}.${kind}"`);
      if (kind === "csv") return reply.type("text/csv; charset=utf-8").send(templateCsv(lang, vocab, firstDay));
      return reply.type(XLSX_TYPE).send(await templateXlsx(lang, vocab, firstDay));
    });
  }

  app.post(
    base,
    {
      config: { multipartOptions: { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 10, fieldSize: 1000, parts: 12 } } },
      errorHandler: (error: Error & { statusCode?: number }, request, reply) => {
        if (error.statusCode !== 413) throw error;
        return renderForm(request, reply, 413, { file: pageCtxOf(request).t("imports.fileErrors.tooLarge") });
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const values = {
        organisationId: field(request.body, "organisationId"),
        year: field(request.body, "year"),
        importAs: field(request.body, "importAs"),
      };
      const file = fileOf(request.body);
      const ctx = pageCtxOf(request);
      if (!file) return renderForm(request, reply, 422, { file: ctx.t("imports.fileErrors.empty") }, values);
      try {
        const plan = await planImport({
          ctx: { db, actor },
          input: {
            organisationId: Number(values.organisationId),
            year: Number(values.year),
            file,
            // The name the browser sent; without one, the kind names the file.
            fileName: uploadNameOf(request, "file") ?? (file.subarray(0, 2).toString("latin1") === "PK" ? "XLSX" : "CSV"),
            importAs: values.importAs === "draft" ? "draft" : "submitted",
          },
        });
        return reply.redirect(ctx.href(`${base}/${plan.id}`), 303);
      } catch (error) {
        if (error instanceof ImportFileError)
          return renderForm(request, reply, 422, { file: problemText(ctx, { code: error.code, params: error.params }) }, values);
        if (error instanceof AppError && error.code === "validation" && error.fields.edition)
          return renderForm(
            request,
            reply,
            422,
            { year: problemText(ctx, { code: error.fields.edition, params: { year: values.year } }) },
            values,
          );
        throw error;
      }
    },
  );

  const renderPreview = async (
    request: FastifyRequest<IdParams>,
    reply: FastifyReply,
    status: number,
    problem?: string,
    notice?: string,
  ) => {
    const page = await pageBase(app, request);
    const view = await getImportPlan({ ctx: page.verb, input: { id: request.params.id } });
    const props = { ctx: page.ctx, actor: page.actor, orgs: page.orgs, view, csrf: csrfToken(request, reply), problem, notice };
    return sendPage(reply, <PreviewPage {...props} />, status);
  };

  app.get<IdParams>(`${base}/:id`, async (request, reply) => {
    const page = await pageBase(app, request);
    const view = await getImportPlan({ ctx: page.verb, input: { id: request.params.id } });
    const result = view.plan.result;
    const notice =
      view.plan.status === "confirmed" && result && typeof result === "object"
        ? page.ctx.t("imports.confirmed", {
            created: String(Reflect.get(result, "created") ?? 0),
            updated: String(Reflect.get(result, "updated") ?? 0),
            unchanged: String(Reflect.get(result, "unchanged") ?? 0),
          })
        : undefined;
    return renderPreview(request, reply, 200, undefined, notice);
  });

  app.post<IdParams>(`${base}/:id/bestaetigen`, async (request, reply) => {
    const page = await pageBase(app, request);
    try {
      await confirmImport({ ctx: page.verb, input: { planId: request.params.id } });
    } catch (error) {
      if (error instanceof AppError && error.code === "conflict") {
        const reason = error.fields.plan;
        const key =
          reason === "expired"
            ? "imports.expired"
            : reason === "stale"
              ? "imports.stale"
              : reason === "confirmNone"
                ? "imports.confirmNone"
                : "imports.alreadyConfirmed";
        return renderPreview(request, reply, 409, page.ctx.t(key));
      }
      throw error;
    }
    return reply.redirect(page.ctx.href(`${base}/${request.params.id}`), 303);
  });
}
