import { type SQL, sql } from "drizzle-orm";
import { type Actor, isNational } from "../lib/actor.ts";
import { AppError, notFound } from "../lib/errors.ts";
import { reviewStateSql } from "../moderation/review-state.ts";

/** Whose figures an actor sees: every Land (editors, admins) or the Länder a coordinator is bound to. */
export type StatsScope = { all: true } | { all: false; stateCodes: readonly string[] };

/** Anonymous → log in; editors and admins all Länder; coordinators theirs; organisers 404 (the page does not exist for them). */
export function statsScopeOf(actor: Actor | null): StatsScope {
  if (!actor) throw new AppError("unauthenticated", "Please log in");
  if (isNational(actor)) return { all: true };
  if (actor.role === "coordinator") return { all: false, stateCodes: [...actor.stateCodes] };
  throw notFound("Not found");
}

/** Editors and admins only (the office's operations figures); anonymous → log in, everyone else 404. */
export function requireOffice(actor: Actor | null): Actor {
  if (!actor) throw new AppError("unauthenticated", "Please log in");
  if (!isNational(actor)) throw notFound("Not found");
  return actor;
}

/**
 * The scope as an SQL condition on an event `e` joined with its organisation `o`: an event belongs to the
 * Land it is reviewed in (review-state.ts: the venue's Land, the organiser's for online and international ones).
 */
export function scopeCondition(scope: StatsScope): SQL {
  if (scope.all) return sql`true`;
  if (scope.stateCodes.length === 0) return sql`false`;
  return sql`${reviewStateSql} in (${sql.join(
    scope.stateCodes.map((c) => sql`${c}`),
    sql`, `,
  )})`;
}
