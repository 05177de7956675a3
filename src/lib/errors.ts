/** Typed domain errors with stable codes, mapped to HTTP in one place (app.ts). */
/** `invalid_parameter`: a query or path parameter outside what the API document allows (API, feeds, exports). */
export type ErrorCode = "not_found" | "forbidden" | "unauthenticated" | "conflict" | "validation" | "bad_request" | "invalid_parameter";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what = "Not found") => new AppError("not_found", what);
export const forbidden = (why = "Forbidden") => new AppError("forbidden", why);
export const conflict = (why: string) => new AppError("conflict", why);
export const validationFailed = (fields: Record<string, string>, message = "Invalid input") => new AppError("validation", message, fields);

export const httpStatusOf: Record<ErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  conflict: 409,
  validation: 422,
  bad_request: 400,
  invalid_parameter: 400,
};
