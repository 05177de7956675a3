import { eq } from "drizzle-orm";
import { edition } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { type Actor, isNational } from "../lib/actor.ts";
import { AppError, notFound } from "../lib/errors.ts";
import type { Edition } from "./edition-queries.ts";

/**
 * Editors and admins manage editions (PRODUCT §2); for coordinators and organisers the back office's
 * edition pages do not exist (404), anonymous visitors are asked to log in.
 */
export function requireEditionEditor(actor: Actor | null): Actor {
  if (!actor) throw new AppError("unauthenticated", "Please log in");
  if (!isNational(actor)) throw notFound("Not found");
  return actor;
}

/** The edition of a year (locked for update inside a transaction when asked); unknown → 404. */
export async function loadEditionByYear(db: DbOrTx, year: unknown, lock = false): Promise<Edition> {
  const y = Number(year);
  if (!Number.isSafeInteger(y)) throw notFound("Edition not found");
  const query = db.select().from(edition).where(eq(edition.year, y));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound("Edition not found");
  return row;
}

/** A stale form (someone else saved the edition since it was loaded): 409, nothing overwritten. */
export const staleEdition = () =>
  new AppError("conflict", "Someone else changed this edition in the meantime. Reload it and make your changes again.", {
    version: "stale",
  });
