import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { csrfToken } from "../accounts/csrf.ts";
import { listField } from "../organiser/organiser.schemas.ts";
import { fieldErrorsOf, formOf, type PageBase, pageBase } from "../organiser/organiser-page-kit.ts";
import { sendPage } from "../views/render.ts";
import { loadFeaturedChoice, setFeaturedEvents } from "./set-featured-events.ts";
import { FeaturedPage, type FeaturedView } from "./views/FeaturedPage.tsx";

const typedIds = (v: unknown): number[] => {
  const parsed = listField(z.string(), 10_000).safeParse(v);
  return parsed.success ? parsed.data.map(Number).filter(Number.isSafeInteger) : [];
};

/** Featured events: a Land's page (its coordinators, editors) and the home page (editors, admins). */
export function registerFeaturedPages(app: FastifyInstance): void {
  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    base: PageBase,
    scope: string,
    view: Partial<FeaturedView>,
    status = 200,
  ) => {
    const choice = await loadFeaturedChoice({ ctx: base.verb, input: { scope } });
    const full: FeaturedView = { errors: {}, notice: null, chosen: null, ...view, csrf: csrfToken(request, reply) };
    return sendPage(reply, <FeaturedPage base={base} choice={choice} view={full} />, status);
  };
  const saved = (request: FastifyRequest, base: PageBase) =>
    (request.query as Record<string, unknown>).notice === "saved" ? base.ctx.t("coordination.featuredForm.saved") : null;

  const handlePost = async (request: FastifyRequest, reply: FastifyReply, scope: string, back: string) => {
    const base = await pageBase(app, request);
    const values = formOf(request);
    try {
      await setFeaturedEvents({ ctx: base.verb, input: { scope, values } });
      return reply.redirect(base.ctx.href(back, { notice: "saved" }), 303);
    } catch (error) {
      return render(request, reply, base, scope, { errors: fieldErrorsOf(error), chosen: typedIds(values.eventIds) }, 422);
    }
  };

  app.get<{ Params: { code: string } }>("/mein-bereich/land/:code/hervorgehoben", async (request, reply) => {
    const base = await pageBase(app, request);
    return render(request, reply, base, request.params.code, { notice: saved(request, base) });
  });
  app.post<{ Params: { code: string } }>("/mein-bereich/land/:code/hervorgehoben", async (request, reply) =>
    handlePost(request, reply, request.params.code, `/mein-bereich/land/${request.params.code.toUpperCase()}/hervorgehoben`),
  );

  app.get("/mein-bereich/startseite/hervorgehoben", async (request, reply) => {
    const base = await pageBase(app, request);
    return render(request, reply, base, "home", { notice: saved(request, base) });
  });
  app.post("/mein-bereich/startseite/hervorgehoben", async (request, reply) =>
    handlePost(request, reply, "home", "/mein-bereich/startseite/hervorgehoben"),
  );
}
