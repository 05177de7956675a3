import { validationFailed } from "../lib/errors.ts";
import { PdfRejected, storePdf } from "../media/store-pdf.ts";
import type { FileStore } from "../storage/file-store.ts";

const rejectionKeys = { empty: "pdfEmpty", size: "pdfSize", type: "pdfType", broken: "pdfType", encrypted: "pdfType" } as const;

export type NewsPdf = { pdfPath: string; pdfBytes: number; pdfPages: number };

/**
 * The press release PDF of a news form, checked by content and stored (storePdf), or null when no
 * file was chosen. A refused file is a validation error at the `pdf` field; nothing is written.
 */
export async function storeNewsPdf(store: FileStore, file: unknown): Promise<NewsPdf | null> {
  if (file === undefined || file === null || file === "") return null;
  if (!Buffer.isBuffer(file)) throw validationFailed({ pdf: "pdfType" });
  if (file.length === 0) return null;
  try {
    const stored = await storePdf(store, file);
    return { pdfPath: stored.path, pdfBytes: stored.bytes, pdfPages: stored.pages };
  } catch (error) {
    if (error instanceof PdfRejected) throw validationFailed({ pdf: rejectionKeys[error.reason] });
    throw error;
  }
}
