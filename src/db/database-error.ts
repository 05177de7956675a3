import { DrizzleQueryError } from "drizzle-orm/errors";
import pg from "pg";

const connectionCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08003",
  "08006",
]);

/** True for an error the database raised or a connection failure on the way to it (the cause chain is followed). */
export function isDatabaseError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof DrizzleQueryError || e instanceof pg.DatabaseError) return true;
    if (isUnreachable(e)) return true;
  }
  return false;
}

/** True when the database could not be reached at all (refused, reset, shut down, pool timeout). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (isUnreachable(e)) return true;
  }
  return false;
}

function isUnreachable(e: Error): boolean {
  const code = (e as { code?: unknown }).code;
  if (typeof code === "string" && connectionCodes.has(code)) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connect ECONNREFUSED/i.test(
    e.message,
  );
}
