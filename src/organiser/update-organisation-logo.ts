import { eq } from "drizzle-orm";
import { organisation } from "../db/schema/index.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { validationFailed } from "../lib/errors.ts";
import { ImageRejected, storeImage } from "../media/store-image.ts";
import type { FileStore } from "../storage/file-store.ts";
import { loadOwnOrganisation } from "./organisation-access.ts";

const rejectionKeys = { empty: "imageEmpty", size: "imageSize", type: "imageType", pixels: "imagePixels", broken: "imageBroken" } as const;

/**
 * A member uploads the organisation's logo: checked by content, re-encoded without metadata by
 * storeImage, then set on the profile. Refused files answer a validation error at the `logo` field.
 */
export async function updateOrganisationLogo({
  ctx,
  input,
}: {
  ctx: VerbCtx;
  input: { organisationId: number; file: unknown; store: FileStore };
}): Promise<{ logoUrl: string }> {
  const { org } = await loadOwnOrganisation(ctx.db, ctx.actor, input.organisationId);
  if (!Buffer.isBuffer(input.file)) throw validationFailed({ logo: "imageEmpty" });
  let stored: Awaited<ReturnType<typeof storeImage>>;
  try {
    stored = await storeImage(input.store, input.file);
  } catch (error) {
    if (error instanceof ImageRejected) throw validationFailed({ logo: rejectionKeys[error.reason] });
    throw error;
  }
  await ctx.db.transaction(async (tx) => {
    await tx.update(organisation).set({ logoUrl: stored.path, updatedAt: new Date() }).where(eq(organisation.id, org.id));
  });
  return { logoUrl: stored.path };
}
