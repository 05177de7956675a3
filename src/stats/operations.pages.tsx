import type { FastifyInstance } from "fastify";
import { pageBase } from "../organiser/organiser-page-kit.ts";
import { sendPage } from "../views/render.ts";
import { loadOperationsFigures } from "./operations-figures.ts";
import { OperationsPage } from "./views/OperationsPage.tsx";

/** /mein-bereich/statistik/betrieb: the national office's operations figures (editors and admins). */
export function registerOperationsPages(app: FastifyInstance): void {
  app.get("/mein-bereich/statistik/betrieb", async (request, reply) => {
    const base = await pageBase(app, request);
    const figures = await loadOperationsFigures({ ctx: base.verb });
    return sendPage(reply, <OperationsPage base={base} figures={figures} />);
  });
}
