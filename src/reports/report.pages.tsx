import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { csrfToken } from "../accounts/csrf.ts";
import { tr } from "../event-form/views/form-kit.tsx";
import { AppError } from "../lib/errors.ts";
import { idOf, type PageBase, pageBase } from "../organiser/organiser-page-kit.ts";
import { sendPage } from "../views/render.ts";
import { loadReportView } from "./load-report.ts";
import { loadReportTarget, reportBlockOf } from "./report-access.ts";
import { reportFormPath } from "./report-mail.ts";
import { PHOTO_SLOTS, type RawValues } from "./report-values.ts";
import { saveReport } from "./save-report.ts";
import { ReportFormPage, valuesOfReport } from "./views/ReportFormPage.tsx";
import { withdrawReport } from "./withdraw-report.ts";

type IdParams = { Params: { id: string } };

/** A multipart (or url-encoded) body as text values and files; empty file inputs are no file. */
export function reportBodyOf(body: unknown): { values: RawValues; files: Record<string, Buffer> } {
  const values: RawValues = {};
  const files: Record<string, Buffer> = {};
  for (const [key, raw] of Object.entries(typeof body === "object" && body ? body : {})) {
    if (Buffer.isBuffer(raw)) {
      if (raw.length > 0) files[key] = raw;
    } else if (typeof raw === "string") values[key] = raw;
    else if (Array.isArray(raw)) values[key] = raw.filter((v): v is string => typeof v === "string");
  }
  return { values, files };
}

const list = (v: RawValues, key: string): string[] => {
  const value = v[key];
  return Array.isArray(value) ? value : value ? [value] : [];
};
const text = (v: RawValues, key: string): string => {
  const value = v[key];
  return (Array.isArray(value) ? value[0] : value) ?? "";
};

const notices = { saved: "reports.saved", submitted: "reports.submitted", withdrawn: "reports.withdrawn" } as const;
const problems: Record<string, string> = {
  stale: "reports.stale",
  notYet: "reports.notYet",
  notPossible: "reports.notPossible",
  rejected: "reports.rejectedHint",
  notOpen: "reports.stale",
};

/** The report form of an event (organisers after the event; its Land's coordinators, editors, admins) and withdrawing. */
export function registerReportPages(app: FastifyInstance): void {
  const db = app.database.db;
  const ctxOf = (base: PageBase) => ({ ...base.verb, store: app.storage });

  const render = async (
    request: FastifyRequest<IdParams>,
    reply: FastifyReply,
    base: PageBase,
    view: { values?: RawValues; errors?: Record<string, string>; problem?: string | undefined } = {},
    status = 200,
  ) => {
    const target = await loadReportTarget(db, base.actor, idOf(request.params.id));
    const block = reportBlockOf(target.event, new Date());
    const reportView = target.report ? await loadReportView(db, target.report) : undefined;
    if (block && !reportView) {
      const problem = tr(base.ctx, `reports.${block}`);
      const page = <ReportFormPage base={base} csrf="" event={target.event} view={undefined} values={{}} errors={{}} problem={problem} />;
      return sendPage(reply, page, 409);
    }
    const noticeKey = base.ctx.query.get("hinweis");
    const notice = noticeKey && noticeKey in notices ? tr(base.ctx, notices[noticeKey as keyof typeof notices]) : null;
    const page = (
      <ReportFormPage
        base={base}
        csrf={csrfToken(request, reply)}
        event={target.event}
        view={reportView}
        values={view.values ?? valuesOfReport(reportView)}
        errors={view.errors ?? {}}
        notice={notice}
        problem={view.problem ?? (block ? tr(base.ctx, `reports.${block}`) : undefined)}
      />
    );
    return sendPage(reply, page, status);
  };

  const problemOf = (base: PageBase, error: AppError) => tr(base.ctx, problems[error.message] ?? "reports.stale");

  app.get<IdParams>("/mein-bereich/veranstaltungen/:id/bericht", async (request, reply) =>
    render(request, reply, await pageBase(app, request)),
  );

  app.post<IdParams>("/mein-bereich/veranstaltungen/:id/bericht", async (request, reply) => {
    const base = await pageBase(app, request);
    const eventId = idOf(request.params.id);
    const { values, files } = reportBodyOf(request.body);
    const versionText = text(values, "version");
    const photos = Array.from({ length: PHOTO_SLOTS }, (_, i) => ({
      file: files[`photos.${i}.file`],
      altDe: text(values, `photos.${i}.altDe`),
      altEn: text(values, `photos.${i}.altEn`),
      credit: text(values, `photos.${i}.credit`),
      licence: text(values, `photos.${i}.licence`),
      consent: text(values, `photos.${i}.consent`) === "1",
    }));
    const input = {
      eventId,
      version: /^\d{1,9}$/.test(versionText) ? Number(versionText) : null,
      action: text(values, "_action") === "submit" ? ("submit" as const) : ("save" as const),
      values,
      photos,
      pressRelease: files.pressRelease,
      removePhotoIds: list(values, "removePhotos")
        .map(Number)
        .filter((n) => Number.isSafeInteger(n) && n > 0),
      removePressRelease: text(values, "removePressRelease") === "1",
    };
    try {
      const done = await saveReport({ ctx: ctxOf(base), input });
      const hinweis = done.status === "submitted" ? "submitted" : "saved";
      return reply.redirect(base.ctx.href(reportFormPath(eventId), { hinweis }), 303);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === "validation") return render(request, reply, base, { values, errors: error.fields }, 422);
      if (error.code === "conflict") return render(request, reply, base, { values, problem: problemOf(base, error) }, 409);
      throw error;
    }
  });

  app.post<IdParams>("/mein-bereich/veranstaltungen/:id/bericht/zurueckziehen", async (request, reply) => {
    const base = await pageBase(app, request);
    const eventId = idOf(request.params.id);
    const { values } = reportBodyOf(request.body);
    try {
      await withdrawReport({ ctx: base.verb, input: { eventId, version: Number(text(values, "version")) } });
      return reply.redirect(base.ctx.href(reportFormPath(eventId), { hinweis: "withdrawn" }), 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "conflict") throw error;
      return render(request, reply, base, { problem: problemOf(base, error) }, 409);
    }
  });
}
