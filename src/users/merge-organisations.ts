import { eq, sql } from "drizzle-orm";
import { organisation } from "../db/schema/index.ts";
import { type DbOrTx, refreshSearchExtra } from "../events/event-record.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { AppError, conflict, validationFailed } from "../lib/errors.ts";
import { writeAudit } from "../moderation/audit.ts";
import { findOrganisation, type OrganisationRow } from "./organisation-admin.ts";
import { type Footprint, organisationFootprint, organisationReferences } from "./organisation-footprint.ts";
import { requireUserAdmin } from "./users-access.ts";

export type MergePreview = { source: OrganisationRow; target: OrganisationRow; moves: Footprint };

/** The two organisations of a merge: the duplicate (`id`, removed) and the one kept (`target`: id or slug). */
async function pair(db: DbOrTx, input: { id: unknown; target: unknown }, lock: boolean) {
  const source = await findOrganisation(db, input.id, lock);
  const target = await findOrganisation(db, input.target, lock).catch((error: unknown) => {
    throw error instanceof AppError && error.code === "not_found" ? validationFailed({ target: "unknownOrganisation" }) : error;
  });
  if (source.id === target.id) throw validationFailed({ target: "sameOrganisation" });
  return { source, target };
}

/** What a merge would move (shown before it is confirmed); editors and admins only (others 404). */
export async function previewMerge({ ctx, input }: { ctx: VerbCtx; input: { id: unknown; target: unknown } }): Promise<MergePreview> {
  requireUserAdmin(ctx.actor);
  const { source, target } = await pair(ctx.db, input, false);
  return { source, target, moves: await organisationFootprint(ctx.db, source.id) };
}

/** Text fields the kept organisation takes over from the duplicate where it has none. */
const fillIn = [
  "shortName",
  "website",
  "logoUrl",
  "descriptionDe",
  "descriptionEn",
  "contactName",
  "contactEmail",
  "contactPhone",
] as const;

/**
 * Merges a duplicate into the organisation kept, in one transaction: its events (their history and review
 * decisions go with them), members (owner wins where someone is in both), trade-fair presences, invitations
 * and every other row referencing it move; co-organiser mentions are rewritten; empty profile fields are filled
 * from the duplicate, topics and labels united; then the duplicate is deleted. An import reference
 * (external_ref) both use in the same edition is dropped from the moved event. The audit row keeps the duplicate as it was and the counts.
 * `expected` (the preview's counts) must still hold, else 409: what is confirmed is what was shown.
 */
export async function mergeOrganisations({
  ctx,
  input,
}: {
  ctx: VerbCtx;
  input: { id: unknown; target: unknown; expected?: unknown };
}): Promise<{ targetId: number; moved: Footprint }> {
  const actor = requireUserAdmin(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const { source, target } = await pair(tx, input, true);
    const moved = await organisationFootprint(tx, source.id);
    if (input.expected !== undefined && input.expected !== fingerprint(moved)) throw conflict("Changed since the preview");
    const from = source.id;
    const to = target.id;
    await tx.execute(sql`update event e set external_ref = null
      where e.organisation_id = ${from} and exists (select from event k
        where k.organisation_id = ${to} and k.edition_id = e.edition_id and k.external_ref = e.external_ref)`);
    await tx.execute(sql`insert into membership (user_id, organisation_id, role, created_at)
      select user_id, ${to}, role, created_at from membership where organisation_id = ${from}
      on conflict (user_id, organisation_id) do update
        set role = case when membership.role = 'owner' or excluded.role = 'owner' then 'owner'::membership_role else 'member'::membership_role end`);
    await tx.execute(sql`delete from membership where organisation_id = ${from}`);
    for (const ref of await organisationReferences(tx)) {
      if (ref.table === "membership") continue;
      await tx.execute(
        sql`update ${sql.identifier(ref.table)} set ${sql.identifier(ref.column)} = ${to} where ${sql.identifier(ref.column)} = ${from}`,
      );
    }
    await tx.execute(sql`update event set co_organisers = (
        select jsonb_agg(case when (c->>'organisationId')::int = ${from} then jsonb_set(c, '{organisationId}', to_jsonb(${to}::int)) else c end)
        from jsonb_array_elements(co_organisers) c)
      where co_organisers @> ${JSON.stringify([{ organisationId: from }])}::jsonb`);
    const filled = Object.fromEntries(fillIn.filter((k) => !target[k] && source[k]).map((k) => [k, source[k]]));
    await tx
      .update(organisation)
      .set({
        ...filled,
        topics: [...new Set([...target.topics, ...source.topics])],
        labels: [...new Set([...target.labels, ...source.labels])],
        updatedAt: sql`now()`,
      })
      .where(eq(organisation.id, to));
    await tx.delete(organisation).where(eq(organisation.id, from));
    await refreshSearchExtra(tx, to);
    await writeAudit(tx, actor, {
      action: "organisation.merge",
      objectType: "organisation",
      objectId: to,
      stateCode: target.stateCode,
      summary: `${source.name} (${source.slug}, Nr. ${from}) in ${target.name} (${target.slug}) zusammengeführt: ${describe(moved)}`,
      before: { removed: source },
      after: { moved, filled: Object.keys(filled) },
    });
    return { targetId: to, moved };
  });
}

/** A short, stable text of the counts, sent with the confirmation and compared before merging. */
export const fingerprint = (f: Footprint): string =>
  [...Object.entries(f.rows).map(([k, n]) => `${k}=${n}`), `co=${f.coOrganiserMentions}`].join(";");

const describe = (f: Footprint): string =>
  Object.entries(f.rows)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .concat(f.coOrganiserMentions ? [`co_organisers ${f.coOrganiserMentions}`] : [])
    .join(", ") || "nichts";
