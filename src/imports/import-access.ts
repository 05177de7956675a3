import { and, asc, eq, inArray, ne, or, type SQL } from "drizzle-orm";
import { organisation } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { type Actor, coordinatesState, isMemberOf, isNational } from "../lib/actor.ts";
import { notFound } from "../lib/errors.ts";

export type ImportOrganisation = { id: number; slug: string; name: string; stateCode: string };

const columns = { id: organisation.id, slug: organisation.slug, name: organisation.name, stateCode: organisation.stateCode };

/** Whether the actor may import events for an organisation: its members, coordinators of its Land, editors, admins (as for its events). */
export const mayImportFor = (actor: Actor, org: Pick<ImportOrganisation, "id" | "stateCode">): boolean =>
  isMemberOf(actor, org.id) || coordinatesState(actor, org.stateCode);

/** The organisation an import is for, if the actor may import for it; unknown and foreign ones are both 404. */
export async function loadImportOrganisation(db: DbOrTx, actor: Actor, organisationId: number): Promise<ImportOrganisation> {
  const [org] =
    Number.isSafeInteger(organisationId) && organisationId > 0 && organisationId < 2 ** 31
      ? await db.select(columns).from(organisation).where(eq(organisation.id, organisationId))
      : [];
  if (!org || !mayImportFor(actor, org)) throw notFound("Organisation not found");
  return org;
}

/** The organisations the actor may import for (own first, then those of their Länder, or all for editors), by name. */
export async function listImportOrganisations(db: DbOrTx, actor: Actor): Promise<ImportOrganisation[]> {
  const scopes: SQL[] = [];
  if (actor.organisationIds.length) scopes.push(inArray(organisation.id, [...actor.organisationIds]));
  if (!isNational(actor) && actor.role === "coordinator" && actor.stateCodes.length)
    scopes.push(inArray(organisation.stateCode, [...actor.stateCodes]));
  if (!isNational(actor) && scopes.length === 0) return [];
  const rows = await db
    .select(columns)
    .from(organisation)
    .where(isNational(actor) ? ne(organisation.status, "declined") : and(ne(organisation.status, "declined"), or(...scopes)))
    .orderBy(asc(organisation.name));
  const own = rows.filter((o) => isMemberOf(actor, o.id));
  return [...own, ...rows.filter((o) => !isMemberOf(actor, o.id))];
}
