import { and, eq } from "drizzle-orm";
import { requireNational } from "../coordination/coordination-access.ts";
import { pageRevision } from "../db/schema/index.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { conflict, notFound } from "../lib/errors.ts";
import { VersionField } from "./pages.schemas.ts";
import { loadEditablePage, writePageVersion } from "./save-page.ts";

/**
 * Makes an earlier version of a page current again, as a new version (history is never rewritten),
 * with its revision and audit row. `expectedVersion` as for saving: a save in between is 409.
 */
export async function restorePageRevision({
  ctx,
  input,
}: {
  ctx: VerbCtx;
  input: { id: number; revision: unknown; version: unknown };
}): Promise<{ version: number }> {
  const actor = requireNational(ctx.actor);
  const revision = VersionField.safeParse(input.revision);
  const expected = VersionField.safeParse(input.version);
  return ctx.db.transaction(async (tx) => {
    const before = await loadEditablePage(tx, actor, input.id, true);
    if (!revision.success) throw notFound("Revision not found");
    const [old] = await tx
      .select()
      .from(pageRevision)
      .where(and(eq(pageRevision.pageId, before.id), eq(pageRevision.version, revision.data)));
    if (!old) throw notFound("Revision not found");
    if (!expected.success || expected.data !== before.version) throw conflict("The page was saved by someone else in the meantime");
    const version = await writePageVersion(tx, actor, before, old, { restoredFrom: old.version, action: "page.restore" });
    return { version };
  });
}
