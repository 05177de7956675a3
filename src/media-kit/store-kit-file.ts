import { validationFailed } from "../lib/errors.ts";
import { ImageRejected, storeImage } from "../media/store-image.ts";
import { storeOriginalImage } from "../media/store-original-image.ts";
import { PdfRejected, storePdf } from "../media/store-pdf.ts";
import type { FileStore } from "../storage/file-store.ts";

/** Largest media-kit file (the multipart limit in app.ts is the same 10 MB). */
export const MAX_KIT_BYTES = 10 * 1024 * 1024;

export type KitUpload = {
  path: string;
  previewPath: string;
  format: "png" | "jpeg" | "pdf";
  width: number | null;
  height: number | null;
  pages: number | null;
  bytes: number;
};

const imageKeys = { empty: "fileRequired", size: "imageSize", type: "fileType", pixels: "imagePixels", broken: "fileType" } as const;
const pdfKeys = { empty: "fileRequired", size: "imageSize", type: "fileType", broken: "fileType", encrypted: "fileEncrypted" } as const;

/**
 * SVG is refused, not sanitised: an SVG is an active document (scripts, event handlers, external
 * references, CSS) that we would serve from our own origin, and cleaning it safely needs DOMPurify
 * on a full DOM (jsdom, a large dependency) for a format the press rarely needs — vector logos come
 * as PDF, screen use as PNG. Recognised by content (an XML or <svg> start), whatever the file's name.
 */
function looksLikeSvg(file: Buffer): boolean {
  const head = file
    .subarray(0, 512)
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  return head.startsWith("<svg") || head.startsWith("<?xml") || head.startsWith("<!doctype svg") || /<svg[\s>]/.test(head);
}

/**
 * A media-kit upload checked by its content and stored: PDF (signature + full parse, storePdf, with a
 * first-page preview), PNG or JPEG (kept in its format and size, storeOriginalImage, plus a WebP
 * preview). Anything else — SVG, WebP, executables, broken files — is a validation error at `file`,
 * and nothing is written.
 */
export async function storeKitFile(store: FileStore, file: unknown): Promise<KitUpload> {
  if (!Buffer.isBuffer(file) || file.length === 0) throw validationFailed({ file: "fileRequired" });
  if (file.length > MAX_KIT_BYTES) throw validationFailed({ file: "imageSize" });
  if (looksLikeSvg(file)) throw validationFailed({ file: "fileSvg" });
  if (file.subarray(0, 5).toString("latin1") === "%PDF-") {
    try {
      const pdf = await storePdf(store, file, { maxBytes: MAX_KIT_BYTES });
      return { path: pdf.path, previewPath: pdf.previewPath, format: "pdf", width: null, height: null, pages: pdf.pages, bytes: pdf.bytes };
    } catch (error) {
      if (error instanceof PdfRejected) throw validationFailed({ file: pdfKeys[error.reason] });
      throw error;
    }
  }
  try {
    const image = await storeOriginalImage(store, file);
    const preview = await storeImage(store, file);
    return { ...image, previewPath: preview.path, pages: null };
  } catch (error) {
    if (error instanceof ImageRejected) throw validationFailed({ file: imageKeys[error.reason] });
    throw error;
  }
}
