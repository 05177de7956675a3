import { asc, eq } from "drizzle-orm";
import { requireNational } from "../coordination/coordination-access.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { notFound } from "../lib/errors.ts";
import { writeAudit } from "../moderation/audit.ts";
import { MoveDirection, TermCode } from "./taxonomies.schemas.ts";
import { type TermKind, termKinds } from "./term-kinds.ts";

/**
 * Moves a term one place up or down (editors, admins); the whole order is renumbered 0…n so ties left
 * by earlier data cannot make a move do nothing. At either end nothing changes and nothing is logged.
 */
export async function moveTerm({
  ctx,
  input,
}: {
  ctx: VerbCtx;
  input: { kind: TermKind; code: unknown; direction: unknown };
}): Promise<void> {
  const actor = requireNational(ctx.actor);
  const code = TermCode.safeParse(input.code);
  const direction = MoveDirection.safeParse(input.direction);
  if (!code.success || !direction.success) throw notFound("Term not found");
  const { table, label } = termKinds[input.kind];
  await ctx.db.transaction(async (tx) => {
    // Locks the taxonomy's rows, so two moves at once renumber one after the other.
    const order = await tx
      .select({ code: table.code, nameDe: table.nameDe })
      .from(table)
      .orderBy(asc(table.sort), asc(table.code))
      .for("update");
    const from = order.findIndex((t) => t.code === code.data);
    const term = order[from];
    if (!term) throw notFound("Term not found");
    const to = direction.data === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= order.length) return;
    order.splice(from, 1);
    order.splice(to, 0, term);
    for (const [sort, t] of order.entries()) await tx.update(table).set({ sort }).where(eq(table.code, t.code));
    await writeAudit(tx, actor, {
      action: "taxonomy.move",
      objectType: "taxonomy_term",
      objectId: `${input.kind}:${term.code}`,
      stateCode: null,
      summary: `${label} ${term.nameDe} von Platz ${from + 1} auf Platz ${to + 1}`,
      before: { position: from + 1 },
      after: { position: to + 1 },
    });
  });
}
