import { AppError } from "../lib/errors.ts";

/**
 * A query or path parameter outside what the OpenAPI document allows: 400 `invalid_parameter` with
 * each parameter named in `fields`. The one error for bad filters of the API, the feeds and the exports.
 */
export class QueryInvalid extends AppError {
  constructor(fields: Record<string, string>, where: "query" | "path" = "query") {
    super("invalid_parameter", `Invalid ${where} parameter: ${Object.keys(fields).join(", ")}`, fields);
  }
}

/** What `fields` says about a value the parameter does not take. */
export function unknownValue(value: string, allowed: string): string {
  return `${value === "" ? "empty value" : `unknown value ${JSON.stringify(value.slice(0, 50))}`}; allowed: ${allowed}`;
}
