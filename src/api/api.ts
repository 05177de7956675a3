import cors from "@fastify/cors";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import { isDatabaseUnavailable } from "../db/database-error.ts";
import { UNAVAILABLE } from "../lib/error-handler.tsx";
import { AppError, httpStatusOf } from "../lib/errors.ts";
import { QueryInvalid, unknownValue } from "./api-errors.ts";
import { registerEditionApi } from "./editions.api.ts";
import { registerEventApi } from "./events.api.ts";
import { registerMeApi } from "./me.api.ts";
import { registerNewsApi } from "./news.api.ts";
import { openApiDocument } from "./openapi-document.ts";
import { registerOrganisationApi } from "./organisations.api.ts";
import { bearerScheme } from "./token-auth.ts";

export const API_PREFIX = "/api/v1";

/**
 * The public read API: OpenAPI document, docs page and the /api/v1 routes. The Zod compilers, CORS
 * and the JSON error handler live in an encapsulated scope, so the HTML routes are unaffected.
 */
export async function registerApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Clusterwoche API",
        version: "1.0.0",
        description:
          "Public read API of the Clusterwoche programme: editions, events (with every programme filter), organisations, trade-fair presences, statistics and news (items under embargo are nowhere before their time). Organisers' scripts create, change, submit and cancel events with a personal API token (Authorization: Bearer …, created on the account page /konto): the same permissions, validation (422), version check (409) and history as the forms; 120 requests a minute per token.",
      },
      servers: [{ url: app.config.baseUrl }],
      components: { securitySchemes: bearerScheme },
    },
    // Only the JSON API belongs in the document, not the HTML pages or feeds.
    transform: (input) =>
      input.url.startsWith(`${API_PREFIX}/`) ? jsonSchemaTransform(input) : { schema: { hide: true }, url: input.url },
    transformObject: jsonSchemaTransformObject,
  });

  app.get("/api/openapi.json", { schema: { hide: true } }, async (_request, reply) =>
    reply.header("access-control-allow-origin", "*").send(await openApiDocument(app)),
  );

  // Swagger UI serves its own bundled assets and needs no inline script: the site's CSP stays as it is.
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    uiConfig: { url: "/api/openapi.json", validatorUrl: null, deepLinking: true },
    theme: { title: "Clusterwoche API" },
  });

  await app.register(
    async (api) => {
      api.setValidatorCompiler(validatorCompiler);
      api.setSerializerCompiler(serializerCompiler);
      await api.register(cors, { origin: "*", methods: ["GET", "HEAD"], credentials: false });
      api.addHook("onSend", async (_request, reply) => {
        reply.header("cross-origin-resource-policy", "cross-origin");
      });
      api.setErrorHandler(apiErrorHandler);
      registerEditionApi(api);
      registerEventApi(api);
      registerOrganisationApi(api);
      registerNewsApi(api);
      await registerMeApi(api);
    },
    { prefix: API_PREFIX },
  );
}

/** JSON errors for the API: invalid input is 400 naming the parameter, never a 5xx for what a client sends. */
function apiErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const known = hasZodFastifySchemaValidationErrors(error) ? parameterError(error, request) : error;
  if (known instanceof AppError) {
    return reply.status(httpStatusOf[known.code]).send({ error: { code: known.code, message: known.message, fields: known.fields } });
  }
  const status = typeof error.statusCode === "number" ? error.statusCode : 500;
  if (status === 429) return reply.status(429).send({ error: { code: "rate_limited", message: error.message, fields: {} } });
  if (status >= 400 && status < 500) {
    return reply.status(status).send({ error: { code: "bad_request", message: error.message, fields: {} } });
  }
  // The database is away (restart, failover): 503 like the pages, so scripts retry (lib/error-handler.tsx).
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, "database unavailable");
    return reply.status(503).header("retry-after", "5").header("cache-control", "no-store").send({ error: UNAVAILABLE });
  }
  request.log.error({ err: error }, "api request failed");
  return reply.status(500).send({ error: { code: "internal", message: "Internal error", fields: {} } });
}

type SchemaIssue = { keyword: string; instancePath: string; message?: string; params?: { values?: unknown[] } };

/** A parameter the route schema refused: the same error as a filter value the data does not know. */
function parameterError(error: FastifyError & { validation: SchemaIssue[] }, request: FastifyRequest): AppError {
  const context = error.validationContext;
  const sent: unknown = context === "params" ? request.params : context === "querystring" ? request.query : undefined;
  const fields: Record<string, string> = {};
  for (const issue of error.validation) {
    const name = issue.instancePath.replace(/^\//, "").split("/")[0] || "query";
    const value = sent && typeof sent === "object" ? (sent as Record<string, unknown>)[name] : undefined;
    const values = issue.params?.values;
    // An enum says what it allows as a filter does, so both read the same.
    fields[name] ??=
      issue.keyword === "invalid_value" && values && typeof value === "string"
        ? unknownValue(value, wordsFirst(values.map(String)).join(", "))
        : (issue.message ?? "invalid value");
  }
  // Bodies are the verbs' to check (422, me.api.ts); a schema-checked body would answer the same.
  if (context === "body") return new AppError("validation", "Invalid request body", fields);
  return new QueryInvalid(fields, context === "params" ? "path" : "query");
}

/** Zod lists an enum's numeric-looking values first (object key order); words first reads better. */
const wordsFirst = (values: string[]) => [...values].sort((a, b) => Number(/^\d+$/.test(a)) - Number(/^\d+$/.test(b)));
