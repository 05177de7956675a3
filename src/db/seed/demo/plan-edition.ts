import type { StateCode } from "../reference-data.ts";
import { type Anchor, anchors2017, planAnchor } from "./anchors.ts";
import { anchors2019 } from "./anchors-2019.ts";
import type { OrgDraft } from "./organisations.ts";
import { type BoothPlan, planBooths } from "./plan-booths.ts";
import { planGeneratedEvents } from "./plan-events.ts";
import type { PlannedEvent } from "./planned-event.ts";
import { createRng } from "./random.ts";
import { planReviewTrails } from "./review-trail.ts";
import { assignStatuses, type StatusPlan } from "./statuses.ts";
import { dayRange } from "./text.ts";
import { prepareWalkthrough } from "./walkthrough.ts";

export type EditionPlan = {
  year: number;
  seed: number;
  firstDay: string;
  lastDay: string;
  submission: { opensAt: Date; closesAt: Date };
  /** Events per Land (and abroad), hand-written ones included; trade-fair booths come on top. */
  perState: Partial<Record<StateCode | "international", number>>;
  anchors: Anchor[];
  booths: Omit<BoothPlan, "year" | "editionStart" | "editionEnd">;
  statuses: StatusPlan;
  englishShare: number;
  /** An edition still ahead: the seeding's today, after which nothing it plans happened. */
  now?: Date;
};

/** 2019: 159 events + 38 booths = 197, close to the real week's 196; Baden-Württemberg strongest. */
export const plan2019Shape = {
  perState: {
    BW: 56,
    BY: 16,
    NW: 15,
    NI: 11,
    SN: 10,
    HE: 8,
    BE: 8,
    TH: 6,
    RP: 5,
    BB: 4,
    SH: 4,
    ST: 4,
    MV: 3,
    HH: 3,
    HB: 2,
    SL: 2,
    international: 2,
  },
  anchors: anchors2019,
  booths: { count: 38, fairDays: dayRange("2019-04-01", "2019-04-05") },
  statuses: { cancelled: 5, submitted: 6, draft: 4, changes_requested: 2 },
  englishShare: 0.28,
} satisfies Partial<EditionPlan>;

/** 2017: 142 events in 15 Länder (none in Bremen) + 31 booths = 173, all published, two cancelled. */
export const plan2017Shape = {
  perState: { BW: 40, BY: 17, NW: 15, NI: 12, SN: 10, HE: 8, BE: 8, TH: 6, RP: 5, BB: 5, SH: 4, ST: 4, MV: 3, HH: 3, SL: 2 },
  anchors: anchors2017,
  booths: { count: 31, fairDays: dayRange("2017-04-24", "2017-04-28") },
  statuses: { cancelled: 2, submitted: 0, draft: 0, changes_requested: 0 },
  englishShare: 0.2,
} satisfies Partial<EditionPlan>;

/** Every event of one edition, hand-written first, then generated, then the booths. */
export function planEdition(orgs: OrgDraft[], plan: EditionPlan): PlannedEvent[] {
  const rng = createRng(plan.seed);
  const anchors = plan.anchors.map((a) => planAnchor(rng, orgs, a));
  const counts: Partial<Record<StateCode, number>> = {};
  for (const [state, n] of Object.entries(plan.perState) as [StateCode | "international", number][]) {
    if (state === "international") continue;
    counts[state] = n - anchors.filter((a) => a.values.stateCode === state).length;
  }
  const generated = planGeneratedEvents(rng, orgs, {
    year: plan.year,
    days: dayRange(plan.firstDay, plan.lastDay),
    counts,
    englishShare: plan.englishShare,
    takenTitles: new Set(anchors.map((a) => a.values.titleDe)),
  });
  const booths = planBooths(rng, orgs, {
    ...plan.booths,
    year: plan.year,
    editionStart: plan.firstDay,
    editionEnd: plan.lastDay,
  });
  const events = [...anchors, ...generated, ...booths];
  assignStatuses(rng, events, plan.statuses, plan.now ? { ...plan.submission, now: plan.now } : plan.submission);
  if (plan.now) {
    prepareWalkthrough(rng, orgs, events, plan.submission);
    planReviewTrails(rng, events, plan.now);
  }
  return events;
}
