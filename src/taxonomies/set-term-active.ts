import { and, eq } from "drizzle-orm";
import { requireNational } from "../coordination/coordination-access.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { notFound } from "../lib/errors.ts";
import { writeAudit } from "../moderation/audit.ts";
import { TermCode } from "./taxonomies.schemas.ts";
import { type TermKind, termKinds } from "./term-kinds.ts";

/**
 * Retires a term (active = false: no longer offered in forms, filters and the import template; events
 * and organisations keep it and pages still name it) or brings it back (editors, admins). A term that
 * is unknown or already in that state is 404.
 */
export async function setTermActive({
  ctx,
  input,
}: {
  ctx: VerbCtx;
  input: { kind: TermKind; code: unknown; active: boolean };
}): Promise<void> {
  const actor = requireNational(ctx.actor);
  const code = TermCode.safeParse(input.code);
  if (!code.success) throw notFound("Term not found");
  const { table, label } = termKinds[input.kind];
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(table)
      .set({ active: input.active })
      .where(and(eq(table.code, code.data), eq(table.active, !input.active)))
      .returning();
    if (!row) throw notFound("Term not found");
    await writeAudit(tx, actor, {
      action: input.active ? "taxonomy.reactivate" : "taxonomy.retire",
      objectType: "taxonomy_term",
      objectId: `${input.kind}:${row.code}`,
      stateCode: null,
      summary: `${label} ${row.nameDe} ${input.active ? "wieder angeboten" : "nicht mehr angeboten"}`,
      before: { active: !input.active },
      after: { active: input.active },
    });
  });
}
