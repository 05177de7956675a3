import { asc, eq } from "drizzle-orm";
import { mediaKit, mediaKitFile } from "../db/schema/index.ts";
import { type Edition, findEditionByYear } from "../editions/edition-queries.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { AppError, notFound } from "../lib/errors.ts";
import { slugify } from "../organiser/organisation-fields.ts";

export type KitFile = typeof mediaKitFile.$inferSelect;
export type MediaKit = { edition: Edition; usageDe: string; usageEn: string; files: KitFile[] };

/** An edition's media kit: its usage notes and its files, logos first, each group in upload order. */
export async function loadMediaKit(db: DbOrTx, edition: Edition): Promise<MediaKit> {
  const [notes, files] = await Promise.all([
    db.select().from(mediaKit).where(eq(mediaKit.editionId, edition.id)),
    db
      .select()
      .from(mediaKitFile)
      .where(eq(mediaKitFile.editionId, edition.id))
      .orderBy(asc(mediaKitFile.kind), asc(mediaKitFile.position), asc(mediaKitFile.id)),
  ]);
  return { edition, usageDe: notes[0]?.usageDe ?? "", usageEn: notes[0]?.usageEn ?? "", files };
}

/** The edition a back-office form names by year; unknown → 404, archived → 409 (read-only, PRODUCT §3). */
export async function writableKitEdition(db: DbOrTx, year: unknown): Promise<Edition> {
  const found = typeof year === "number" && Number.isSafeInteger(year) ? await findEditionByYear(db, year) : undefined;
  if (!found) throw notFound("Edition not found");
  if (found.status === "archived") throw new AppError("conflict", "This edition is archived: its media kit can no longer be changed.");
  return found;
}

/** The file's name inside the ZIP: its title made safe, with the extension of its real format; unique within the kit. */
export function zipNames(files: readonly KitFile[]): string[] {
  const taken = new Set<string>();
  return files.map((f) => {
    const base = slugify(f.titleDe).slice(0, 60).replace(/-+$/, "");
    const ext = f.format === "jpeg" ? "jpg" : f.format;
    let name = `${base}.${ext}`;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}.${ext}`;
    taken.add(name);
    return name;
  });
}
