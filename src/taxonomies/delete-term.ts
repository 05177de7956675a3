import { eq } from "drizzle-orm";
import { requireNational } from "../coordination/coordination-access.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { AppError, notFound } from "../lib/errors.ts";
import { writeAudit } from "../moderation/audit.ts";
import { TermCode } from "./taxonomies.schemas.ts";
import { type TermKind, termKinds, termUsage } from "./term-kinds.ts";

/**
 * Deletes a term nothing uses (editors, admins), e.g. one added by mistake. A term on any event or
 * organisation is never deleted (409: retire it instead); unknown is 404.
 */
export async function deleteTerm({ ctx, input }: { ctx: VerbCtx; input: { kind: TermKind; code: unknown } }): Promise<void> {
  const actor = requireNational(ctx.actor);
  const code = TermCode.safeParse(input.code);
  if (!code.success) throw notFound("Term not found");
  const { table, label } = termKinds[input.kind];
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(table).where(eq(table.code, code.data)).for("update");
    if (!row) throw notFound("Term not found");
    const used = await termUsage(tx, input.kind, row.code);
    if (used.events + used.organisations > 0) throw new AppError("conflict", "The term is in use");
    await tx.delete(table).where(eq(table.code, row.code));
    await writeAudit(tx, actor, {
      action: "taxonomy.delete",
      objectType: "taxonomy_term",
      objectId: `${input.kind}:${row.code}`,
      stateCode: null,
      summary: `${label} gelöscht (nie verwendet): ${row.nameDe}`,
      before: { code: row.code, nameDe: row.nameDe, nameEn: row.nameEn, active: row.active },
    });
  });
}
