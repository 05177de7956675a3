import { and, eq } from "drizzle-orm";
import { requireNational } from "../coordination/coordination-access.ts";
import { mediaKitFile } from "../db/schema/index.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { notFound } from "../lib/errors.ts";
import { writeAudit } from "../moderation/audit.ts";
import { writableKitEdition } from "./media-kit-queries.ts";

/**
 * Takes a file out of an edition's media kit (editors, admins; unknown or another edition's → 404). The
 * stored bytes stay until housekeeping finds no row naming them (a copied kit may still use them).
 */
export async function removeKitFile({ ctx, input }: { ctx: VerbCtx; input: { year: number; id: number } }): Promise<void> {
  const actor = requireNational(ctx.actor);
  const edition = await writableKitEdition(ctx.db, input.year);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(mediaKitFile)
      .where(and(eq(mediaKitFile.id, input.id), eq(mediaKitFile.editionId, edition.id)))
      .returning();
    if (!row) throw notFound("Media-kit file not found");
    await writeAudit(tx, actor, {
      action: "media_kit.remove",
      objectType: "media_kit_file",
      objectId: row.id,
      stateCode: null,
      summary: `Medienpaket ${edition.year}: ${row.titleDe} entfernt`,
      before: { titleDe: row.titleDe, kind: row.kind, path: row.path, format: row.format },
    });
  });
}
