import { eq } from "drizzle-orm";
import { requireNational } from "../coordination/coordination-access.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { notFound } from "../lib/errors.ts";
import { writeAudit } from "../moderation/audit.ts";
import { parseInput } from "../organiser/organiser.schemas.ts";
import { TermCode, TermInput } from "./taxonomies.schemas.ts";
import { type TermKind, termKinds } from "./term-kinds.ts";

/**
 * Changes a term's German and English labels (editors, admins), e.g. a typo; the code stays, so filter
 * links and what events carry are unchanged, and every page shows the new label. Unknown → 404.
 */
export async function renameTerm({
  ctx,
  input,
}: {
  ctx: VerbCtx;
  input: { kind: TermKind; code: unknown; values: unknown };
}): Promise<void> {
  const actor = requireNational(ctx.actor);
  const code = TermCode.safeParse(input.code);
  if (!code.success) throw notFound("Term not found");
  const { nameDe, nameEn } = parseInput(TermInput, input.values);
  const { table, label } = termKinds[input.kind];
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(table).where(eq(table.code, code.data)).for("update");
    if (!before) throw notFound("Term not found");
    await tx.update(table).set({ nameDe, nameEn }).where(eq(table.code, before.code));
    await writeAudit(tx, actor, {
      action: "taxonomy.rename",
      objectType: "taxonomy_term",
      objectId: `${input.kind}:${before.code}`,
      stateCode: null,
      summary: `${label} umbenannt: ${before.nameDe} → ${nameDe}`,
      before: { nameDe: before.nameDe, nameEn: before.nameEn },
      after: { nameDe, nameEn },
    });
  });
}
