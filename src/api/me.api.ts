import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { cancelEvent } from "../event-form/cancel-event.ts";
import { createEventDraft } from "../event-form/create-event-draft.ts";
import { listMyEvents } from "../event-form/get-managed-event.ts";
import { listMyOrganisations } from "../event-form/list-my-organisations.ts";
import { submitEvent } from "../event-form/submit-event.ts";
import { updateEvent } from "../event-form/update-event.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { AppError } from "../lib/errors.ts";
import { QueryInvalid } from "./api-errors.ts";
import {
  CancelEventBody,
  CreateEventBody,
  EventCancelled,
  EventIdParams,
  EventSubmitted,
  EventWritten,
  Me,
  MyEventList,
  MyEventsQuery,
  tokenErrorResponses,
  UpdateEventBody,
  VersionBody,
  writeErrorResponses,
} from "./me.schemas.ts";
import { bearerSecurity, registerTokenAuth, tokenRouteConfig } from "./token-auth.ts";

/** Bodies are checked by the verbs (422 with the form's field codes), not by the route schema, which documents them. */
const verbValidates = () => (value: unknown) => ({ value });

const ctxOf = (request: FastifyRequest): VerbCtx => ({ db: request.server.database.db, actor: request.actor });
/** The path id as the document types it (the route's compiler passes everything through for the verbs). */
const idOf = (request: FastifyRequest) => {
  const id = EventIdParams.safeParse(request.params);
  if (!id.success) throw new QueryInvalid({ id: "an event id" }, "path");
  return id.data.id;
};
const field = (body: unknown, name: string): unknown =>
  body && typeof body === "object" ? (body as Record<string, unknown>)[name] : undefined;
const versionOf = (body: unknown) => {
  const version = field(body, "version");
  if (typeof version !== "number") throw new AppError("validation", "version is required", { version: "required" });
  return version;
};

/** The token routes: who am I, my events, and creating, changing, submitting and cancelling events as the forms do. */
export async function registerMeApi(app: FastifyInstance): Promise<void> {
  await app.register(async (scope) => {
    registerTokenAuth(scope);
    const api = scope.withTypeProvider<ZodTypeProvider>();
    const security = bearerSecurity;

    api.get(
      "/me",
      {
        config: tokenRouteConfig,
        schema: {
          operationId: "getMe",
          tags: ["Me"],
          summary: "The user of the API token: roles, organisations, coordinated Länder",
          security,
          response: { 200: Me, ...tokenErrorResponses },
        },
      },
      async (request) => {
        const ctx = ctxOf(request);
        const actor = request.actor;
        const token = request.apiToken;
        if (!actor || !token) throw new AppError("unauthenticated", "API token required");
        return {
          id: actor.userId,
          name: actor.name,
          email: actor.email,
          role: actor.role,
          language: actor.language,
          organisations: await listMyOrganisations({ ctx }),
          coordinatedStates: [...actor.stateCodes],
          token: { name: token.name, expiresAt: token.expiresAt?.toISOString() ?? null },
        };
      },
    );

    api.get(
      "/me/events",
      {
        config: tokenRouteConfig,
        schema: {
          operationId: "listMyEvents",
          tags: ["Me"],
          summary: "Events of your organisations in every status (drafts included), newest edition first",
          security,
          querystring: MyEventsQuery,
          response: { 200: MyEventList, ...tokenErrorResponses },
        },
      },
      async (request) => {
        const rows = await listMyEvents({ ctx: ctxOf(request) });
        const status = request.query.status;
        return {
          data: rows
            .filter((r) => !status || r.status === status)
            .map((r) => ({
              id: r.id,
              organisationId: r.organisationId,
              organisationName: r.organisationName,
              edition: r.year,
              titleDe: r.titleDe,
              titleEn: r.titleEn,
              status: r.status,
              underReview: Boolean(r.underReview),
              version: Number(r.version),
              startsAt: r.startsAt.toISOString(),
            })),
        };
      },
    );

    api.post(
      "/events",
      {
        config: tokenRouteConfig,
        validatorCompiler: verbValidates,
        schema: {
          operationId: "createEvent",
          tags: ["Events"],
          summary: "Create a draft event for one of your organisations in the edition open for submissions",
          security,
          body: CreateEventBody,
          response: { 201: EventWritten, ...writeErrorResponses },
        },
      },
      async (request, reply) => {
        const body: unknown = request.body;
        const organisationId = Number(field(body, "organisationId"));
        const created = await createEventDraft({ ctx: ctxOf(request), input: { organisationId, event: field(body, "event") } });
        return reply.status(201).send({ ...created, status: "draft" as const });
      },
    );

    api.put(
      "/events/:id",
      {
        config: tokenRouteConfig,
        validatorCompiler: verbValidates,
        schema: {
          operationId: "updateEvent",
          tags: ["Events"],
          summary: "Change an event you manage; `version` must be the one you read (409 if someone saved since)",
          security,
          params: EventIdParams,
          body: UpdateEventBody,
          response: { 200: EventWritten, ...writeErrorResponses },
        },
      },
      async (request) => {
        const body: unknown = request.body;
        return updateEvent({ ctx: ctxOf(request), input: { id: idOf(request), version: versionOf(body), event: field(body, "event") } });
      },
    );

    api.post(
      "/events/:id/submit",
      {
        config: tokenRouteConfig,
        validatorCompiler: verbValidates,
        schema: {
          operationId: "submitEvent",
          tags: ["Events"],
          summary: "Submit an event (or a published event's changes) for review after the plausibility checks",
          security,
          params: EventIdParams,
          body: VersionBody,
          response: { 200: EventSubmitted, ...writeErrorResponses },
        },
      },
      async (request) => submitEvent({ ctx: ctxOf(request), input: { id: idOf(request), version: versionOf(request.body) } }),
    );

    api.post(
      "/events/:id/cancel",
      {
        config: tokenRouteConfig,
        validatorCompiler: verbValidates,
        schema: {
          operationId: "cancelEvent",
          tags: ["Events"],
          summary: "Cancel a published event with a reason: it stays listed, marked cancelled, without registration or access links",
          security,
          params: EventIdParams,
          body: CancelEventBody,
          response: { 200: EventCancelled, ...writeErrorResponses },
        },
      },
      async (request) => cancelEvent({ ctx: ctxOf(request), input: { id: idOf(request), reason: field(request.body, "cancelReason") } }),
    );
  });
}
