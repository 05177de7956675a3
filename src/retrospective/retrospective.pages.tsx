import type { FastifyInstance } from "fastify";
import { pageCtxOf } from "../lib/request-ctx.ts";
import { sendPage } from "../views/render.ts";
import { loadRetrospective } from "./load-retrospective.ts";
import { RetrospectivePage } from "./views/RetrospectivePage.tsx";

/** The public retrospective of every edition, cached like the other public pages. */
export function registerRetrospectivePages(app: FastifyInstance): void {
  app.get<{ Params: { year: string } }>("/archiv/:year/rueckblick", { config: { publicCache: true } }, async (request, reply) => {
    const ctx = pageCtxOf(request);
    const retro = await loadRetrospective({ db: app.database.db, year: request.params.year });
    return sendPage(reply, <RetrospectivePage ctx={ctx} retro={retro} />);
  });
}
