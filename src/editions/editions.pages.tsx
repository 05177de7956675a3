import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { csrfToken } from "../accounts/csrf.ts";
import { AppError } from "../lib/errors.ts";
import { MAX_IMAGE_BYTES } from "../media/store-image.ts";
import { fieldErrorsOf, formOf, type PageBase, pageBase } from "../organiser/organiser-page-kit.ts";
import { sendPage } from "../views/render.ts";
import { createEdition } from "./create-edition.ts";
import { BLANK_ROWS, MAX_ROWS, parseEditionForm } from "./edition.schemas.ts";
import { requireEditionEditor } from "./edition-access.ts";
import { type FormValues, formValuesOf, newEditionValues } from "./edition-form-values.ts";
import type { Edition } from "./edition-queries.ts";
import { listEditionsForOffice, loadEditionPage } from "./load-edition-page.ts";
import { planRollover } from "./rollover/plan-rollover.ts";
import { rollOverEdition } from "./rollover/roll-over-edition.ts";
import { setEditionStatus } from "./set-edition-status.ts";
import { updateEdition } from "./update-edition.ts";
import { EditionFormPage, type EditionFormView } from "./views/EditionFormPage.tsx";
import { EditionListPage } from "./views/EditionListPage.tsx";
import { editionsPath, rolloverPath } from "./views/edition-paths.ts";
import { RolloverPage } from "./views/RolloverPage.tsx";

type YearRequest = FastifyRequest<{ Params: { year: string } }>;
/** One portrait field per patron row the form can show: the app-wide limit of 5 files refused 4 patrons (413). */
const formLimits = {
  multipartOptions: { limits: { fileSize: MAX_IMAGE_BYTES, files: MAX_ROWS + BLANK_ROWS, fields: 400, fieldSize: 100_000, parts: 420 } },
};
const query = (request: FastifyRequest) => (request.query ?? {}) as Record<string, unknown>;
/** What the editor typed, files left out (a refused upload has to be chosen again). */
const typedOf = (form: FormValues): FormValues => Object.fromEntries(Object.entries(form).filter(([, v]) => typeof v === "string"));

/** The editors' edition back office: list, create, edit, status, rollover (coordinators and organisers: 404). */
export function registerEditionPages(app: FastifyInstance): void {
  const store = app.storage;

  /** An editor's or admin's page base; anyone else gets 404 (anonymous: the login) before anything is read. */
  const editorBase = async (request: FastifyRequest): Promise<PageBase> => {
    const base = await pageBase(app, request);
    requireEditionEditor(base.actor);
    return base;
  };

  const notices = {
    saved: "editions.saved",
    created: "editions.created",
    status: "editions.statusChanged",
  } as const;
  const noticeOf = (base: PageBase, request: FastifyRequest): string | null => {
    const key = query(request).notice;
    if (key === "rolledOver")
      return base.ctx.t("editions.rolledOver", { drafts: Number(query(request).drafts) || 0, mails: Number(query(request).mails) || 0 });
    if (key === "alreadyCreated") return base.ctx.t("editions.alreadyCreated", { year: Number(query(request).year) || 0 });
    return typeof key === "string" && key in notices ? base.ctx.t(notices[key as keyof typeof notices]) : null;
  };

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    base: PageBase,
    edition: Edition | null,
    view: Partial<EditionFormView> & { values: FormValues },
    status = 200,
  ) => {
    const choices = edition ? (await loadEditionPage({ ctx: base.verb, input: { year: edition.year } })).choices : [];
    const full: EditionFormView = {
      errors: {},
      notice: null,
      problem: null,
      preview: false,
      choices,
      ...view,
      csrf: csrfToken(request, reply),
    };
    return sendPage(reply, <EditionFormPage base={base} edition={edition} view={full} />, status);
  };

  /** 422 with the messages at each field, or 409 with the reason on top; anything else to the error handler. */
  const refused = (error: unknown, base: PageBase): { status: number; errors: Record<string, string>; problem: string | null } => {
    if (error instanceof AppError && error.code === "conflict") {
      const key = error.fields.status === "transition" ? "editions.transition" : "editions.stale";
      return { status: 409, errors: {}, problem: base.ctx.t(key) };
    }
    return { status: 422, errors: fieldErrorsOf(error), problem: null };
  };

  /** A portrait over 10 MB stops in the multipart parser, before the handler: the form again (stored values) with the reason. */
  const uploadRefused = async (error: Error & { statusCode?: number }, request: FastifyRequest, reply: FastifyReply) => {
    if (error.statusCode !== 413) throw error;
    const base = await editorBase(request);
    const problem = base.ctx.t("editions.tooLarge");
    const year = (request.params as { year?: string }).year;
    if (year === undefined) {
      const { editions } = await listEditionsForOffice({ ctx: base.verb });
      return renderForm(request, reply, base, null, { values: newEditionValues((editions[0]?.year ?? 2000) + 1), problem }, 413);
    }
    const { edition } = await loadEditionPage({ ctx: base.verb, input: { year } });
    return renderForm(request, reply, base, edition, { values: formValuesOf(edition), problem }, 413);
  };
  const upload = { config: formLimits, errorHandler: uploadRefused };

  app.get(editionsPath, async (request, reply) => {
    const base = await editorBase(request);
    const { editions, current } = await listEditionsForOffice({ ctx: base.verb });
    return sendPage(reply, <EditionListPage base={base} editions={editions} current={current} notice={noticeOf(base, request)} />);
  });

  app.get(`${editionsPath}/neu`, async (request, reply) => {
    const base = await editorBase(request);
    const { editions } = await listEditionsForOffice({ ctx: base.verb });
    return renderForm(request, reply, base, null, { values: newEditionValues((editions[0]?.year ?? new Date().getFullYear()) + 1) });
  });

  app.post(`${editionsPath}/neu`, upload, async (request, reply) => {
    const base = await editorBase(request);
    const form = formOf(request);
    try {
      if (form.intent === "preview") {
        parseEditionForm(form);
        return renderForm(request, reply, base, null, { values: typedOf(form), preview: true });
      }
      const created = await createEdition({ ctx: base.verb, input: { form, store } });
      return reply.redirect(base.ctx.href(`${editionsPath}/${created.year}`, { notice: "created" }), 303);
    } catch (error) {
      const r = refused(error, base);
      return renderForm(request, reply, base, null, { values: typedOf(form), errors: r.errors, problem: r.problem }, r.status);
    }
  });

  app.get(rolloverPath, async (request, reply) => {
    const base = await editorBase(request);
    const plan = await planRollover({ ctx: base.verb });
    return sendPage(reply, <RolloverPage base={base} plan={plan} csrf={csrfToken(request, reply)} problem={null} />);
  });

  app.post(rolloverPath, async (request, reply) => {
    const base = await editorBase(request);
    const { fromYear } = formOf(request);
    try {
      const done = await rollOverEdition({ ctx: base.verb, input: { fromYear } });
      const q = { notice: "rolledOver", drafts: String(done.drafts), mails: String(done.mails) };
      return reply.redirect(base.ctx.href(`${editionsPath}/${done.edition.year}`, q), 303);
    } catch (error) {
      // Confirmed before (a second click, a reload, another editor): nothing new, show the edition made the first time.
      if (!(error instanceof AppError && error.fields.year === "alreadyCreated")) throw error;
      const year = Number(fromYear) + 1;
      return reply.redirect(base.ctx.href(`${editionsPath}/${year}`, { notice: "alreadyCreated", year: String(year) }), 303);
    }
  });

  app.get<{ Params: { year: string } }>(`${editionsPath}/:year`, async (request, reply) => {
    const base = await editorBase(request);
    const { edition } = await loadEditionPage({ ctx: base.verb, input: { year: request.params.year } });
    return renderForm(request, reply, base, edition, { values: formValuesOf(edition), notice: noticeOf(base, request) });
  });

  app.post<{ Params: { year: string } }>(`${editionsPath}/:year`, upload, async (request: YearRequest, reply) => {
    const base = await editorBase(request);
    const { edition } = await loadEditionPage({ ctx: base.verb, input: { year: request.params.year } });
    const form = formOf(request);
    try {
      if (form.intent === "preview") {
        parseEditionForm(form);
        return renderForm(request, reply, base, edition, { values: typedOf(form), preview: true });
      }
      await updateEdition({ ctx: base.verb, input: { year: edition.year, version: form.version, form, store } });
      return reply.redirect(base.ctx.href(`${editionsPath}/${edition.year}`, { notice: "saved" }), 303);
    } catch (error) {
      const r = refused(error, base);
      return renderForm(request, reply, base, edition, { values: typedOf(form), errors: r.errors, problem: r.problem }, r.status);
    }
  });

  app.post<{ Params: { year: string } }>(`${editionsPath}/:year/status`, async (request: YearRequest, reply) => {
    const base = await editorBase(request);
    const { edition } = await loadEditionPage({ ctx: base.verb, input: { year: request.params.year } });
    const { status, version } = formOf(request);
    try {
      await setEditionStatus({ ctx: base.verb, input: { year: edition.year, status, version } });
      return reply.redirect(base.ctx.href(`${editionsPath}/${edition.year}`, { notice: "status" }), 303);
    } catch (error) {
      const r = refused(error, base);
      return renderForm(request, reply, base, edition, { values: formValuesOf(edition), errors: r.errors, problem: r.problem }, r.status);
    }
  });
}
