import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { csrfToken } from "../accounts/csrf.ts";
import { tr } from "../event-form/views/form-kit.tsx";
import { AppError, notFound } from "../lib/errors.ts";
import { requireReviewer } from "../moderation/review-access.ts";
import { idOf, pageBase } from "../organiser/organiser-page-kit.ts";
import { loadTaxonomies } from "../taxonomies/taxonomy-queries.ts";
import { sendPage } from "../views/render.ts";
import { decideReport, reportDecisions } from "./decide-report.ts";
import { listReportQueue, loadReportView } from "./load-report.ts";
import { loadReviewedReport } from "./report-access.ts";
import { ReportQueuePage } from "./views/ReportQueuePage.tsx";
import { ReportReviewPage } from "./views/ReportReviewPage.tsx";

type IdParams = { Params: { id: string } };
const queuePath = "/mein-bereich/pruefung/berichte";
const field = (request: FastifyRequest, name: string): string => {
  const value = ((request.body ?? {}) as Record<string, unknown>)[name];
  return typeof value === "string" ? value : "";
};

/** The reports tab of the review queue, one report's review page and the decisions (PRODUCT §7). */
export function registerReportReviewPages(app: FastifyInstance): void {
  const db = app.database.db;
  const reviewerBase = async (request: FastifyRequest) => {
    const base = await pageBase(app, request);
    requireReviewer(base.actor);
    return base;
  };

  app.get<{ Querystring: { status?: string } }>(queuePath, async (request, reply) => {
    const base = await reviewerBase(request);
    const queue = await listReportQueue({ ctx: base.verb, input: { status: request.query.status ?? "submitted" } });
    const decided = base.ctx.query.get("entschieden");
    const notice = decided && reportDecisions.some((d) => d === decided) ? tr(base.ctx, `reports.review.decided.${decided}`) : null;
    return sendPage(reply, <ReportQueuePage base={base} queue={queue} taxonomies={await loadTaxonomies(db)} notice={notice} />);
  });

  const renderReview = async (
    request: FastifyRequest<IdParams>,
    reply: FastifyReply,
    view: { refused?: { message: string; errors: Record<string, string> }; problem?: string } = {},
    status = 200,
  ) => {
    const base = await reviewerBase(request);
    const target = await loadReviewedReport(db, base.actor, idOf(request.params.id));
    if (!target.report || target.report.status === "draft") throw notFound("No report");
    const page = (
      <ReportReviewPage
        base={base}
        target={target}
        view={await loadReportView(db, target.report)}
        taxonomies={await loadTaxonomies(db)}
        csrf={csrfToken(request, reply)}
        refused={view.refused}
        problem={view.problem}
      />
    );
    return sendPage(reply, page, status);
  };

  app.get<IdParams>(`${queuePath}/:id`, (request, reply) => renderReview(request, reply));

  app.post<IdParams>(`${queuePath}/:id/entscheidung`, async (request, reply) => {
    const base = await reviewerBase(request);
    const message = field(request, "message");
    const input = {
      eventId: idOf(request.params.id),
      version: Number(field(request, "version")),
      action: field(request, "action"),
      message,
    };
    try {
      const done = await decideReport({ ctx: base.verb, input });
      return reply.redirect(base.ctx.href(queuePath, { entschieden: done.action }), 303);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === "validation") return renderReview(request, reply, { refused: { message, errors: error.fields } }, 422);
      if (error.code === "conflict") return renderReview(request, reply, { problem: base.ctx.t("reports.review.notOpen") }, 409);
      throw error;
    }
  });
}
