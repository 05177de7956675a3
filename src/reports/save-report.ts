import { and, eq, inArray, sql } from "drizzle-orm";
import { report, reportDecision, reportPhoto } from "../db/schema/index.ts";
import { requireActor } from "../event-form/event-access.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { conflict, validationFailed } from "../lib/errors.ts";
import { ImageRejected, type StoredImage, storeImage } from "../media/store-image.ts";
import { PdfRejected, type StoredPdf, storePdf } from "../media/store-pdf.ts";
import { type FileStore, keyOfPublicPath } from "../storage/file-store.ts";
import { loadWritableReport, type ReportRow } from "./report-access.ts";
import { MAX_PHOTOS, type NewPhotoInput, parseNewPhotos, parseReportText, type RawValues } from "./report-values.ts";

export type ReportCtx = VerbCtx & { store: FileStore; now?: Date };

export type SaveReportInput = {
  eventId: number;
  /** The report version the form was made from; null for a new report. */
  version: number | null;
  action: "save" | "submit";
  values: RawValues;
  photos: NewPhotoInput[];
  pressRelease: Buffer | undefined;
  removePhotoIds: number[];
  removePressRelease: boolean;
};

const capitalised = (s: string) => `${s[0]?.toUpperCase()}${s.slice(1)}`;

/** The status after a save or submit: submitting, or changing a submitted or published report, puts it in review. */
function nextStatus(previous: ReportRow["status"] | undefined, action: SaveReportInput["action"]): ReportRow["status"] {
  if (action === "submit" || previous === "submitted" || previous === "published") return "submitted";
  return previous === "changes_requested" ? "changes_requested" : "draft";
}

/** Deletes files this verb stored when it then refuses or fails, so nothing is left half-written. */
async function removeStored(store: FileStore, paths: string[]): Promise<void> {
  await Promise.all(paths.map((p) => store.delete(keyOfPublicPath(p))));
}

/**
 * Saves or submits an event's report (PRODUCT §3): text, participants, links, new photos (each with alt
 * text, credit, licence and the consent confirmation; stored by storeImage, EXIF/GPS stripped), removed
 * photos, the press release PDF (storePdf). Everything is checked before anything is written; files are
 * stored before the one transaction and deleted again if it does not commit. A report changed by someone
 * else since the form was loaded is 409; a rejected report cannot be changed.
 */
export async function saveReport({ ctx, input }: { ctx: ReportCtx; input: SaveReportInput }) {
  const actor = requireActor(ctx.actor);
  const now = ctx.now ?? new Date();
  const first = await loadWritableReport(ctx.db, actor, input.eventId, now);
  if (first.report?.status === "rejected") throw conflict("rejected");
  if ((first.report?.version ?? null) !== input.version) throw conflict("stale");

  const submit = input.action === "submit";
  const { text, errors } = parseReportText(input.values, submit);
  const { photos, errors: photoErrors } = parseNewPhotos(input.photos);
  Object.assign(errors, photoErrors);
  const existing = first.report
    ? await ctx.db.select({ id: reportPhoto.id }).from(reportPhoto).where(eq(reportPhoto.reportId, first.report.id))
    : [];
  const kept = existing.filter((p) => !input.removePhotoIds.includes(p.id)).length;
  if (kept + photos.length > MAX_PHOTOS) errors["photos.0.file"] = "tooManyPhotos";
  if (Object.keys(errors).length) throw validationFailed(errors);

  // Files: checked by content and stored; any refusal names its field and removes what was stored.
  const stored: string[] = [];
  const images: { photo: (typeof photos)[number]["photo"]; image: StoredImage }[] = [];
  let pdf: StoredPdf | undefined;
  for (const { slot, photo } of photos) {
    try {
      const image = await storeImage(ctx.store, photo.file);
      stored.push(image.path);
      images.push({ photo, image });
    } catch (error) {
      if (!(error instanceof ImageRejected)) throw error;
      errors[`photos.${slot}.file`] = `image${capitalised(error.reason)}`;
    }
  }
  if (input.pressRelease) {
    try {
      pdf = await storePdf(ctx.store, input.pressRelease);
      stored.push(pdf.path, pdf.previewPath);
    } catch (error) {
      if (!(error instanceof PdfRejected)) throw error;
      errors.pressRelease = `pdf${capitalised(error.reason)}`;
    }
  }
  if (Object.keys(errors).length) {
    await removeStored(ctx.store, stored);
    throw validationFailed(errors);
  }

  try {
    return await ctx.db.transaction(async (tx) => {
      const target = await loadWritableReport(tx, actor, input.eventId, now, true);
      if ((target.report?.version ?? null) !== input.version) throw conflict("stale");
      if (target.report?.status === "rejected") throw conflict("rejected");
      const status = nextStatus(target.report?.status, input.action);
      const press = pdf
        ? {
            pressReleasePath: pdf.path,
            pressReleasePreviewPath: pdf.previewPath,
            pressReleaseBytes: pdf.bytes,
            pressReleasePages: pdf.pages,
          }
        : input.removePressRelease
          ? { pressReleasePath: null, pressReleasePreviewPath: null, pressReleaseBytes: null, pressReleasePages: null }
          : {};
      const values = {
        ...text,
        ...press,
        status,
        updatedAt: now,
        ...(status === "submitted" && target.report?.status !== "submitted" ? { submittedAt: now } : {}),
      };
      const [row] = target.report
        ? await tx
            .update(report)
            .set({ ...values, version: sql`${report.version} + 1` })
            .where(eq(report.id, target.report.id))
            .returning()
        : await tx
            .insert(report)
            .values({ ...values, eventId: input.eventId, createdById: actor.userId, createdAt: now })
            .returning();
      if (!row) throw new Error("report not written");
      if (input.removePhotoIds.length)
        await tx.delete(reportPhoto).where(and(eq(reportPhoto.reportId, row.id), inArray(reportPhoto.id, input.removePhotoIds)));
      const [last] = await tx
        .select({ max: sql<number>`coalesce(max(${reportPhoto.position}), -1)::int` })
        .from(reportPhoto)
        .where(eq(reportPhoto.reportId, row.id));
      let position = (last?.max ?? -1) + 1;
      for (const { photo, image } of images)
        await tx.insert(reportPhoto).values({
          reportId: row.id,
          path: image.path,
          width: image.width,
          height: image.height,
          altDe: photo.altDe,
          altEn: photo.altEn,
          credit: photo.credit,
          licence: photo.licence,
          consentConfirmedById: actor.userId,
          consentConfirmedAt: now,
          position: position++,
          createdAt: now,
        });
      if (status === "submitted" && (submit || target.report?.status !== "submitted"))
        await tx.insert(reportDecision).values({ reportId: row.id, userId: actor.userId, action: "submit", at: now });
      return { id: row.id, eventId: input.eventId, status, version: row.version };
    });
  } catch (error) {
    await removeStored(ctx.store, stored);
    throw error;
  }
}
