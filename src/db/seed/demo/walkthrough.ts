import type { OrgDraft } from "./organisations.ts";
import type { PlannedEvent } from "./planned-event.ts";
import type { Rng } from "./random.ts";
import { markUnpublished } from "./statuses.ts";

/**
 * The organisation of the demo organiser account (demo-users.ts): the last Baden-Württemberg cluster
 * initiative of the list — far from the lowest ids, which the tests' personas take.
 */
export function walkthroughOrganisation(orgs: OrgDraft[]): OrgDraft {
  const bw = orgs.filter((o) => o.stateCode === "BW" && o.kind === "cluster_initiative");
  const org = bw.at(-1);
  if (!org) throw new Error("no demo cluster initiative in BW");
  return org;
}

/**
 * Gives the demo organiser's organisation work to show in the walk-through (issue 13.1): a draft to
 * submit and an event with changes requested, besides its published ones. Its generated events are
 * used; if it has fewer than three, nothing changes.
 */
export function prepareWalkthrough(rng: Rng, orgs: OrgDraft[], events: PlannedEvent[], window: { opensAt: Date; closesAt: Date }): void {
  const org = walkthroughOrganisation(orgs);
  const own = events.filter((e) => e.org.slug === org.slug && !e.pinned && !e.booth && e.values.status === "published");
  if (own.length < 3) return;
  const [draft, changes] = own;
  if (draft) markUnpublished(rng, draft, "draft", window);
  if (changes) markUnpublished(rng, changes, "changes_requested", window);
}
