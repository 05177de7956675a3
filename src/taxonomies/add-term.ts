import { sql } from "drizzle-orm";
import { requireNational } from "../coordination/coordination-access.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { writeAudit } from "../moderation/audit.ts";
import { slugify } from "../organiser/organisation-fields.ts";
import { parseInput } from "../organiser/organiser.schemas.ts";
import { TermInput } from "./taxonomies.schemas.ts";
import { type TermKind, termKinds } from "./term-kinds.ts";

/**
 * Adds a technology field or target group (editors, admins), last in the order, with its audit row.
 * Its code (used in filter URLs and the API) comes from the German label and never changes.
 */
export async function addTerm({ ctx, input }: { ctx: VerbCtx; input: { kind: TermKind; values: unknown } }): Promise<{ code: string }> {
  const actor = requireNational(ctx.actor);
  const { nameDe, nameEn } = parseInput(TermInput, input.values);
  const { table } = termKinds[input.kind];
  const base = slugify(nameDe).slice(0, 36).replace(/-+$/, "") || "feld";
  return ctx.db.transaction(async (tx) => {
    const taken = new Set((await tx.select({ code: table.code }).from(table)).map((r) => r.code));
    let code = base;
    for (let n = 2; taken.has(code); n++) code = `${base}-${n}`;
    await tx.insert(table).values({ code, nameDe, nameEn, sort: sql`(select coalesce(max(sort), -1) + 1 from ${table})` });
    await writeAudit(tx, actor, {
      action: "taxonomy.add",
      objectType: "taxonomy_term",
      objectId: `${input.kind}:${code}`,
      stateCode: null,
      summary: `${termKinds[input.kind].label} hinzugefügt: ${nameDe}`,
      after: { code, nameDe, nameEn, active: true },
    });
    return { code };
  });
}
