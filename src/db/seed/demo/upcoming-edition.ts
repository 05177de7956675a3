import { nextAprilStart, shiftDay, shiftEditionDates } from "../../../editions/shift-edition.ts";
import { shiftBerlinDays } from "../../../event-form/duplicate-event.ts";
import type { Anchor } from "./anchors.ts";
import { anchors2019 } from "./anchors-2019.ts";
import { type EditionDraft, edition2019 } from "./editions.ts";
import type { EditionPlan } from "./plan-edition.ts";
import { plan2019Shape } from "./plan-edition.ts";
import { dayRange } from "./text.ts";

const day = 86_400_000;
/** How long before "today" the upcoming edition's window opened at the latest: room for the ≈200 entries already in. */
const windowRunningFor = 56 * day;

export type UpcomingEdition = { draft: EditionDraft; plan: EditionPlan; shiftDays: number };

const yearIn = (text: string, year: number) => text.replaceAll("2019", String(year));

/**
 * The edition the demo is about: the next April week after `now`, built from the 2019 frame by the
 * rollover's date shifting (editions/shift-edition.ts), open for submissions. The window keeps its
 * shifted close but opens at least eight weeks before `now` (so the programme already in could have
 * been entered) and closes no earlier than a day after `now` (so the demo can always be walked).
 */
export function upcomingEdition(now: Date): UpcomingEdition {
  const startsOn = nextAprilStart(edition2019.startsOn, now);
  const year = Number(startsOn.slice(0, 4));
  const shifted = shiftEditionDates(edition2019, startsOn);
  const { shiftDays } = shifted;
  const opensAt = new Date(Math.min(shifted.submissionOpensAt?.getTime() ?? 0, now.getTime() - windowRunningFor));
  const closesAt = new Date(Math.max(shifted.submissionClosesAt?.getTime() ?? 0, now.getTime() + day));
  const draft: EditionDraft = {
    ...edition2019,
    year,
    titleDe: yearIn(edition2019.titleDe, year),
    titleEn: yearIn(edition2019.titleEn ?? "", year),
    hashtag: yearIn(edition2019.hashtag ?? "", year),
    startsOn: shifted.startsOn,
    endsOn: shifted.endsOn,
    submissionOpensAt: opensAt,
    submissionClosesAt: closesAt,
    status: "open",
    greetingDe: yearIn(edition2019.greetingDe ?? "", year),
    greetingEn: yearIn(edition2019.greetingEn ?? "", year),
    createdAt: new Date(opensAt.getTime() - 30 * day),
    updatedAt: opensAt,
  };
  const plan: EditionPlan = {
    ...plan2019Shape,
    year,
    seed: year,
    firstDay: draft.startsOn,
    lastDay: draft.endsOn,
    // A little more than 2019: ≈ 200 counted events once the drafts and submissions are set aside.
    perState: { ...plan2019Shape.perState, BW: 62, BY: 19, NW: 18, NI: 13, SN: 12, HE: 10, BE: 10, TH: 7, RP: 6, BB: 5 },
    submission: { opensAt, closesAt: now },
    anchors: anchors2019.map((a) => shiftAnchor(a, shiftDays, year)),
    booths: {
      count: 40,
      fairDays: dayRange(
        shiftDay(plan2019Shape.booths.fairDays[0] ?? "", shiftDays),
        shiftDay(plan2019Shape.booths.fairDays.at(-1) ?? "", shiftDays),
      ),
    },
    statuses: { cancelled: 4, submitted: 14, draft: 8, changes_requested: 4 },
    now,
  };
  return { draft, plan, shiftDays };
}

/** A 2019 hand-written event moved into the new week: sessions by whole Berlin days, "2019" in texts → the year. */
function shiftAnchor(anchor: Anchor, shiftDays: number, year: number): Anchor {
  return {
    ...anchor,
    title: [yearIn(anchor.title[0], year), yearIn(anchor.title[1], year)],
    ...(anchor.summary ? { summary: { de: yearIn(anchor.summary.de, year), en: yearIn(anchor.summary.en, year) } } : {}),
    sessions: anchor.sessions.map((s) => ({
      ...s,
      startsAt: shiftBerlinDays(s.startsAt, shiftDays),
      endsAt: shiftBerlinDays(s.endsAt, shiftDays),
    })),
  };
}
