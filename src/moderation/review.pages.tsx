import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { csrfToken } from "../accounts/csrf.ts";
import { reviewActions } from "../db/schema/index.ts";
import { markableEventFields, markableFieldLabel } from "../event-form/event-form-fields.ts";
import { tr } from "../event-form/views/form-kit.tsx";
import { EventPage } from "../events/views/EventPage.tsx";
import { AppError } from "../lib/errors.ts";
import { idOf, pageBase } from "../organiser/organiser-page-kit.ts";
import { loadTaxonomies } from "../taxonomies/taxonomy-queries.ts";
import { sendPage } from "../views/render.ts";
import { decideEvent } from "./decide-event.ts";
import { listQueue } from "./list-queue.ts";
import { loadReview } from "./load-review.ts";
import { publishEvents } from "./publish-events.ts";
import { requireReviewer } from "./review-access.ts";
import { QueuePage } from "./views/QueuePage.tsx";
import { type DecisionFormState, ReviewPage } from "./views/ReviewPage.tsx";
import { ReviewPreviewBanner } from "./views/ReviewPreviewBanner.tsx";

type IdParams = { Params: { id: string } };
const queuePath = "/mein-bereich/pruefung";
const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined || v === "" ? [] : [String(v)]);
const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;

/** The review queue, one event's review page, its preview, and the decisions (PRODUCT §7). */
export function registerReviewPages(app: FastifyInstance): void {
  const db = app.database.db;

  /** The signed-in reviewer's page base; anyone else gets 404 (anonymous: the login). */
  const reviewerBase = async (request: FastifyRequest) => {
    const base = await pageBase(app, request);
    requireReviewer(base.actor);
    return base;
  };

  app.get(queuePath, async (request, reply) => {
    const base = await reviewerBase(request);
    const queue = await listQueue({ ctx: base.verb, input: request.query });
    const q = base.ctx.query;
    const decided = q.get("entschieden");
    const published = Number(q.get("veroeffentlicht"));
    const notice =
      decided && (reviewActions as readonly string[]).includes(decided)
        ? tr(base.ctx, `moderation.decided.${decided}`)
        : published > 0
          ? base.ctx.t("moderation.bulkPublished", { count: published })
          : null;
    const problem = q.get("hinweis") === "keineAuswahl" ? base.ctx.t("moderation.bulkNone") : null;
    const page = (
      <QueuePage
        base={base}
        queue={queue}
        taxonomies={await loadTaxonomies(db)}
        csrf={csrfToken(request, reply)}
        notice={notice}
        problem={problem}
      />
    );
    return sendPage(reply, page);
  });

  // Bulk publishing: each selected row names "id:version"; all of them are published or none.
  app.post(`${queuePath}/veroeffentlichen`, async (request, reply) => {
    const base = await reviewerBase(request);
    const items = asList(body(request).items).map((v) => {
      const [id, version] = v.split(":").map(Number);
      return { id, version };
    });
    if (items.length === 0) return reply.redirect(base.ctx.href(queuePath, { hinweis: "keineAuswahl" }), 303);
    try {
      const done = await publishEvents({ ctx: base.verb, input: { items } });
      return reply.redirect(base.ctx.href(queuePath, { veroeffentlicht: done.length }), 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "conflict") throw error;
      const page = (
        <QueuePage
          base={base}
          queue={await listQueue({ ctx: base.verb, input: {} })}
          taxonomies={await loadTaxonomies(db)}
          csrf={csrfToken(request, reply)}
          notice={null}
          problem={error.fields.version ? base.ctx.t("moderation.stale") : base.ctx.t("moderation.notAllowed")}
        />
      );
      return sendPage(reply, page, 409);
    }
  });

  const renderReview = async (
    request: FastifyRequest<IdParams>,
    reply: FastifyReply,
    view: { refused?: DecisionFormState; problem?: string } = {},
    status = 200,
  ) => {
    const base = await reviewerBase(request);
    const data = await loadReview({ ctx: base.verb, input: { id: idOf(request.params.id) } });
    const page = (
      <ReviewPage
        base={base}
        data={data}
        taxonomies={await loadTaxonomies(db)}
        csrf={csrfToken(request, reply)}
        markable={markableEventFields.map((f) => ({ name: f.name, label: markableFieldLabel(base.ctx, f.name) }))}
        refused={view.refused}
        problem={view.problem}
      />
    );
    return sendPage(reply, page, status);
  };

  app.get<IdParams>(`${queuePath}/:id`, (request, reply) => renderReview(request, reply));

  app.post<IdParams>(`${queuePath}/:id/entscheidung`, async (request, reply) => {
    const base = await reviewerBase(request);
    const form = body(request);
    const action = String(form.action ?? "");
    const values = { message: String(form.message ?? ""), fields: asList(form.fields), reasonId: String(form.reasonId ?? "") };
    const input = {
      id: idOf(request.params.id),
      version: Number(form.version),
      action,
      message: values.message,
      fields: values.fields,
      reasonId: values.reasonId === "" ? null : Number(values.reasonId),
    };
    try {
      const done = await decideEvent({ ctx: base.verb, input });
      return reply.redirect(base.ctx.href(queuePath, { entschieden: done.action }), 303);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === "validation" && (reviewActions as readonly string[]).includes(action)) {
        const refused: DecisionFormState = { action: action as DecisionFormState["action"], values, errors: error.fields };
        return renderReview(request, reply, { refused }, 422);
      }
      if (error.code === "conflict") {
        const problem = error.fields.version ? base.ctx.t("moderation.stale") : base.ctx.t("moderation.notAllowed");
        return renderReview(request, reply, { problem }, 409);
      }
      throw error;
    }
  });

  // The working copy exactly as the public page would show it, with a banner back to the review.
  app.get<IdParams>(`${queuePath}/:id/vorschau`, async (request, reply) => {
    const base = await reviewerBase(request);
    const data = await loadReview({ ctx: base.verb, input: { id: idOf(request.params.id) } });
    const banner = <ReviewPreviewBanner ctx={base.ctx} id={data.item.live.id} />;
    return sendPage(
      reply,
      <EventPage ctx={base.ctx} e={data.view} taxonomies={await loadTaxonomies(db)} jsonLd={undefined} preview={banner} />,
    );
  });
}
