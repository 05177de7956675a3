import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { type Edition, editionDays, listEditions, pickCurrentEdition } from "../editions/edition-queries.ts";
import { countProgrammeFacets } from "../events/list-programme.ts";
import { emptyFilter } from "../events/programme-filter.ts";
import { notFound } from "../lib/errors.ts";
import { type Lang, pick } from "../lib/language.ts";
import { errorResponses } from "./api.schemas.ts";
import { EditionBody, EditionList, EditionStatistics, LangQuery, YearParams } from "./editions.schemas.ts";

const tags = ["Editions"];

/** /editions, /editions/{year}, /editions/{year}/statistics */
export function registerEditionApi(app: FastifyInstance): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const base = app.config.baseUrl;

  api.get(
    "/editions",
    {
      config: { publicCache: true },
      schema: {
        operationId: "listEditions",
        tags,
        security: [],
        summary: "All editions, newest first",
        querystring: LangQuery,
        response: { 200: EditionList, ...errorResponses },
      },
    },
    async (request) => {
      const editions = await listEditions(app.database.db);
      const current = pickCurrentEdition(editions);
      return { data: editions.map((e) => presentEdition(base, e, e.id === current?.id, request.query.lang ?? "de")) };
    },
  );

  api.get(
    "/editions/:year",
    {
      config: { publicCache: true },
      schema: {
        operationId: "getEdition",
        tags,
        security: [],
        summary: "One edition",
        params: YearParams,
        querystring: LangQuery,
        response: { 200: EditionBody, ...errorResponses },
      },
    },
    async (request) => {
      const { edition, current } = await editionByYear(app, request.params.year);
      return presentEdition(base, edition, edition.id === current?.id, request.query.lang ?? "de");
    },
  );

  api.get(
    "/editions/:year/statistics",
    {
      config: { publicCache: true },
      schema: {
        operationId: "getEditionStatistics",
        tags,
        security: [],
        summary: "Public events of an edition counted by state, day, format and attendance mode",
        params: YearParams,
        response: { 200: EditionStatistics, ...errorResponses },
      },
    },
    async (request) => {
      const { edition } = await editionByYear(app, request.params.year);
      const { total, facets } = await countProgrammeFacets(app.database.db, edition.id, emptyFilter(edition.year));
      const record = (m: Map<string, number>) => Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)));
      return {
        edition: edition.year,
        total,
        byState: record(facets.state),
        byDay: record(facets.day),
        byFormat: record(facets.format),
        byMode: record(facets.mode),
      };
    },
  );
}

async function editionByYear(app: FastifyInstance, year: number): Promise<{ edition: Edition; current: Edition | undefined }> {
  const editions = await listEditions(app.database.db);
  const edition = editions.find((e) => e.year === year);
  if (!edition) throw notFound(`No edition ${year}`);
  return { edition, current: pickCurrentEdition(editions) };
}

function presentEdition(base: string, e: Edition, current: boolean, lang: Lang): EditionBody {
  return {
    year: e.year,
    title: pick(lang, e.titleDe, e.titleEn),
    motto: pick(lang, e.mottoDe, e.mottoEn),
    hashtag: e.hashtag,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    status: e.status,
    current,
    days: editionDays(e),
    url: `${base}/programm?edition=${e.year}`,
    links: {
      self: `${base}/api/v1/editions/${e.year}`,
      events: `${base}/api/v1/events?edition=${e.year}`,
      statistics: `${base}/api/v1/editions/${e.year}/statistics`,
      page: `${base}/programm?edition=${e.year}`,
    },
  };
}
