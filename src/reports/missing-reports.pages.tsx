import type { FastifyInstance } from "fastify";
import { pageBase } from "../organiser/organiser-page-kit.ts";
import { remindMissingReports } from "./missing-reports.ts";

/** The coordinators' button "remind every organisation with a missing report" (coordination overview). */
export function registerMissingReportPages(app: FastifyInstance): void {
  app.post<{ Params: { code: string } }>("/mein-bereich/land/:code/berichte-erinnern", async (request, reply) => {
    const base = await pageBase(app, request);
    const done = await remindMissingReports({ ctx: base.verb, input: { stateCode: request.params.code } });
    return reply.redirect(base.ctx.href(`/mein-bereich/land/${done.stateCode}`), 303);
  });
}
