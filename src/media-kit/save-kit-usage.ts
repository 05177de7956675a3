import { requireNational } from "../coordination/coordination-access.ts";
import { mediaKit } from "../db/schema/index.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { writeAudit } from "../moderation/audit.ts";
import { parseInput } from "../organiser/organiser.schemas.ts";
import { KitUsageInput } from "./media-kit.schemas.ts";
import { loadMediaKit, writableKitEdition } from "./media-kit-queries.ts";

/** Saves the media kit's usage notes (German, English) of an edition (editors, admins), with its audit row. */
export async function saveKitUsage({ ctx, input }: { ctx: VerbCtx; input: { year: number; values: unknown } }): Promise<void> {
  const actor = requireNational(ctx.actor);
  const edition = await writableKitEdition(ctx.db, input.year);
  const values = parseInput(KitUsageInput, input.values);
  await ctx.db.transaction(async (tx) => {
    const before = await loadMediaKit(tx, edition);
    await tx
      .insert(mediaKit)
      .values({ editionId: edition.id, ...values })
      .onConflictDoUpdate({ target: mediaKit.editionId, set: { ...values, updatedAt: new Date() } });
    await writeAudit(tx, actor, {
      action: "media_kit.usage",
      objectType: "media_kit_file",
      objectId: `edition:${edition.year}`,
      stateCode: null,
      summary: `Medienpaket ${edition.year}: Nutzungshinweise gespeichert`,
      before: { usageDe: before.usageDe, usageEn: before.usageEn },
      after: values,
    });
  });
}
