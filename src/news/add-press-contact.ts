import { sql } from "drizzle-orm";
import { requireNational } from "../coordination/coordination-access.ts";
import { pressContact } from "../db/schema/index.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { writeAudit } from "../moderation/audit.ts";
import { parseInput } from "../organiser/organiser.schemas.ts";
import { PressContactInput } from "./news.schemas.ts";
import { editionIdOfYear } from "./news-access.ts";

/** Adds a press contact to an edition (editors, admins), last in its order, with its audit row. */
export async function addPressContact({ ctx, input }: { ctx: VerbCtx; input: unknown }): Promise<{ id: number }> {
  const actor = requireNational(ctx.actor);
  const { edition: year, ...values } = parseInput(PressContactInput, input);
  return ctx.db.transaction(async (tx) => {
    const editionId = await editionIdOfYear(tx, year);
    const [row] = await tx
      .insert(pressContact)
      .values({
        editionId,
        ...values,
        position: sql`(select coalesce(max(position), 0) + 1 from press_contact where edition_id = ${editionId})`,
      })
      .returning({ id: pressContact.id });
    if (!row) throw new Error("no press contact inserted");
    await writeAudit(tx, actor, {
      action: "press_contact.add",
      objectType: "press_contact",
      objectId: row.id,
      stateCode: null,
      summary: `Pressekontakt ${values.name} (${year}) hinzugefügt`,
      after: { year, ...values },
    });
    return row;
  });
}
