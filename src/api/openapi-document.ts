import type { FastifyInstance } from "fastify";
import { editionDays } from "../editions/edition-queries.ts";
import { loadSiteData } from "../editions/site-data.ts";
import { modes } from "../events/programme-filter.ts";
import { memoForVersion, readDataVersion } from "../lib/data-version.ts";
import { listOrganisationSlugs } from "../organisations/organisation-queries.ts";
import { Kind } from "./organisations.schemas.ts";

type Schema = Record<string, unknown>;
type Parameter = { name: string; in: string; schema?: Schema; style?: string; explode?: boolean; description?: string };
type Operation = { tags?: string[]; parameters?: Parameter[] };
export type OpenApiDocument = {
  tags?: { name: string; description: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas?: Record<string, Schema>; securitySchemes?: Record<string, unknown> };
};

/** The tags every operation names, declared with what they hold. */
export const apiTags = [
  { name: "Editions", description: "The yearly editions of the Clusterwoche, their days and statistics." },
  { name: "Events", description: "The public programme (published and cancelled events); with a token, your own events." },
  { name: "Organisations", description: "Organisations with public events, by edition." },
  { name: "Trade fairs", description: "Booths of organisations at trade fairs during an edition." },
  { name: "News", description: "News items and press releases (items under embargo are nowhere before their time)." },
  { name: "Me", description: "The user of a personal API token and their events (Authorization: Bearer …)." },
  { name: "Feeds and exports", description: "The programme with any filter as iCalendar, RSS, Atom, JSON Feed, CSV and XLSX." },
];

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
/** A filter that takes several values: repeat the parameter (form style, exploded). */
const list = (id: string | Schema) => ({ type: "array", items: typeof id === "string" ? ref(id) : id, maxItems: 30 });

/** Filter parameters of the programme (API events, feeds, exports), each with the values it allows. */
const programme: Record<string, Schema> = {
  edition: ref("EditionYear"),
  state: list("StateCode"),
  format: list("FormatCode"),
  topic: list("TopicCode"),
  mode: list({ type: "string", enum: [...modes] }),
  target: list("TargetGroupCode"),
  day: list("EditionDay"),
  org: list("OrganisationSlug"),
  language: list({ type: "string", enum: ["de", "en"] }),
};

/** Per path, the query parameters whose allowed values come from the data (or a fixed list). */
const filtersOf: Record<string, Record<string, Schema>> = {
  "/api/v1/events": programme,
  "/feeds/events.ics": programme,
  "/feeds/events.rss": programme,
  "/feeds/events.atom": programme,
  "/feeds/events.json": programme,
  "/export/events.csv": programme,
  "/export/events.xlsx": programme,
  "/api/v1/organisations": {
    edition: ref("EditionYear"),
    state: list("SeatStateCode"),
    kind: list({ type: "string", enum: Kind.options }),
  },
  "/api/v1/trade-fair-presences": { edition: ref("EditionYear") },
  "/api/v1/news": { edition: ref("EditionYear") },
};

/** The allowed values that are data: editions, their days, taxonomies, organisations. */
async function dataSchemas(app: FastifyInstance): Promise<Record<string, Schema>> {
  const db = app.database.db;
  const site = await loadSiteData(db);
  const codes = (description: string, values: string[]) => ({ type: "string", enum: values, description });
  const days = [...new Set(site.editions.flatMap((e) => editionDays(e)))].sort();
  return {
    EditionYear: { type: "integer", enum: site.editions.map((e) => e.year), description: "Year of an edition (default: the current one)" },
    // One enum for every edition's days: which are allowed depends on `edition`, which JSON Schema cannot say here.
    EditionDay: { type: "string", format: "date", enum: days, description: "A day of the chosen edition (others answer 400)" },
    StateCode: codes(
      "State code, `online` or `international`",
      site.taxonomies.states.map((s) => s.code),
    ),
    SeatStateCode: codes(
      "State code of an organisation's seat",
      site.taxonomies.states.filter((s) => s.kind !== "online").map((s) => s.code),
    ),
    FormatCode: codes(
      "Event format",
      site.taxonomies.formats.map((f) => f.code),
    ),
    TopicCode: codes(
      "Technology field",
      site.taxonomies.topics.map((t) => t.code),
    ),
    TargetGroupCode: codes(
      "Target group",
      site.taxonomies.targetGroups.map((t) => t.code),
    ),
    OrganisationSlug: codes("Slug of an organisation (see /api/v1/organisations)", await listOrganisationSlugs(db)),
  };
}

/** Sets each filter parameter's schema; a parameter named in `filtersOf` but missing is a bug here. */
function withFilters(doc: OpenApiDocument): void {
  for (const [path, filters] of Object.entries(filtersOf)) {
    const parameters = doc.paths[path]?.get?.parameters ?? [];
    for (const [name, schema] of Object.entries(filters)) {
      const parameter = parameters.find((p) => p.in === "query" && p.name === name);
      if (!parameter) throw new Error(`OpenAPI: ${path} has no query parameter ${name}`);
      parameter.schema = schema;
      if (schema.type === "array") {
        Object.assign(parameter, { style: "form", explode: true });
        parameter.description = `${(parameter.description ?? "").replace(/; several values comma-separated or repeated$/, "")}; repeat the parameter for several values (comma-separated also works)`;
      }
    }
  }
}

/** Drops the schemas nothing refers to (the type provider registers input and output variants of each). */
function withoutUnusedSchemas(doc: OpenApiDocument): void {
  const schemas = doc.components.schemas ?? {};
  const used = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) for (const item of node) visit(item);
    else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        const id = key === "$ref" && typeof value === "string" ? /^#\/components\/schemas\/(.+)$/.exec(value)?.[1] : undefined;
        if (id !== undefined && !used.has(id)) {
          used.add(id);
          visit(schemas[id]);
        } else visit(value);
      }
    }
  };
  visit(doc.paths);
  for (const id of Object.keys(schemas)) if (!used.has(id)) delete schemas[id];
}

/**
 * The OpenAPI document as served: the routes' schemas (@fastify/swagger) with declared tags, the
 * allowed values of every filter from the data, and no unused components. Built once per data
 * version, so a new organisation, edition or taxonomy term is in the next document.
 */
export async function openApiDocument(app: FastifyInstance): Promise<OpenApiDocument> {
  const db = app.database.db;
  return memoForVersion({ db, version: await readDataVersion(db) }, `openapi-document ${app.config.baseUrl}`, async () => {
    const doc = structuredClone(app.swagger()) as unknown as OpenApiDocument;
    doc.tags = apiTags;
    doc.components.schemas = { ...doc.components.schemas, ...(await dataSchemas(app)) };
    withFilters(doc);
    withoutUnusedSchemas(doc);
    return doc;
  });
}
