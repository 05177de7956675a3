import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { EncryptedPDFError, PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { type FileStore, publicPathOf, UPLOADS } from "../storage/file-store.ts";

const run = promisify(execFile);

/** Largest PDF accepted by default (the multipart file limit in app.ts is the same). */
export const MAX_PDF_BYTES = 10 * 1024 * 1024;
/** Width of the first-page preview image. */
export const PDF_PREVIEW_WIDTH = 600;

export type PdfRejection = "empty" | "size" | "type" | "broken" | "encrypted";

/** An upload that is not an acceptable PDF; `reason` is a stable code for messages. */
export class PdfRejected extends Error {
  constructor(readonly reason: PdfRejection) {
    super(
      {
        empty: "The file is empty.",
        size: "The file is too large.",
        type: "Only PDF files are accepted.",
        broken: "The file could not be read as a PDF.",
        encrypted: "Password-protected PDFs are not accepted.",
      }[reason],
    );
  }
}

export type StoredPdf = {
  /** /uploads/<random>.pdf */
  path: string;
  bytes: number;
  pages: number;
  /** /uploads/<random>.webp: the first page, or a neutral placeholder when it could not be rendered. */
  previewPath: string;
  previewRendered: boolean;
};

/**
 * Checks an uploaded PDF by its content — the `%PDF-` signature and a full parse with pdf-lib (so an
 * executable or any other file renamed .pdf is refused, as are encrypted and page-less documents) —
 * and stores it in the file store under uploads/ with a random name, beside a WebP preview of its first page
 * rendered by poppler's `pdftoppm` (in a child process with a time limit). Where pdftoppm is missing
 * or fails on the file, the preview is a neutral placeholder (a page reading "PDF").
 */
export async function storePdf(store: FileStore, input: Buffer, options: { maxBytes?: number } = {}): Promise<StoredPdf> {
  const maxBytes = options.maxBytes ?? MAX_PDF_BYTES;
  if (input.length === 0) throw new PdfRejected("empty");
  if (input.length > maxBytes) throw new PdfRejected("size");
  if (input.subarray(0, 5).toString("latin1") !== "%PDF-") throw new PdfRejected("type");
  let pages: number;
  try {
    const document = await PDFDocument.load(input, { updateMetadata: false, throwOnInvalidObject: true });
    pages = document.getPageCount();
  } catch (error) {
    throw new PdfRejected(error instanceof EncryptedPDFError ? "encrypted" : "broken");
  }
  if (pages < 1) throw new PdfRejected("broken");

  const rendered = await renderFirstPage(input);
  const preview = rendered ?? (await placeholderPreview());
  const key = `${UPLOADS}${randomBytes(16).toString("hex")}.pdf`;
  const previewKey = `${UPLOADS}${randomBytes(16).toString("hex")}.webp`;
  await store.put(key, input);
  await store.put(previewKey, preview);
  return {
    path: publicPathOf(key),
    bytes: input.length,
    pages,
    previewPath: publicPathOf(previewKey),
    previewRendered: rendered !== null,
  };
}

/** The first page as WebP via pdftoppm, or null when it is not installed or cannot render the file. */
async function renderFirstPage(input: Buffer): Promise<Buffer | null> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "cw-pdf-"));
  try {
    const source = path.join(dir, "in.pdf");
    await fs.writeFile(source, input);
    const args = ["-f", "1", "-l", "1", "-singlefile", "-png", "-scale-to-x", String(PDF_PREVIEW_WIDTH), "-scale-to-y", "-1"];
    await run("pdftoppm", [...args, source, path.join(dir, "page")], { timeout: 15_000, maxBuffer: 1024 * 1024 });
    const png = await fs.readFile(path.join(dir, "page.png"));
    return await sharp(png, { limitInputPixels: 20_000_000 }).flatten({ background: "#ffffff" }).webp({ quality: 80 }).toBuffer();
  } catch {
    return null;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** A neutral A4-shaped preview: a light page with "PDF" and grey bars for lines (nothing of the file). */
async function placeholderPreview(): Promise<Buffer> {
  const width = PDF_PREVIEW_WIDTH;
  const height = Math.round((width * 297) / 210);
  const bars = [0.55, 0.6, 0.65, 0.7, 0.75]
    .map((y, i) => `<rect x="${width * 0.15}" y="${height * y}" width="${width * (i % 2 ? 0.55 : 0.7)}" height="14" fill="#c9c9c4"/>`)
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="#f4f4f1" stroke="#8a8a86" stroke-width="4"/>
    <text x="50%" y="40%" font-family="DejaVu Sans, sans-serif" font-size="96" font-weight="bold" fill="#5a5a56" text-anchor="middle">PDF</text>
    ${bars}
  </svg>`;
  return sharp(Buffer.from(svg)).webp({ quality: 80 }).toBuffer();
}
