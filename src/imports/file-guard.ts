import { inflateRawSync } from "node:zlib";

/** Largest upload (multipart limit of the upload route, and the CLI's). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Largest total an XLSX may unpack to before anything parses it (zip bombs). */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
export const MAX_ROWS = 200_000;
const MAX_ZIP_ENTRIES = 2_000;

/** Why a file is refused, as a code the pages translate (imports.fileErrors.<code>). */
export type FileErrorCode =
  | "empty"
  | "tooLarge"
  | "notSpreadsheet"
  | "encrypted"
  | "zipBomb"
  | "tooManyRows"
  | "brokenCsv"
  | "encoding"
  | "unreadable"
  | "noHeader"
  | "noRows";

export class ImportFileError extends Error {
  constructor(
    readonly code: FileErrorCode,
    readonly params: Record<string, string> = {},
  ) {
    super(`import file refused: ${code}`);
  }
}

const startsWith = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

/** What a file is by its first bytes, never by its name: a ZIP (XLSX), an OLE container (encrypted or legacy), text, or other binary. */
export function sniffFile(buf: Buffer): "zip" | "text" {
  if (buf.length === 0) throw new ImportFileError("empty");
  if (buf.length > MAX_FILE_BYTES) throw new ImportFileError("tooLarge");
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return "zip";
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // Password-protected XLSX files are OLE containers with an "EncryptedPackage" stream (named in UTF-16).
    const encrypted = buf.includes(Buffer.from("EncryptedPackage", "utf16le"));
    throw new ImportFileError(encrypted ? "encrypted" : "notSpreadsheet");
  }
  const head = buf.subarray(0, 8192);
  if (startsWith(buf, [0x4d, 0x5a]) || startsWith(buf, [0x7f, 0x45, 0x4c, 0x46]) || head.includes(0))
    throw new ImportFileError("notSpreadsheet");
  return "text";
}

/**
 * Checks an XLSX (ZIP) before any parser unpacks it: walks the central directory and inflates every
 * entry with a hard output limit, so declared sizes that lie cannot get past. Over 100 MB in total,
 * too many entries, or a damaged archive → refused.
 */
export function checkZip(buf: Buffer): void {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > buf.length) throw new ImportFileError("unreadable");
  const entries = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  if (entries > MAX_ZIP_ENTRIES || offset === 0xffffffff) throw new ImportFileError("zipBomb");
  let budget = MAX_UNPACKED_BYTES;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== 0x02014b50) throw new ImportFileError("unreadable");
    const method = buf.readUInt16LE(offset + 10);
    const compressed = buf.readUInt32LE(offset + 20);
    const declared = buf.readUInt32LE(offset + 24);
    const nameLength = buf.readUInt16LE(offset + 28);
    const next = offset + 46 + nameLength + buf.readUInt16LE(offset + 30) + buf.readUInt16LE(offset + 32);
    const local = buf.readUInt32LE(offset + 42);
    if (declared > budget) throw new ImportFileError("zipBomb");
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw new ImportFileError("unreadable");
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + compressed);
    budget -= unpackedSize(method, data, budget);
    offset = next;
  }
}

function unpackedSize(method: number, data: Buffer, budget: number): number {
  if (method === 0) return data.length;
  if (method !== 8) throw new ImportFileError("unreadable");
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
  } catch (error) {
    throw new ImportFileError(error instanceof RangeError ? "zipBomb" : "unreadable");
  }
}

/** Text of a CSV: UTF-8 (with or without BOM) or else Windows-1252; broken UTF-8 mixed with valid sequences is refused. */
export function decodeText(buf: Buffer): string {
  const body = startsWith(buf, [0xef, 0xbb, 0xbf]) ? buf.subarray(3) : buf;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    // Mostly valid multi-byte sequences mean a damaged UTF-8 file; in Windows-1252 text they are rare accidents ("Ü“").
    let valid = 0;
    let stray = 0;
    for (const m of body
      .toString("latin1")
      .matchAll(/[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}|[\x80-\xff]/g))
      if (m[0].length > 1) valid++;
      else stray++;
    if (valid >= stray) throw new ImportFileError("encoding");
    return decodeWindows1252(body);
  }
}

// Windows-1252's characters at 0x80–0x9F (Node's TextDecoder treats the label as ISO-8859-1); "" = undefined byte.
const HIGH = "€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ";

function decodeWindows1252(body: Buffer): string {
  let text = "";
  for (const byte of body) {
    const c = byte >= 0x80 && byte < 0xa0 ? HIGH[byte - 0x80] : String.fromCharCode(byte);
    if (c === undefined || c === "\u0000") throw new ImportFileError("encoding");
    text += c;
  }
  return text;
}
