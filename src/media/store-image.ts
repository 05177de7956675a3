import { randomBytes } from "node:crypto";
import sharp, { type Metadata, type OutputInfo } from "sharp";
import { type FileStore, publicPathOf, UPLOADS } from "../storage/file-store.ts";

/** Largest upload accepted (also the multipart file limit in app.ts). */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** Largest decoded image: 40 megapixels. Refuses decompression bombs before they are decoded. */
export const MAX_IMAGE_PIXELS = 40_000_000;
/** Stored images are at most this wide (and this high). */
export const MAX_IMAGE_EDGE = 1600;

export type ImageRejection = "empty" | "size" | "type" | "pixels" | "broken";

/** An upload that is not an acceptable image; `reason` is a stable code for messages. */
export class ImageRejected extends Error {
  constructor(readonly reason: ImageRejection) {
    super(
      {
        empty: "The file is empty.",
        size: "The file is larger than 10 MB.",
        type: "Only JPEG, PNG and WebP images are accepted.",
        pixels: "The image has more than 40 megapixels.",
        broken: "The file could not be read as an image.",
      }[reason],
    );
  }
}

export type StoredImage = { path: string; width: number; height: number };

/**
 * The checks before any decoding, by content (not name or declared type): size, one of `formats`
 * as sharp reads the header, real dimensions, at most 40 MP. Returns the format found.
 */
export async function checkImage(input: Buffer, formats: readonly string[]): Promise<Metadata & { format: string }> {
  if (input.length === 0) throw new ImageRejected("empty");
  if (input.length > MAX_IMAGE_BYTES) throw new ImageRejected("size");
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: MAX_IMAGE_PIXELS }).metadata();
  } catch (error) {
    throw new ImageRejected(/pixel limit/i.test(String(error)) ? "pixels" : "type");
  }
  const format = meta.format;
  if (!format || !formats.includes(format)) throw new ImageRejected("type");
  if (!meta.width || !meta.height) throw new ImageRejected("broken");
  if (meta.width * meta.height > MAX_IMAGE_PIXELS) throw new ImageRejected("pixels");
  return { ...meta, format };
}

/**
 * Checks an uploaded image by its content (not its name or declared type), re-encodes it as WebP at
 * most 1600 px on its longer edge — which drops EXIF, GPS and every other metadata — and stores it
 * in the file store (DATA_DIR or the bucket) under uploads/ with a random name. Returns the public
 * path (/uploads/…) and the size.
 */
export async function storeImage(store: FileStore, input: Buffer): Promise<StoredImage> {
  await checkImage(input, ["jpeg", "png", "webp"]);
  let output: { data: Buffer; info: OutputInfo };
  try {
    output = await sharp(input, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: "error" })
      .rotate() // apply the EXIF orientation before the metadata goes
      .resize({ width: MAX_IMAGE_EDGE, height: MAX_IMAGE_EDGE, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw new ImageRejected(/pixel limit/i.test(String(error)) ? "pixels" : "broken");
  }
  const key = `${UPLOADS}${randomBytes(16).toString("hex")}.webp`;
  await store.put(key, output.data);
  return { path: publicPathOf(key), width: output.info.width, height: output.info.height };
}
