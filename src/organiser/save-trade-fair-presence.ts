import { and, eq } from "drizzle-orm";
import { tradeFair, tradeFairPresence } from "../db/schema/index.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { conflict, notFound, validationFailed } from "../lib/errors.ts";
import { currentEdition } from "./current-edition.ts";
import { loadOwnOrganisation } from "./organisation-access.ts";
import { PresenceInput, parseInput } from "./organiser.schemas.ts";

/**
 * Registers (or, with presenceId, changes) the organisation's booth at a fair of the current
 * edition. Every day must be one the fair is open. Presences are public at once, so only
 * confirmed organisations may register them.
 */
export async function saveTradeFairPresence({ ctx, input }: { ctx: VerbCtx; input: unknown }): Promise<{ presenceId: number }> {
  const raw = (input ?? {}) as { organisationId?: unknown };
  const { org } = await loadOwnOrganisation(ctx.db, ctx.actor, Number(raw.organisationId));
  const values = parseInput(PresenceInput, input);
  if (org.status !== "active") throw conflict("The organisation has not been confirmed yet");
  const edition = await currentEdition(ctx.db);
  if (!edition) throw notFound("No current edition");
  return ctx.db.transaction(async (tx) => {
    const [fair] = await tx
      .select()
      .from(tradeFair)
      .where(and(eq(tradeFair.id, values.fairId), eq(tradeFair.editionId, edition.id)));
    if (!fair) throw validationFailed({ fairId: "choose" });
    if (values.days.some((d) => d < fair.startsOn || d > fair.endsOn)) throw validationFailed({ days: "outsideFair" });
    const row = {
      fair: fair.name,
      hall: values.hall,
      booth: values.booth,
      days: [...new Set(values.days)].sort(),
      coExhibitors: values.coExhibitors,
      textDe: values.textDe,
      textEn: values.textEn,
    };
    if (values.presenceId === undefined) {
      const [created] = await tx
        .insert(tradeFairPresence)
        .values({ ...row, editionId: edition.id, organisationId: org.id })
        .returning({ id: tradeFairPresence.id });
      if (!created) throw new Error("insert returned no row");
      return { presenceId: created.id };
    }
    const updated = await tx
      .update(tradeFairPresence)
      .set(row)
      .where(ownPresence(values.presenceId, org.id, edition.id))
      .returning({ id: tradeFairPresence.id });
    if (updated.length === 0) throw notFound("Presence not found");
    return { presenceId: values.presenceId };
  });
}

/** A presence of this organisation in this edition; anything else does not exist for the caller. */
export const ownPresence = (presenceId: number, organisationId: number, editionId: number) =>
  and(
    eq(tradeFairPresence.id, presenceId),
    eq(tradeFairPresence.organisationId, organisationId),
    eq(tradeFairPresence.editionId, editionId),
  );
