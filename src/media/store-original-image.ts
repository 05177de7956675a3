import { randomBytes } from "node:crypto";
import sharp, { type OutputInfo } from "sharp";
import { type FileStore, publicPathOf, UPLOADS } from "../storage/file-store.ts";
import { checkImage, ImageRejected, MAX_IMAGE_PIXELS } from "./store-image.ts";

export type StoredOriginal = { path: string; format: "png" | "jpeg"; width: number; height: number; bytes: number };

/**
 * For files people download as they are (media-kit logos and social images): checks a PNG or JPEG
 * by its content like storeImage, but keeps its format and full size. It is still re-encoded —
 * PNG losslessly, JPEG at high quality — which drops EXIF, GPS and anything appended to the image.
 * WebP, GIF and SVG are refused ("type"); so is anything sharp cannot decode.
 */
export async function storeOriginalImage(store: FileStore, input: Buffer): Promise<StoredOriginal> {
  const { format: found } = await checkImage(input, ["png", "jpeg"]);
  const format = found === "png" ? "png" : "jpeg";
  let output: { data: Buffer; info: OutputInfo };
  try {
    const image = sharp(input, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: "error" }).rotate();
    const encoded = format === "png" ? image.png({ compressionLevel: 9 }) : image.jpeg({ quality: 92, mozjpeg: true });
    output = await encoded.toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw new ImageRejected(/pixel limit/i.test(String(error)) ? "pixels" : "broken");
  }
  const key = `${UPLOADS}${randomBytes(16).toString("hex")}.${format === "png" ? "png" : "jpg"}`;
  await store.put(key, output.data);
  return { path: publicPathOf(key), format, width: output.info.width, height: output.info.height, bytes: output.data.length };
}
