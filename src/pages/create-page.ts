import { eq } from "drizzle-orm";
import { requireNational } from "../coordination/coordination-access.ts";
import { edition, page, pageRevision } from "../db/schema/index.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { validationFailed } from "../lib/errors.ts";
import { writeAudit } from "../moderation/audit.ts";
import { parseInput } from "../organiser/organiser.schemas.ts";
import { NewPageInput } from "./pages.schemas.ts";

/** Creates a free page (global or one edition's) as version 1, with its revision and audit row. */
export async function createPage({ ctx, input }: { ctx: VerbCtx; input: unknown }): Promise<{ id: number; slug: string }> {
  const actor = requireNational(ctx.actor);
  const { slug, edition: year, ...content } = parseInput(NewPageInput, input);
  return ctx.db.transaction(async (tx) => {
    let editionId: number | null = null;
    if (year !== null) {
      const [ed] = await tx.select({ id: edition.id }).from(edition).where(eq(edition.year, year));
      if (!ed) throw validationFailed({ edition: "choose" });
      editionId = ed.id;
    }
    const [row] = await tx
      .insert(page)
      .values({ slug, editionId, ...content })
      .onConflictDoNothing()
      .returning({ id: page.id, slug: page.slug });
    if (!row) throw validationFailed({ slug: "slugTaken" });
    await tx.insert(pageRevision).values({ pageId: row.id, version: 1, ...content, savedById: actor.userId, savedByName: actor.name });
    await writeAudit(tx, actor, {
      action: "page.create",
      objectType: "page",
      objectId: slug,
      stateCode: null,
      summary: `Seite ${slug} angelegt${year === null ? "" : ` (Ausgabe ${year})`}${content.published ? ", veröffentlicht" : ", Entwurf"}`,
      after: { slug, year, ...content },
    });
    return row;
  });
}
