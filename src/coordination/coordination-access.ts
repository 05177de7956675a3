import { eq } from "drizzle-orm";
import { state } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { type Actor, coordinatesState, isNational } from "../lib/actor.ts";
import { AppError, notFound } from "../lib/errors.ts";

export type CoordinatedState = { code: string; nameDe: string; nameEn: string };

/**
 * The Land a coordinator (of that Land), editor or admin works on. Anonymous → log in; organisers,
 * other Länder's coordinators and codes that are no Land get 404: the page does not exist for them.
 */
export async function loadCoordinatedState(
  db: DbOrTx,
  actor: Actor | null,
  code: unknown,
): Promise<{ actor: Actor; land: CoordinatedState }> {
  if (!actor) throw new AppError("unauthenticated", "Please log in");
  const wanted = typeof code === "string" ? code.trim().toUpperCase() : "";
  if (!/^[A-Z]{2}$/.test(wanted) || !coordinatesState(actor, wanted)) throw notFound("State not found");
  const [row] = await db
    .select({ code: state.code, nameDe: state.nameDe, nameEn: state.nameEn, kind: state.kind })
    .from(state)
    .where(eq(state.code, wanted));
  if (row?.kind !== "land") throw notFound("State not found");
  return { actor, land: { code: row.code, nameDe: row.nameDe, nameEn: row.nameEn } };
}

/** Editors and admins choose the home page's featured events; everyone else gets 404. */
export function requireNational(actor: Actor | null): Actor {
  if (!actor) throw new AppError("unauthenticated", "Please log in");
  if (!isNational(actor)) throw notFound("Not found");
  return actor;
}

/** The Länder an actor coordinates, in the taxonomy's order (all Länder for editors and admins). */
export async function listCoordinatedStates(db: DbOrTx, actor: Actor | null): Promise<CoordinatedState[]> {
  if (!actor) throw new AppError("unauthenticated", "Please log in");
  if (!(actor.role === "coordinator" || isNational(actor))) throw notFound("Not found");
  const rows = await db
    .select({ code: state.code, nameDe: state.nameDe, nameEn: state.nameEn, kind: state.kind })
    .from(state)
    .orderBy(state.sort);
  return rows.filter((r) => r.kind === "land" && coordinatesState(actor, r.code)).map(({ kind: _, ...land }) => land);
}
