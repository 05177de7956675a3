import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { isCountedStatus } from "../editions/counted-events.ts";
import { type Edition, listEditions, pickCurrentEdition } from "../editions/edition-queries.ts";
import { loadSiteData } from "../editions/site-data.ts";
import { notFound } from "../lib/errors.ts";
import { pick } from "../lib/language.ts";
import { findOrganisationBySlug, listOrganisationsWithEvents } from "../organisations/organisation-queries.ts";
import { listTradeFairPresences } from "../trade-fairs/trade-fair-queries.ts";
import { errorResponses } from "./api.schemas.ts";
import { QueryInvalid } from "./api-errors.ts";
import {
  EditionQuery,
  LangQuery,
  OrganisationDetail,
  OrganisationList,
  OrganisationsQuery,
  SlugParams,
  TradeFairPresenceList,
} from "./organisations.schemas.ts";
import { parseOrganisationFilter } from "./organisations-filter.ts";

/** /organisations, /organisations/{slug}, /trade-fair-presences */
export function registerOrganisationApi(app: FastifyInstance): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const base = app.config.baseUrl;
  const db = () => app.database.db;

  api.get(
    "/organisations",
    {
      config: { publicCache: true },
      schema: {
        operationId: "listOrganisations",
        tags: ["Organisations"],
        security: [],
        summary: "Organisations with public events in an edition, by name; filter by state and kind",
        querystring: OrganisationsQuery,
        response: { 200: OrganisationList, ...errorResponses },
      },
    },
    async (request) => {
      const edition = await editionOf(app, request.query.edition);
      const states = (await loadSiteData(db())).taxonomies.states.filter((s) => s.kind !== "online").map((s) => s.code);
      const rows = await listOrganisationsWithEvents(db(), edition.id, parseOrganisationFilter(request.query, states));
      return {
        edition: edition.year,
        data: rows.map((o) => ({
          slug: o.slug,
          name: o.name,
          shortName: o.shortName,
          kind: o.kind,
          state: o.stateCode,
          city: o.city,
          events: o.events,
          url: `${base}/organisationen/${o.slug}`,
          links: {
            self: `${base}/api/v1/organisations/${o.slug}`,
            events: `${base}/api/v1/events?edition=${edition.year}&org=${o.slug}`,
            page: `${base}/organisationen/${o.slug}`,
          },
        })),
      };
    },
  );

  api.get(
    "/organisations/:slug",
    {
      config: { publicCache: true },
      schema: {
        operationId: "getOrganisation",
        tags: ["Organisations"],
        security: [],
        summary: "One organisation",
        params: SlugParams,
        querystring: LangQuery,
        response: { 200: OrganisationDetail, ...errorResponses },
      },
    },
    async (request) => {
      const o = await findOrganisationBySlug(db(), request.params.slug);
      if (!o) throw notFound("Organisation not found");
      const lang = request.query.lang ?? "de";
      return {
        slug: o.slug,
        name: o.name,
        shortName: o.shortName,
        kind: o.kind,
        state: o.stateCode,
        city: o.city,
        website: o.website,
        logoUrl: o.logoUrl,
        description: pick(lang, o.descriptionDe, o.descriptionEn),
        topics: o.topics,
        labels: o.labels,
        url: `${base}/organisationen/${o.slug}`,
        links: {
          self: `${base}/api/v1/organisations/${o.slug}`,
          events: `${base}/api/v1/events?org=${o.slug}`,
          page: `${base}/organisationen/${o.slug}`,
        },
      };
    },
  );

  api.get(
    "/trade-fair-presences",
    {
      config: { publicCache: true },
      schema: {
        operationId: "listTradeFairPresences",
        tags: ["Trade fairs"],
        security: [],
        summary: "Booths at trade fairs during an edition, by fair, hall and booth",
        querystring: EditionQuery,
        response: { 200: TradeFairPresenceList, ...errorResponses },
      },
    },
    async (request) => {
      const edition = await editionOf(app, request.query.edition);
      const lang = request.query.lang ?? "de";
      const rows = await listTradeFairPresences(db(), edition.id);
      return {
        edition: edition.year,
        data: rows.map((r) => {
          const eventIsPublic = r.eventId !== null && r.eventStatus !== null && isCountedStatus(r.eventStatus);
          return {
            id: r.id,
            fair: r.fair,
            hall: r.hall,
            booth: r.booth,
            days: r.days,
            coExhibitors: r.coExhibitors,
            text: pick(lang, r.textDe, r.textEn),
            organisation: { slug: r.organisationSlug, name: r.organisationName },
            event: eventIsPublic && r.eventId !== null ? { id: r.eventId, links: { self: `${base}/api/v1/events/${r.eventId}` } } : null,
          };
        }),
      };
    },
  );
}

/** The edition a strict `edition` parameter names, or the current one; 400 naming the parameter otherwise. */
async function editionOf(app: FastifyInstance, year: string | undefined): Promise<Edition> {
  const editions = await listEditions(app.database.db);
  if (year === undefined) {
    const current = pickCurrentEdition(editions);
    if (!current) throw notFound("No edition yet");
    return current;
  }
  const edition = /^\d{4}$/.test(year) ? editions.find((e) => e.year === Number(year)) : undefined;
  if (!edition) throw new QueryInvalid({ edition: `a year of an edition: ${editions.map((e) => e.year).join(", ")}` });
  return edition;
}
