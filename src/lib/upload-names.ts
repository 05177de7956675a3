import type { MultipartFile } from "@fastify/multipart";
import type { FastifyRequest } from "fastify";

/** The file names browsers sent with a multipart request's files, by field (the body itself holds only the bytes). */
const names = new WeakMap<FastifyRequest, Map<string, string>>();

/**
 * The multipart plugin's `onFile`: reads the file into the body as `attachFieldsToBody: "keyValues"` does
 * by itself (the same size limit applies), and keeps the name the browser sent for uploadNameOf.
 */
export async function keepUploadName(this: FastifyRequest, part: MultipartFile): Promise<void> {
  await part.toBuffer();
  // Old browsers send a full client path ("C:\\Users\\…\\sheet.xlsx"); only its last segment is the name.
  const name = part.filename.split(/[\\/]/).pop()?.trim();
  if (!name) return;
  const byField = names.get(this) ?? new Map<string, string>();
  byField.set(part.fieldname, name);
  names.set(this, byField);
}

/** The name of the file uploaded in `field`, as the browser sent it (untrusted text: shown escaped, never a path). */
export function uploadNameOf(request: FastifyRequest, field: string): string | undefined {
  return names.get(request)?.get(field);
}
