import { eq } from "drizzle-orm";
import { edition } from "../db/schema/index.ts";
import { requireActor } from "../event-form/event-access.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { notFound } from "../lib/errors.ts";
import { type ImportOrganisation, loadImportOrganisation } from "./import-access.ts";
import { findPlan, type StoredPlan } from "./import-plan.ts";

export type ImportPlanView = { plan: StoredPlan; organisation: ImportOrganisation; year: number };

/** A stored preview with its organisation and edition year, if the actor may import for that organisation; else 404. */
export async function getImportPlan({ ctx, input }: { ctx: VerbCtx; input: { id: string } }): Promise<ImportPlanView> {
  const actor = requireActor(ctx.actor);
  const plan = await findPlan(ctx.db, input.id);
  if (!plan) throw notFound("Import not found");
  const organisation = await loadImportOrganisation(ctx.db, actor, plan.organisationId);
  const [ed] = await ctx.db.select({ year: edition.year }).from(edition).where(eq(edition.id, plan.editionId));
  return { plan, organisation, year: ed?.year ?? 0 };
}
