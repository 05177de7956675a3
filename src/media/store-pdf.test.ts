import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { expectByteRanges } from "../../test/byte-ranges.ts";
import { LocalFileStore } from "../storage/local-file-store.ts";
import { MAX_PDF_BYTES, PdfRejected, storePdf } from "./store-pdf.ts";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cw-pdf-test-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const hasPdftoppm = (() => {
  try {
    execFileSync("pdftoppm", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/** A real two-page PDF made with pdf-lib. */
async function samplePdf(pages = 2): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) document.addPage([595, 842]).drawText(`Pressemitteilung Seite ${i}`, { x: 60, y: 760, size: 24, font });
  return Buffer.from(await document.save());
}

const reasonOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return "stored";
  } catch (error) {
    if (error instanceof PdfRejected) return error.reason;
    throw error;
  }
};

describe("storePdf", () => {
  it("stores a real PDF under DATA_DIR/uploads with its page count and a WebP preview of the first page", async () => {
    const input = await samplePdf(2);
    const stored = await storePdf(new LocalFileStore(dataDir), input);
    expect(stored.path).toMatch(/^\/uploads\/[a-f0-9]{32}\.pdf$/);
    expect(stored.previewPath).toMatch(/^\/uploads\/[a-f0-9]{32}\.webp$/);
    expect(stored).toMatchObject({ bytes: input.length, pages: 2, previewRendered: hasPdftoppm });
    expect(fs.readFileSync(path.join(dataDir, stored.path)).equals(input)).toBe(true);
    const preview = await sharp(fs.readFileSync(path.join(dataDir, stored.previewPath))).metadata();
    expect(preview.format).toBe("webp");
    expect(preview.width).toBe(600);
    expect(preview.height).toBeGreaterThan(800); // A4 portrait
  });

  it("falls back to a neutral placeholder preview when pdftoppm is not there", async () => {
    const saved = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      const stored = await storePdf(new LocalFileStore(dataDir), await samplePdf(1));
      expect(stored.previewRendered).toBe(false);
      expect((await sharp(fs.readFileSync(path.join(dataDir, stored.previewPath))).metadata()).format).toBe("webp");
    } finally {
      process.env.PATH = saved;
    }
  });

  it("refuses a renamed executable, other files, a broken PDF and an empty file by their content, writing nothing", async () => {
    const before = fs.existsSync(path.join(dataDir, "uploads")) ? fs.readdirSync(path.join(dataDir, "uploads")).length : 0;
    expect(await reasonOf(storePdf(new LocalFileStore(dataDir), fs.readFileSync(process.execPath).subarray(0, 300_000)))).toBe("type");
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: "#000" } })
      .png()
      .toBuffer();
    expect(await reasonOf(storePdf(new LocalFileStore(dataDir), png))).toBe("type");
    expect(await reasonOf(storePdf(new LocalFileStore(dataDir), Buffer.from("<html><script>alert(1)</script></html>")))).toBe("type");
    // The signature alone is not enough: what follows must parse as a PDF with pages.
    expect(
      await reasonOf(
        storePdf(
          new LocalFileStore(dataDir),
          Buffer.concat([Buffer.from("%PDF-1.7\n"), fs.readFileSync(process.execPath).subarray(0, 100_000)]),
        ),
      ),
    ).toBe("broken");
    const truncated = (await samplePdf(1)).subarray(0, 200);
    expect(await reasonOf(storePdf(new LocalFileStore(dataDir), truncated))).toBe("broken");
    expect(await reasonOf(storePdf(new LocalFileStore(dataDir), Buffer.alloc(0)))).toBe("empty");
    const after = fs.existsSync(path.join(dataDir, "uploads")) ? fs.readdirSync(path.join(dataDir, "uploads")).length : 0;
    expect(after).toBe(before);
  });

  it("refuses a 100 MB PDF and anything over the given limit", async () => {
    const huge = Buffer.alloc(100 * 1024 * 1024, 0x20);
    huge.write("%PDF-1.7\n", 0, "latin1");
    expect(await reasonOf(storePdf(new LocalFileStore(dataDir), huge))).toBe("size");
    const input = await samplePdf(1);
    expect(input.length).toBeLessThan(MAX_PDF_BYTES);
    expect(await reasonOf(storePdf(new LocalFileStore(dataDir), input, { maxBytes: input.length - 1 }))).toBe("size");
    expect(await reasonOf(storePdf(new LocalFileStore(dataDir), input, { maxBytes: input.length }))).toBe("stored");
  });
});

describe("/uploads/ serves stored PDFs", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("as application/pdf with a long cache", async () => {
    const stored = await storePdf(t.app.storage, await samplePdf(1));
    const response = await t.app.inject({ method: "GET", url: stored.path });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["cache-control"]).toContain("immutable");
    expect((await t.app.inject({ method: "GET", url: stored.previewPath })).headers["content-type"]).toBe("image/webp");
  });

  it("in byte ranges, as PDF viewers ask for them", async () => {
    const pdf = await samplePdf(3);
    const stored = await storePdf(t.app.storage, pdf);
    const served = await t.app.inject({ method: "GET", url: stored.path });
    await expectByteRanges(t.app, stored.path, served.rawPayload);
  });
});
