import { and, asc, eq, sql } from "drizzle-orm";
import { mediaKitFile } from "../db/schema/index.ts";
import type { RolloverStep } from "../editions/rollover/rollover-steps.ts";
import type { DbOrTx } from "../events/event-record.ts";

/** Uploaded files only: a generated social image shows last year's dates, so the new edition makes its own. */
const uploadedOf = (db: DbOrTx, editionId: number) =>
  db
    .select()
    .from(mediaKitFile)
    .where(and(eq(mediaKitFile.editionId, editionId), eq(mediaKitFile.generated, false)))
    .orderBy(asc(mediaKitFile.kind), asc(mediaKitFile.position), asc(mediaKitFile.id));

/**
 * The rollover carries the media kit over: the uploaded logo variants and social images (new rows
 * naming the same stored files, which are never overwritten) and the usage notes. Nothing is copied
 * into a new edition that already has files, so a second run writes nothing twice.
 */
export const mediaKitStep: RolloverStep = {
  key: "mediaKit",
  label: { de: "Medienpaket (Logos, Social-Media-Bilder, Nutzungshinweise)", en: "Media kit (logos, social images, usage notes)" },
  preview: async ({ db, from }) => {
    const files = await uploadedOf(db, from.id);
    return { count: files.length, examples: files.slice(0, 6).map((f) => f.titleDe) };
  },
  copy: async ({ tx, from, to }) => {
    await tx.execute(sql`insert into media_kit (edition_id, usage_de, usage_en)
      select ${to.id}, usage_de, usage_en from media_kit where edition_id = ${from.id} on conflict do nothing`);
    const [existing] = await tx.select({ id: mediaKitFile.id }).from(mediaKitFile).where(eq(mediaKitFile.editionId, to.id)).limit(1);
    if (existing) return { count: 0, examples: [] };
    const files = await uploadedOf(tx, from.id);
    if (files.length > 0) await tx.insert(mediaKitFile).values(files.map(({ id: _, createdAt: __, ...f }) => ({ ...f, editionId: to.id })));
    return { count: files.length, examples: files.slice(0, 6).map((f) => f.titleDe) };
  },
};
