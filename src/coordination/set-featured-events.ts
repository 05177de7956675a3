import { and, eq } from "drizzle-orm";
import { featuredEvent } from "../db/schema/index.ts";
import type { Edition } from "../editions/edition-queries.ts";
import type { Actor, VerbCtx } from "../lib/actor.ts";
import { notFound, validationFailed } from "../lib/errors.ts";
import { writeAudit } from "../moderation/audit.ts";
import { currentEdition } from "../organiser/current-edition.ts";
import { parseInput } from "../organiser/organiser.schemas.ts";
import { FeaturedInput } from "./coordination.schemas.ts";
import { type CoordinatedState, loadCoordinatedState, requireNational } from "./coordination-access.ts";
import { type FeaturableEvent, type FeaturedScope, listFeaturableEvents } from "./featured-events.ts";

export type FeaturedChoice = {
  actor: Actor;
  land: CoordinatedState | null;
  scope: FeaturedScope;
  edition: Edition;
  events: FeaturableEvent[];
};

/** Who chooses for a scope: "home" editors and admins; a Land its coordinators (and editors); else 404. */
export async function loadFeaturedChoice({ ctx, input }: { ctx: VerbCtx; input: { scope: unknown } }): Promise<FeaturedChoice> {
  const home = input.scope === "home";
  const { actor, land } = home
    ? { actor: requireNational(ctx.actor), land: null }
    : await loadCoordinatedState(ctx.db, ctx.actor, input.scope);
  const edition = await currentEdition(ctx.db);
  if (!edition) throw notFound("No edition");
  const scope = land ? land.code : "home";
  return { actor, land, scope, edition, events: await listFeaturableEvents(ctx.db, edition.id, scope) };
}

/**
 * Replaces a scope's featured events of the current edition with the chosen published events of that scope
 * (at most MAX_FEATURED; any other id refuses the whole choice), with an audit row, in one transaction.
 */
export async function setFeaturedEvents({
  ctx,
  input,
}: {
  ctx: VerbCtx;
  input: { scope: unknown; values: unknown };
}): Promise<{ count: number }> {
  const choice = await loadFeaturedChoice({ ctx, input });
  const { eventIds } = parseInput(FeaturedInput, input.values);
  const allowed = new Map(choice.events.map((e) => [e.id, e]));
  if (eventIds.some((id) => !allowed.has(id))) throw validationFailed({ eventIds: "notFeaturable" });
  const before = choice.events.filter((e) => e.featured).map((e) => e.id);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(featuredEvent).where(and(eq(featuredEvent.editionId, choice.edition.id), eq(featuredEvent.scope, choice.scope)));
    if (eventIds.length) {
      await tx
        .insert(featuredEvent)
        .values(eventIds.map((eventId, position) => ({ editionId: choice.edition.id, scope: choice.scope, eventId, position })));
    }
    const titles = eventIds.map((id) => allowed.get(id)?.titleDe ?? String(id));
    await writeAudit(tx, choice.actor, {
      action: "featured.update",
      objectType: "featured",
      objectId: `${choice.edition.year}:${choice.scope}`,
      stateCode: choice.land?.code ?? null,
      summary: `Hervorgehoben (${choice.scope === "home" ? "Startseite" : choice.scope}, ${choice.edition.year}): ${titles.join("; ") || "keine"}`,
      before,
      after: eventIds,
    });
  });
  return { count: eventIds.length };
}
