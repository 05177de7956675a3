import { eq } from "drizzle-orm";
import { edition } from "../db/schema/index.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { writeAudit } from "../moderation/audit.ts";
import type { FileStore } from "../storage/file-store.ts";
import { parseEditionForm } from "./edition.schemas.ts";
import { loadEditionByYear, requireEditionEditor, staleEdition } from "./edition-access.ts";
import type { Edition } from "./edition-queries.ts";
import { checkProgrammeEvents, editionColumns, patronsWithPortraits } from "./edition-values.ts";

/** The names of the columns whose values differ, and both sides of them (dates as ISO text). */
export function changedColumns(before: Record<string, unknown>, after: Record<string, unknown>) {
  const plain = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
  const old: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (JSON.stringify(plain(before[key]) ?? null) === JSON.stringify(plain(value) ?? null)) continue;
    old[key] = plain(before[key]) ?? null;
    now[key] = plain(value) ?? null;
  }
  return { fields: Object.keys(now), before: old, after: now };
}

/**
 * Saves every field of an edition (German and English, window, moderation, greeting, patrons with
 * portraits, contacts, opening and closing events of its programme). A form of an older version is
 * 409; the change and its audit row are one transaction.
 */
export async function updateEdition({
  ctx,
  input,
}: {
  ctx: VerbCtx;
  input: { year: unknown; version: unknown; form: Record<string, unknown>; store: FileStore };
}): Promise<Edition> {
  const actor = requireEditionEditor(ctx.actor);
  const current = await loadEditionByYear(ctx.db, input.year);
  const parsed = parseEditionForm(input.form);
  if (Number(input.version) !== current.version) throw staleEdition();
  await checkProgrammeEvents(ctx.db, current.id, parsed);
  const patrons = await patronsWithPortraits(input.store, input.form, parsed);
  return ctx.db.transaction(async (tx) => {
    const before = await loadEditionByYear(tx, current.year, true);
    if (before.version !== current.version) throw staleEdition();
    const values = {
      ...editionColumns(parsed, patrons),
      openingEventId: parsed.fields.openingEventId,
      closingEventId: parsed.fields.closingEventId,
    };
    const [row] = await tx
      .update(edition)
      .set({ ...values, version: before.version + 1, updatedAt: new Date() })
      .where(eq(edition.id, before.id))
      .returning();
    if (!row) throw staleEdition();
    const diff = changedColumns(before, values);
    await writeAudit(tx, actor, {
      action: "edition.update",
      objectType: "edition",
      objectId: before.year,
      stateCode: null,
      summary: `Ausgabe ${before.year} geändert: ${diff.fields.join(", ") || "keine Änderung"}`,
      before: diff.before,
      after: diff.after,
    });
    return row;
  });
}
