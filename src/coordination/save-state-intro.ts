import { and, eq } from "drizzle-orm";
import { stateIntro } from "../db/schema/index.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { notFound } from "../lib/errors.ts";
import { writeAudit } from "../moderation/audit.ts";
import { currentEdition } from "../organiser/current-edition.ts";
import { parseInput } from "../organiser/organiser.schemas.ts";
import { StateIntroInput } from "./coordination.schemas.ts";
import { loadCoordinatedState } from "./coordination-access.ts";

/** The intro of a Land's page in the current edition as stored (empty when none was written yet). */
export async function loadStateIntro({ ctx, input }: { ctx: VerbCtx; input: { stateCode: unknown } }) {
  const { land } = await loadCoordinatedState(ctx.db, ctx.actor, input.stateCode);
  const edition = await currentEdition(ctx.db);
  if (!edition) throw notFound("No edition");
  const [row] = await ctx.db
    .select({ introDe: stateIntro.introDe, introEn: stateIntro.introEn })
    .from(stateIntro)
    .where(and(eq(stateIntro.editionId, edition.id), eq(stateIntro.stateCode, land.code)));
  return { land, edition, intro: row ?? { introDe: "", introEn: "" } };
}

/**
 * Saves a Land page's German and English intro (Markdown; sanitised when rendered) for the current edition,
 * with an audit row of before → after in the same transaction. The public page's cache follows through the
 * data_version trigger on state_intro.
 */
export async function saveStateIntro({ ctx, input }: { ctx: VerbCtx; input: { stateCode: unknown; values: unknown } }): Promise<void> {
  const { land, edition, intro: before } = await loadStateIntro({ ctx, input });
  const values = parseInput(StateIntroInput, input.values);
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(stateIntro)
      .values({ editionId: edition.id, stateCode: land.code, ...values, updatedAt: new Date() })
      .onConflictDoUpdate({ target: [stateIntro.editionId, stateIntro.stateCode], set: { ...values, updatedAt: new Date() } });
    await writeAudit(tx, ctx.actor, {
      action: "state_intro.update",
      objectType: "state_intro",
      objectId: `${edition.year}:${land.code}`,
      stateCode: land.code,
      summary: `Einleitung der Landesseite ${land.code} ${edition.year}: ${before.introDe.length} → ${values.introDe.length} Zeichen (de), ${before.introEn.length} → ${values.introEn.length} Zeichen (en)`,
      before,
      after: values,
    });
  });
}
