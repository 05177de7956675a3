import { eq } from "drizzle-orm";
import { requireNational } from "../coordination/coordination-access.ts";
import { pressContact } from "../db/schema/index.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { notFound } from "../lib/errors.ts";
import { writeAudit } from "../moderation/audit.ts";

/** Removes a press contact (editors, admins; unknown → 404), with its audit row. */
export async function removePressContact({ ctx, input }: { ctx: VerbCtx; input: { id: number } }): Promise<void> {
  const actor = requireNational(ctx.actor);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.delete(pressContact).where(eq(pressContact.id, input.id)).returning();
    if (!row) throw notFound("Press contact not found");
    await writeAudit(tx, actor, {
      action: "press_contact.remove",
      objectType: "press_contact",
      objectId: row.id,
      stateCode: null,
      summary: `Pressekontakt ${row.name} entfernt`,
      before: { name: row.name, organisation: row.organisation, email: row.email, phone: row.phone },
    });
  });
}
