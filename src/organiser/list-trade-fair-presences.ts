import { and, asc, eq } from "drizzle-orm";
import { tradeFair, tradeFairPresence } from "../db/schema/index.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { currentEdition } from "./current-edition.ts";
import { loadOwnOrganisation } from "./organisation-access.ts";

export type OwnPresence = typeof tradeFairPresence.$inferSelect;
export type Fair = typeof tradeFair.$inferSelect;

/** The fairs of the current edition and the organisation's booths at them. */
export async function listOwnTradeFairPresences({ ctx, input }: { ctx: VerbCtx; input: { organisationId: number } }) {
  const { org } = await loadOwnOrganisation(ctx.db, ctx.actor, input.organisationId);
  const edition = await currentEdition(ctx.db);
  if (!edition) return { org, edition, fairs: [] as Fair[], presences: [] as OwnPresence[] };
  const [fairs, presences] = await Promise.all([
    ctx.db.select().from(tradeFair).where(eq(tradeFair.editionId, edition.id)).orderBy(asc(tradeFair.startsOn), asc(tradeFair.name)),
    ctx.db
      .select()
      .from(tradeFairPresence)
      .where(and(eq(tradeFairPresence.organisationId, org.id), eq(tradeFairPresence.editionId, edition.id)))
      .orderBy(asc(tradeFairPresence.fair), asc(tradeFairPresence.hall), asc(tradeFairPresence.booth)),
  ]);
  return { org, edition, fairs, presences };
}
