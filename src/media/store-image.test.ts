import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { LocalFileStore } from "../storage/local-file-store.ts";
import { pngBomb } from "./media.fixtures.ts";
import { ImageRejected, storeImage } from "./store-image.ts";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cw-media-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** A photo-like JPEG with camera and GPS EXIF data. */
const jpegWithGps = () =>
  sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: "TestCam", Model: "Secret Model 9", Copyright: "Jane Doe" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "52/1 31/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "13/1 24/1 0/1" },
    })
    .toBuffer();

const reasonOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return "stored";
  } catch (error) {
    if (error instanceof ImageRejected) return error.reason;
    throw error;
  }
};

describe("storeImage", () => {
  it("resizes to 1600 px, writes WebP under DATA_DIR/uploads and strips EXIF and GPS", async () => {
    const input = await jpegWithGps();
    const before = await sharp(input).metadata();
    expect(before.exif?.toString("latin1")).toContain("Secret Model 9");
    const stored = await storeImage(new LocalFileStore(dataDir), input);
    expect(stored.path).toMatch(/^\/uploads\/[a-f0-9]{32}\.webp$/);
    expect([stored.width, stored.height]).toEqual([1600, 1067]);
    const file = fs.readFileSync(path.join(dataDir, stored.path));
    const after = await sharp(file).metadata();
    expect(after.format).toBe("webp");
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(file.toString("latin1")).not.toContain("Secret Model 9");
    expect(file.toString("latin1")).not.toContain("TestCam");
  });

  it("accepts PNG and WebP and keeps small images small", async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 4, background: "#08f" } })
      .png()
      .toBuffer();
    expect(await storeImage(new LocalFileStore(dataDir), png)).toMatchObject({ width: 40, height: 30 });
    const webp = await sharp({ create: { width: 50, height: 50, channels: 3, background: "#fff" } })
      .webp()
      .toBuffer();
    expect(await storeImage(new LocalFileStore(dataDir), webp)).toMatchObject({ width: 50, height: 50 });
  });

  it("refuses SVG, GIF, a renamed executable and an empty file by their content", async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    expect(await reasonOf(storeImage(new LocalFileStore(dataDir), svg))).toBe("type");
    const gif = await sharp({ create: { width: 5, height: 5, channels: 3, background: "#000" } })
      .gif()
      .toBuffer();
    expect(await reasonOf(storeImage(new LocalFileStore(dataDir), gif))).toBe("type");
    expect(await reasonOf(storeImage(new LocalFileStore(dataDir), fs.readFileSync(process.execPath).subarray(0, 200_000)))).toBe("type");
    expect(await reasonOf(storeImage(new LocalFileStore(dataDir), Buffer.alloc(0)))).toBe("empty");
  });

  it("refuses a decompression bomb (a small PNG of 64 megapixels) and files over 10 MB", async () => {
    const bomb = pngBomb(8000, 8000);
    expect(bomb.length).toBeLessThan(1_000_000);
    expect(await reasonOf(storeImage(new LocalFileStore(dataDir), bomb))).toBe("pixels");
    expect(await reasonOf(storeImage(new LocalFileStore(dataDir), Buffer.alloc(11 * 1024 * 1024, 1)))).toBe("size");
  });
});

describe("/uploads/", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("serves stored images with a long cache, and nothing else", async () => {
    const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: "#f00" } })
      .png()
      .toBuffer();
    const stored = await storeImage(t.app.storage, png);
    const response = await t.app.inject({ method: "GET", url: stored.path });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("image/webp");
    expect(response.headers["cache-control"]).toContain("immutable");
    fs.writeFileSync(path.join(t.app.config.dataDir, "secret.txt"), "TOPSECRET-CONTENT");
    fs.writeFileSync(path.join(t.app.config.dataDir, "uploads", ".hidden"), "TOPSECRET-CONTENT");
    for (const url of [
      "/uploads/",
      "/uploads/../secret.txt",
      "/uploads/%2e%2e/secret.txt",
      "/uploads/.hidden",
      "/uploads/..%2fsecret.txt",
    ]) {
      const r = await t.app.inject({ method: "GET", url });
      expect([403, 404], url).toContain(r.statusCode);
      expect(r.body).not.toContain("TOPSECRET");
    }
  });
});
