import { AppError } from "../lib/errors.ts";

/** A query parameter the API cannot use: 400 with the parameter named (the API is strict, pages are lenient). */
export class QueryInvalid extends AppError {
  constructor(fields: Record<string, string>) {
    super("validation", `Invalid query parameter: ${Object.keys(fields).join(", ")}`, fields);
  }
}
