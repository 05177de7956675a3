import { eq } from "drizzle-orm";
import { organisation } from "../db/schema/index.ts";
import { refreshSearchExtra } from "../events/event-record.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { loadOwnOrganisation } from "./organisation-access.ts";
import { checkOrganisationReferences } from "./organisation-fields.ts";
import { OrganisationInput, parseInput } from "./organiser.schemas.ts";

/**
 * A member edits the organisation's profile. A new name or short name is written into the
 * searchable text of all the organisation's events, so the programme search finds them by it.
 */
export async function updateOrganisationProfile({
  ctx,
  input,
}: {
  ctx: VerbCtx;
  input: { organisationId: number; values: unknown };
}): Promise<{ renamed: boolean }> {
  const { org } = await loadOwnOrganisation(ctx.db, ctx.actor, input.organisationId);
  const values = parseInput(OrganisationInput, input.values);
  await checkOrganisationReferences(ctx.db, values, org.topics);
  const renamed = values.name !== org.name || values.shortName !== org.shortName;
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(organisation)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(organisation.id, org.id));
    if (renamed) await refreshSearchExtra(tx, org.id);
  });
  return { renamed };
}
