import type { FastifyInstance } from "fastify";
import { loadSiteData } from "../editions/site-data.ts";
import { NoEditionPage } from "../editions/views/NoEditionPage.tsx";
import { loadProgramme } from "../events/load-programme.ts";
import { notFound } from "../lib/errors.ts";
import { pageCtxOf } from "../lib/request-ctx.ts";
import { sendPage } from "../views/render.ts";
import { findOrganisationBySlug, listOrganisationsWithEvents } from "./organisation-queries.ts";
import { OrganisationListPage } from "./views/OrganisationListPage.tsx";
import { OrganisationPage } from "./views/OrganisationPage.tsx";

/** The directory of organisations and one page per organisation with its events. */
export function registerOrganisationPages(app: FastifyInstance): void {
  app.get("/organisationen", { config: { publicCache: true } }, async (request, reply) => {
    const ctx = pageCtxOf(request);
    const site = await loadSiteData(app.database.db);
    if (!site.current) return sendPage(reply, <NoEditionPage ctx={ctx} />);
    const organisations = await listOrganisationsWithEvents(app.database.db, site.current.id);
    return sendPage(
      reply,
      <OrganisationListPage ctx={ctx} edition={site.current} organisations={organisations} taxonomies={site.taxonomies} />,
    );
  });

  app.get<{ Params: { slug: string } }>("/organisationen/:slug", { config: { publicCache: true } }, async (request, reply) => {
    const ctx = pageCtxOf(request);
    const db = app.database.db;
    const org = /^[a-z0-9-]{1,100}$/.test(request.params.slug) ? await findOrganisationBySlug(db, request.params.slug) : undefined;
    if (!org) throw notFound("Organisation not found");
    const site = await loadSiteData(db);
    if (!site.current) return sendPage(reply, <NoEditionPage ctx={ctx} />);
    const query = new URLSearchParams({ org: org.slug });
    const year = ctx.query.get("edition");
    if (year) query.set("edition", year);
    const programme = await loadProgramme(db, { ...site, current: site.current }, query, "agenda");
    return sendPage(reply, <OrganisationPage ctx={ctx} org={org} programme={programme} taxonomies={site.taxonomies} />);
  });
}
