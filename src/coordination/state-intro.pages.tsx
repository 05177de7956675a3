import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { csrfToken } from "../accounts/csrf.ts";
import { parseInput } from "../organiser/organiser.schemas.ts";
import { fieldErrorsOf, formOf, type PageBase, pageBase } from "../organiser/organiser-page-kit.ts";
import { sendPage } from "../views/render.ts";
import { StateIntroInput } from "./coordination.schemas.ts";
import { loadStateIntro, saveStateIntro } from "./save-state-intro.ts";
import { type IntroView, StateIntroPage } from "./views/StateIntroPage.tsx";

type LandRequest = FastifyRequest<{ Params: { code: string } }>;
const text = (v: unknown) => (typeof v === "string" ? v : "");

/** /mein-bereich/land/:code/seite: edit, preview and save the Land page's intro. */
export function registerStateIntroPages(app: FastifyInstance): void {
  const render = async (request: LandRequest, reply: FastifyReply, base: PageBase, view: Partial<IntroView>, status = 200) => {
    const { land, edition, intro } = await loadStateIntro({ ctx: base.verb, input: { stateCode: request.params.code } });
    const full: IntroView = { values: intro, errors: {}, notice: null, preview: false, ...view, csrf: csrfToken(request, reply) };
    return sendPage(reply, <StateIntroPage base={base} land={land} year={edition.year} view={full} />, status);
  };

  app.get<{ Params: { code: string } }>("/mein-bereich/land/:code/seite", async (request, reply) => {
    const base = await pageBase(app, request);
    const saved = (request.query as Record<string, unknown>).notice === "saved";
    return render(request, reply, base, { notice: saved ? base.ctx.t("coordination.introForm.saved") : null });
  });

  app.post<{ Params: { code: string } }>("/mein-bereich/land/:code/seite", async (request, reply) => {
    const base = await pageBase(app, request);
    const form = formOf(request);
    const { action, ...values } = form;
    const typed = { introDe: text(values.introDe), introEn: text(values.introEn) };
    try {
      if (action === "preview") {
        // Checked like a save (access and limits), rendered, and not stored.
        await loadStateIntro({ ctx: base.verb, input: { stateCode: request.params.code } });
        return render(request, reply, base, { values: parseInput(StateIntroInput, values), preview: true });
      }
      await saveStateIntro({ ctx: base.verb, input: { stateCode: request.params.code, values } });
      return reply.redirect(base.ctx.href(`/mein-bereich/land/${request.params.code.toUpperCase()}/seite`, { notice: "saved" }), 303);
    } catch (error) {
      return render(request, reply, base, { values: typed, errors: fieldErrorsOf(error) }, 422);
    }
  });
}
