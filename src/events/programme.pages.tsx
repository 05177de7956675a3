import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { loadSiteData } from "../editions/site-data.ts";
import { NoEditionPage } from "../editions/views/NoEditionPage.tsx";
import { pageCtxOf } from "../lib/request-ctx.ts";
import { sendPage } from "../views/render.ts";
import { loadProgramme } from "./load-programme.ts";
import { ProgrammePage } from "./views/ProgrammePage.tsx";

/** The public programme: list view and agenda (grouped by day), filters in the URL. */
export function registerProgrammePages(app: FastifyInstance): void {
  const handler = (view: "list" | "agenda") => async (request: FastifyRequest, reply: FastifyReply) => {
    const ctx = pageCtxOf(request);
    const db = app.database.db;
    const site = await loadSiteData(db);
    if (!site.current) return sendPage(reply, <NoEditionPage ctx={ctx} />);
    const programme = await loadProgramme(db, { ...site, current: site.current }, ctx.query, view);
    return sendPage(
      reply,
      <ProgrammePage ctx={ctx} programme={programme} taxonomies={site.taxonomies} currentYear={site.current.year} view={view} />,
    );
  };
  app.get("/programm", { config: { publicCache: true } }, handler("list"));
  app.get("/programm/agenda", { config: { publicCache: true } }, handler("agenda"));
}
