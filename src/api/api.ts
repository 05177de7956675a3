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
import { AppError, httpStatusOf } from "../lib/errors.ts";
import { QueryInvalid } from "./api-errors.ts";
import { registerEditionApi } from "./editions.api.ts";
import { registerEventApi } from "./events.api.ts";
import { registerMeApi } from "./me.api.ts";
import { registerNewsApi } from "./news.api.ts";
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
    reply.header("access-control-allow-origin", "*").send(app.swagger()),
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
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields: Record<string, string> = {};
    for (const issue of error.validation) {
      const name = issue.instancePath.replace(/^\//, "").split("/")[0] || "query";
      fields[name] ??= issue.message ?? "invalid value";
    }
    const message = `Invalid ${error.validationContext ?? "request"} parameter: ${Object.keys(fields).join(", ")}`;
    return reply.status(400).send({ error: { code: "validation", message, fields } });
  }
  if (error instanceof QueryInvalid) {
    return reply.status(400).send({ error: { code: error.code, message: error.message, fields: error.fields } });
  }
  if (error instanceof AppError) {
    return reply.status(httpStatusOf[error.code]).send({ error: { code: error.code, message: error.message, fields: error.fields } });
  }
  const status = typeof error.statusCode === "number" ? error.statusCode : 500;
  if (status === 429) return reply.status(429).send({ error: { code: "rate_limited", message: error.message, fields: {} } });
  if (status >= 400 && status < 500) {
    return reply.status(status).send({ error: { code: "bad_request", message: error.message, fields: {} } });
  }
  request.log.error({ err: error }, "api request failed");
  return reply.status(500).send({ error: { code: "internal", message: "Internal error", fields: {} } });
}
