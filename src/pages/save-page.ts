import { and, eq, sql } from "drizzle-orm";
import { requireNational } from "../coordination/coordination-access.ts";
import { page, pageRevision } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";
import type { Actor, VerbCtx } from "../lib/actor.ts";
import { conflict, notFound } from "../lib/errors.ts";
import { writeAudit } from "../moderation/audit.ts";
import { parseInput } from "../organiser/organiser.schemas.ts";
import type { PageRow } from "./page-queries.ts";
import { isFixedPage, PageInput, VersionField } from "./pages.schemas.ts";

/** The content a revision and the audit row record. */
export type PageContent = Pick<PageRow, "titleDe" | "titleEn" | "bodyDe" | "bodyEn" | "published">;

const contentOf = (row: PageContent): PageContent => ({
  titleDe: row.titleDe,
  titleEn: row.titleEn,
  bodyDe: row.bodyDe,
  bodyEn: row.bodyEn,
  published: row.published,
});

/** A page for editing (editors and admins; anyone else 404), locked inside a transaction when asked. */
export async function loadEditablePage(db: DbOrTx, actor: Actor | null, id: number, lock = false): Promise<PageRow> {
  requireNational(actor);
  const query = db.select().from(page).where(eq(page.id, id));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound("Page not found");
  return row;
}

/**
 * Writes a page's new content as the next version: the page row, a page_revision row and an audit
 * row (before → after) in one transaction. `expectedVersion` is the version the editor started from:
 * another save in between is a conflict (409), never silently overwritten.
 */
export async function writePageVersion(
  tx: DbOrTx,
  actor: Actor,
  before: PageRow,
  content: PageContent,
  { restoredFrom = null, action = "page.update" }: { restoredFrom?: number | null; action?: string } = {},
): Promise<number> {
  const version = before.version + 1;
  // Fixed pages (legal pages, "about") are always public.
  const next = { ...contentOf(content), published: isFixedPage(before.slug) ? true : content.published };
  const [updated] = await tx
    .update(page)
    .set({ ...next, version, demo: false, updatedAt: sql`now()` })
    .where(and(eq(page.id, before.id), eq(page.version, before.version)))
    .returning({ id: page.id });
  if (!updated) throw conflict("The page was saved by someone else in the meantime");
  await tx
    .insert(pageRevision)
    .values({ pageId: before.id, version, ...next, savedById: actor.userId, savedByName: actor.name, restoredFrom });
  await writeAudit(tx, actor, {
    action,
    objectType: "page",
    objectId: before.slug,
    stateCode: null,
    summary:
      restoredFrom === null
        ? `Seite ${before.slug} gespeichert (Version ${version})`
        : `Seite ${before.slug}: Version ${restoredFrom} wiederhergestellt (als Version ${version})`,
    before: contentOf(before),
    after: next,
  });
  return version;
}

/** Saves an editor's changes to a page (version check → 409), with its revision and audit row. */
export async function savePage({ ctx, input }: { ctx: VerbCtx; input: { id: number; version: unknown; values: unknown } }) {
  const actor = requireNational(ctx.actor);
  const content = parseInput(PageInput, input.values);
  const expected = VersionField.safeParse(input.version);
  return ctx.db.transaction(async (tx) => {
    const before = await loadEditablePage(tx, actor, input.id, true);
    if (!expected.success || expected.data !== before.version) throw conflict("The page was saved by someone else in the meantime");
    return { version: await writePageVersion(tx, actor, before, content) };
  });
}
