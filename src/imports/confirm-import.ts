import { eq } from "drizzle-orm";
import type { Progress } from "../backup/backup-progress.ts";
import { importPlan } from "../db/schema/index.ts";
import { requireActor } from "../event-form/event-access.ts";
import { submitEvent } from "../event-form/submit-event.ts";
import { updateEvent } from "../event-form/update-event.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { AppError, notFound } from "../lib/errors.ts";
import { writeAudit } from "../moderation/audit.ts";
import { loadImportOrganisation } from "./import-access.ts";
import { findPlan, planIsConfirmable, type StoredPlan } from "./import-plan.ts";
import { insertNewEvents } from "./insert-new-events.ts";

export type ImportResult = { created: number; updated: number; unchanged: number; faulty: number };

const uniqueViolation = (error: unknown): boolean => {
  const code = (e: unknown) => (typeof e === "object" && e !== null ? Reflect.get(e, "code") : undefined);
  return code(error) === "23505" || code(error instanceof Error ? error.cause : undefined) === "23505";
};

/**
 * Imports a preview's valid rows in one transaction: new rows become drafts with the organiser's
 * reference (then submitted, unless drafts were chosen; insertNewEvents, batched), changed rows update
 * their event (a published event's changes go to review as a revision), unchanged rows are not touched.
 * A preview is confirmed at most once; if any event changed since the preview, nothing is saved.
 */
export async function confirmImport({
  ctx,
  input,
}: {
  ctx: VerbCtx;
  input: { planId: string; now?: Date; progress?: (total: number) => Progress };
}): Promise<ImportResult> {
  const actor = requireActor(ctx.actor);
  const now = input.now ?? new Date();
  const plan = await findPlan(ctx.db, input.planId);
  if (!plan) throw notFound("Import not found");
  await loadImportOrganisation(ctx.db, actor, plan.organisationId);
  try {
    return await ctx.db.transaction(async (tx) => {
      const locked = await findPlan(tx, input.planId, true);
      if (locked?.status !== "pending")
        throw new AppError("conflict", "This import has already been confirmed.", { plan: "alreadyConfirmed" });
      if (locked.expiresAt < now) throw new AppError("conflict", "This preview has expired.", { plan: "expired" });
      if (!planIsConfirmable(locked.body)) throw new AppError("conflict", "There is nothing to import.", { plan: "confirmNone" });
      const verbCtx: VerbCtx = { db: tx, actor };
      const result = await importEntries(verbCtx, locked, input.progress);
      await tx.update(importPlan).set({ status: "confirmed", confirmedAt: now, result }).where(eq(importPlan.id, locked.id));
      await writeAudit(tx, actor, {
        action: "import.confirm",
        objectType: "organisation",
        objectId: locked.organisationId,
        stateCode: (await loadImportOrganisation(tx, actor, locked.organisationId)).stateCode,
        summary: `${locked.fileName}: ${result.created} new, ${result.updated} updated, ${result.unchanged} unchanged, ${result.faulty} faulty`,
        after: result,
      });
      return result;
    });
  } catch (error) {
    if (uniqueViolation(error) || (error instanceof AppError && error.code === "conflict" && error.fields.version === "stale"))
      throw new AppError("conflict", "An event changed since the preview; nothing was saved.", { plan: "stale" });
    throw error;
  }
}

async function importEntries(ctx: VerbCtx, plan: StoredPlan, showProgress?: (total: number) => Progress): Promise<ImportResult> {
  const actor = requireActor(ctx.actor);
  const result: ImportResult = { created: 0, updated: 0, unchanged: plan.body.counts.unchanged, faulty: plan.body.counts.faulty };
  const submit = plan.importAs === "submitted";
  const progress = showProgress?.(plan.body.counts.new + plan.body.counts.changed);
  // New rows in a few multi-row statements (a 10,000-row sheet would take minutes row by row); the same checks as the form.
  const created = plan.body.entries.flatMap((e) => (e.action === "new" && e.input ? [{ reference: e.reference, input: e.input }] : []));
  await loadImportOrganisation(ctx.db, actor, plan.organisationId);
  const target = { organisationId: plan.organisationId, editionId: plan.editionId, submit };
  result.created = (await insertNewEvents(ctx.db, actor, target, created, (n) => progress?.advance(n, "saved"))).length;
  // Changed rows through the form's verbs: each update's review rules (a published event's revision) apply as they are.
  for (const entry of plan.body.entries) {
    if (entry.action === "changed" && entry.input && entry.eventId && entry.version) {
      const saved = await updateEvent({ ctx, input: { id: entry.eventId, version: entry.version, event: entry.input } });
      if (submit && (saved.status === "draft" || saved.status === "changes_requested"))
        await submitEvent({ ctx, input: { id: entry.eventId, version: saved.version } });
      result.updated++;
      progress?.advance(1, "saved");
    }
  }
  progress?.done();
  return result;
}
