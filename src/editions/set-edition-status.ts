import { eq } from "drizzle-orm";
import { edition } from "../db/schema/index.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { AppError } from "../lib/errors.ts";
import { writeAudit } from "../moderation/audit.ts";
import { loadEditionByYear, requireEditionEditor, staleEdition } from "./edition-access.ts";
import type { Edition } from "./edition-queries.ts";
import { type EditionStatus, editionStatuses, statusTransitions } from "./edition-rules.ts";

/**
 * Moves an edition to another status along statusTransitions (planning → open → running → archived, and
 * the steps back); any other move is 409. Stale version → 409. Status and audit row in one transaction.
 */
export async function setEditionStatus({
  ctx,
  input,
}: {
  ctx: VerbCtx;
  input: { year: unknown; status: unknown; version: unknown };
}): Promise<Edition> {
  const actor = requireEditionEditor(ctx.actor);
  await loadEditionByYear(ctx.db, input.year);
  const to = editionStatuses.find((s) => s === input.status);
  if (!to) throw new AppError("validation", "Unknown status", { status: "choose" });
  return ctx.db.transaction(async (tx) => {
    const before = await loadEditionByYear(tx, input.year, true);
    if (Number(input.version) !== before.version) throw staleEdition();
    if (!allowed(before.status, to))
      throw new AppError("conflict", `An edition cannot go from ${before.status} to ${to}.`, { status: "transition" });
    const [row] = await tx
      .update(edition)
      .set({ status: to, version: before.version + 1, updatedAt: new Date() })
      .where(eq(edition.id, before.id))
      .returning();
    if (!row) throw staleEdition();
    await writeAudit(tx, actor, {
      action: "edition.status",
      objectType: "edition",
      objectId: before.year,
      stateCode: null,
      summary: `Ausgabe ${before.year}: Status ${before.status} → ${to}`,
      before: { status: before.status },
      after: { status: to },
    });
    return row;
  });
}

const allowed = (from: EditionStatus, to: EditionStatus) => statusTransitions[from].includes(to);
