import { z } from "zod";

/** The JSON error body of every API error (STYLE: `{ error: { code, message, fields } }`). */
export const ApiError = z
  .object({
    error: z.object({
      code: z
        .string()
        .describe(
          "Stable error code: invalid_parameter (400: a query or path parameter outside this document, e.g. an unknown filter value; the same in the API, the feeds and the exports), unauthenticated, not_found, conflict, validation (422: a request body), rate_limited, bad_request, unavailable (503: the database is away for a moment, nothing was saved; retry after `Retry-After` seconds), internal",
        ),
      message: z.string(),
      fields: z.record(z.string(), z.string()).describe("Per parameter (or body field): what is wrong and what it allows"),
    }),
  })
  .meta({ id: "Error" });
export type ApiError = z.infer<typeof ApiError>;

/**
 * Every operation may answer 503 `unavailable` while the database is away (api.ts
 * apiErrorHandler): declared, so a generated client knows to retry instead of failing on an
 * undocumented status.
 */
export const errorResponses = { 400: ApiError, 404: ApiError, 503: ApiError } as const;

export const Lang = z.enum(["de", "en"]).describe("Language of title, summary and description texts (default de)");

export const IsoDateTime = z.iso.datetime({ offset: true });
export const IsoDate = z.iso.date();

export const Year = z.coerce
  .number({ error: "must be a year" })
  .int({ error: "must be a year" })
  .min(1900, { error: "must be a year" })
  .max(2999, { error: "must be a year" });

export const PageMeta = z
  .object({
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1).max(100),
    pages: z.number().int().min(1),
  })
  .meta({ id: "PageMeta" });

export const PageLinks = z.object({ self: z.url(), next: z.url().nullable(), prev: z.url().nullable() }).meta({ id: "PageLinks" });
