import { tradeFairPresence } from "../db/schema/index.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { notFound } from "../lib/errors.ts";
import { currentEdition } from "./current-edition.ts";
import { loadOwnOrganisation } from "./organisation-access.ts";
import { ownPresence } from "./save-trade-fair-presence.ts";

/** Withdraws one of the organisation's booths of the current edition. */
export async function deleteTradeFairPresence({
  ctx,
  input,
}: {
  ctx: VerbCtx;
  input: { organisationId: number; presenceId: number };
}): Promise<void> {
  const { org } = await loadOwnOrganisation(ctx.db, ctx.actor, input.organisationId);
  const edition = await currentEdition(ctx.db);
  if (!edition) throw notFound("Presence not found");
  await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .delete(tradeFairPresence)
      .where(ownPresence(input.presenceId, org.id, edition.id))
      .returning({ id: tradeFairPresence.id });
    if (rows.length === 0) throw notFound("Presence not found");
  });
}
