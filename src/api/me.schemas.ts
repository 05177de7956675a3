import { z } from "zod";
import { CancelEventInput, EventInput } from "../event-form/event-form.schemas.ts";
import { ApiError, IsoDateTime } from "./api.schemas.ts";

// Shapes of the token-authenticated API (/api/v1/me…, event writes). Bodies are documented here and
// validated by the event-form verbs themselves, so the API answers exactly what the forms answer.

const RowId = z.number().int().min(1);

export const Me = z
  .object({
    id: RowId,
    name: z.string(),
    email: z.string(),
    role: z.enum(["organiser", "coordinator", "editor", "admin"]),
    language: z.enum(["de", "en"]),
    organisations: z.array(z.object({ id: RowId, slug: z.string(), name: z.string(), stateCode: z.string() })),
    coordinatedStates: z.array(z.string()).describe("Länder a coordinator reviews (empty for other roles)"),
    token: z.object({ name: z.string(), expiresAt: IsoDateTime.nullable() }),
  })
  .meta({ id: "Me" });

export const EventStatus = z.enum(["draft", "submitted", "changes_requested", "approved", "published", "rejected", "cancelled"]);

export const MyEvent = z
  .object({
    id: RowId,
    organisationId: RowId,
    organisationName: z.string(),
    edition: z.number().int(),
    titleDe: z.string(),
    titleEn: z.string().nullable(),
    status: EventStatus,
    underReview: z.boolean().describe("A published event whose changes wait for review"),
    version: z.number().int().min(1).describe("Send this as `version` with the next change"),
    startsAt: IsoDateTime,
  })
  .meta({ id: "MyEvent" });

export const MyEventsQuery = z.object({ status: EventStatus.optional().describe("Only events in this status, e.g. draft") });
export const MyEventList = z.object({ data: z.array(MyEvent) }).meta({ id: "MyEventList" });

/** The event id in the path: a whole number, as in GET /events/{id}. */
export { EventParams as EventIdParams } from "./events.schemas.ts";

export const CreateEventBody = z
  .object({ organisationId: RowId.describe("One of your organisations (GET /me)"), event: EventInput })
  .meta({ id: "CreateEvent" });
export const UpdateEventBody = z
  .object({ version: z.number().int().min(1).describe("The version you last read: 409 if someone saved since"), event: EventInput })
  .meta({ id: "UpdateEvent" });
export const VersionBody = z.object({ version: z.number().int().min(1) }).meta({ id: "EventVersion" });
/** As the cancel form: the reason is required, at most 500 characters, and shown on the public page. */
export const CancelEventBody = CancelEventInput.meta({ id: "EventCancellation" });

export const EventWritten = z
  .object({
    id: RowId,
    version: z.number().int().min(1),
    status: EventStatus,
    underReview: z.boolean().optional().describe("The change went into the revision of a published event"),
    changed: z.array(z.string()).optional().describe("Fields this change altered"),
  })
  .meta({ id: "EventWritten" });

export const EventSubmitted = z
  .object({
    id: RowId,
    version: z.number().int().min(1),
    status: EventStatus,
    blocked: z.boolean().describe("A plausibility check failed: the event stays as it was"),
    checks: z.array(
      z.object({ code: z.string(), severity: z.enum(["error", "warning"]), params: z.record(z.string(), z.string()).optional() }),
    ),
  })
  .meta({ id: "EventSubmitted" });

export const EventCancelled = z.object({ id: RowId, status: z.literal("cancelled") }).meta({ id: "EventCancelled" });

/** Errors every token route may answer. */
export const tokenErrorResponses = { 400: ApiError, 401: ApiError, 404: ApiError, 429: ApiError, 503: ApiError } as const;
export const writeErrorResponses = { ...tokenErrorResponses, 409: ApiError, 422: ApiError } as const;
