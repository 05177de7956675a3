import { sql } from "drizzle-orm";
import { requireNational } from "../coordination/coordination-access.ts";
import { mediaKitFile } from "../db/schema/index.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { writeAudit } from "../moderation/audit.ts";
import { parseInput } from "../organiser/organiser.schemas.ts";
import type { FileStore } from "../storage/file-store.ts";
import { KitFileInput } from "./media-kit.schemas.ts";
import { writableKitEdition } from "./media-kit-queries.ts";
import { type KitUpload, storeKitFile } from "./store-kit-file.ts";

/** Adds a stored file to an edition's media kit, last of its kind, with its audit row (also used for generated images). */
export async function insertKitFile(
  ctx: VerbCtx,
  editionId: number,
  input: KitFileInput & { upload: KitUpload; generated?: boolean },
): Promise<{ id: number }> {
  const actor = requireNational(ctx.actor);
  const { upload, generated = false, ...texts } = input;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(mediaKitFile)
      .values({
        editionId,
        ...texts,
        ...upload,
        generated,
        position: sql`(select coalesce(max(position), 0) + 1 from media_kit_file where edition_id = ${editionId} and kind = ${texts.kind})`,
      })
      .returning({ id: mediaKitFile.id });
    if (!row) throw new Error("no media-kit file inserted");
    await writeAudit(tx, actor, {
      action: generated ? "media_kit.generate" : "media_kit.add",
      objectType: "media_kit_file",
      objectId: row.id,
      stateCode: null,
      summary: `Medienpaket: ${texts.titleDe} (${upload.format.toUpperCase()}, ${upload.bytes} Bytes) ${generated ? "erzeugt" : "hochgeladen"}`,
      after: { ...texts, path: upload.path, format: upload.format, width: upload.width, height: upload.height, bytes: upload.bytes },
    });
    return row;
  });
}

/**
 * Uploads a logo variant or social image to an edition's media kit (editors, admins): texts checked,
 * the file checked by its content and stored (storeKitFile), then the row. A refused file writes nothing.
 */
export async function addKitFile({
  ctx,
  input,
}: {
  ctx: VerbCtx;
  input: { year: number; values: Record<string, unknown>; file: unknown; store: FileStore };
}): Promise<{ id: number }> {
  requireNational(ctx.actor);
  const edition = await writableKitEdition(ctx.db, input.year);
  const texts = parseInput(KitFileInput, input.values);
  const upload = await storeKitFile(input.store, input.file);
  return insertKitFile(ctx, edition.id, { ...texts, upload });
}
