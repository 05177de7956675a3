import { and, asc, eq } from "drizzle-orm";
import { rejectReason } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { type Actor, isNational, type VerbCtx } from "../lib/actor.ts";
import { AppError, notFound } from "../lib/errors.ts";
import { parseInput } from "../organiser/organiser.schemas.ts";
import { writeAudit } from "./audit.ts";
import { RejectReasonInput, RowNumber } from "./moderation.schemas.ts";

export type RejectReason = { id: number; textDe: string; textEn: string };

/** The standard reasons a reviewer may choose when rejecting, oldest first. */
export async function listActiveReasons(db: DbOrTx): Promise<RejectReason[]> {
  return db
    .select({ id: rejectReason.id, textDe: rejectReason.textDe, textEn: rejectReason.textEn })
    .from(rejectReason)
    .where(eq(rejectReason.active, true))
    .orderBy(asc(rejectReason.id));
}

/** Editors and admins keep the list; for anyone else the page does not exist. */
export function requireReasonEditor(actor: Actor | null): Actor {
  if (!actor) throw new AppError("unauthenticated", "Please log in");
  if (!isNational(actor)) throw notFound("Not found");
  return actor;
}

/** Adds a standard reason (German and English) with its audit row, in one transaction. */
export async function addRejectReason({ ctx, input }: { ctx: VerbCtx; input: unknown }): Promise<{ id: number }> {
  const actor = requireReasonEditor(ctx.actor);
  const { textDe, textEn } = parseInput(RejectReasonInput, input);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(rejectReason).values({ textDe, textEn }).returning({ id: rejectReason.id });
    if (!row) throw new Error("no reason inserted");
    await writeAudit(tx, actor, {
      action: "reject_reason.add",
      objectType: "reject_reason",
      objectId: row.id,
      stateCode: null,
      summary: `Standardgrund hinzugefügt: ${textDe}`,
      after: { textDe, textEn, active: true },
    });
    return row;
  });
}

/**
 * Stops offering a reason (active = false). The row stays: decisions that used it keep pointing to it.
 * An unknown or already retired reason is 404.
 */
export async function retireRejectReason({ ctx, input }: { ctx: VerbCtx; input: { id: unknown } }): Promise<void> {
  const actor = requireReasonEditor(ctx.actor);
  const parsed = RowNumber.safeParse(input.id);
  if (!parsed.success) throw notFound("Reason not found");
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(rejectReason)
      .set({ active: false })
      .where(and(eq(rejectReason.id, parsed.data), eq(rejectReason.active, true)))
      .returning();
    if (!row) throw notFound("Reason not found");
    await writeAudit(tx, actor, {
      action: "reject_reason.retire",
      objectType: "reject_reason",
      objectId: row.id,
      stateCode: null,
      summary: `Standardgrund nicht mehr angeboten: ${row.textDe}`,
      before: { active: true },
      after: { active: false },
    });
  });
}
