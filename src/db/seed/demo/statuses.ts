import type { PlannedEvent } from "./planned-event.ts";
import type { Rng } from "./random.ts";

export type StatusPlan = { cancelled: number; submitted: number; draft: number; changes_requested: number };
/** `now`: the seeding's today for an edition still ahead; nothing it plans happened after it. */
type Window = { opensAt: Date; closesAt: Date; now?: Date };

const day = 86_400_000;
/** Keeps the strong Länder strong among the published events. */
const maxDemotedPerState = 4;

/**
 * Gives every event its status and its timestamps, derived from the submission window and its own
 * dates (never from the clock). A few events are cancelled or still in review; the hand-written and
 * booth events stay published, no Land, format or mode loses its last two
 * published events, and no Land more than four.
 */
export function assignStatuses(rng: Rng, events: PlannedEvent[], plan: StatusPlan, window: Window): void {
  for (const event of events) markPublished(rng, event, window);
  const published = new Map<string, number>();
  const keys = (e: PlannedEvent) => [`s:${e.values.stateCode}`, `f:${e.values.formatCode}`, `m:${e.values.mode}`];
  for (const e of events) for (const k of keys(e)) published.set(k, (published.get(k) ?? 0) + 1);

  const wanted = [
    ...Array<"cancelled">(plan.cancelled).fill("cancelled"),
    ...Array<"submitted">(plan.submitted).fill("submitted"),
    ...Array<"draft">(plan.draft).fill("draft"),
    ...Array<"changes_requested">(plan.changes_requested).fill("changes_requested"),
  ];
  const demotedPerState = new Map<string, number>();
  const candidates = rng.shuffle(events.filter((e) => !e.pinned && !e.booth));
  for (const event of candidates) {
    const status = wanted[0];
    if (!status) break;
    if (keys(event).some((k) => (published.get(k) ?? 0) <= 2)) continue;
    if ((demotedPerState.get(event.values.stateCode) ?? 0) >= maxDemotedPerState) continue;
    demotedPerState.set(event.values.stateCode, (demotedPerState.get(event.values.stateCode) ?? 0) + 1);
    for (const k of keys(event)) published.set(k, (published.get(k) ?? 0) - 1);
    wanted.shift();
    if (status === "cancelled") markCancelled(rng, event, window);
    else markUnpublished(rng, event, status, window);
  }
}

/** A time between 08:00 and 17:59 (UTC) on the day of the given instant, in whole minutes. */
function officeHours(rng: Rng, instant: number): number {
  return Math.floor(instant / day) * day + rng.int(8 * 60, 18 * 60 - 1) * 60_000;
}

function firstStart(event: PlannedEvent): number {
  return Math.min(...event.sessions.map((s) => s.startsAt.getTime()));
}

function markPublished(rng: Rng, event: PlannedEvent, { opensAt, closesAt, now }: Window): void {
  const windowDays = Math.floor((closesAt.getTime() - opensAt.getTime()) / day) - 5;
  const created = officeHours(rng, opensAt.getTime() + rng.int(0, windowDays) * day);
  const latest = now ? now.getTime() - 2 * day : Number.POSITIVE_INFINITY;
  const published = Math.max(created, Math.min(officeHours(rng, created + rng.int(2, 20) * day), firstStart(event) - 3 * day, latest));
  const edits = rng.chance(0.15) ? rng.int(1, 3) : 0;
  // An edition still ahead: no change after today.
  const sequence = now ? Math.min(edits, Math.max(0, Math.floor((now.getTime() - published) / (2 * day)))) : edits;
  event.values = {
    ...event.values,
    status: "published",
    createdAt: new Date(created),
    publishedAt: new Date(published),
    updatedAt: new Date(published + sequence * 2 * day),
    sequence,
    version: 1 + sequence,
  };
}

/** Why demo events were cancelled (chosen by title, not by the random stream, so the rest of the plan stays as it was). */
const cancelReasons = [
  "Die Referentin ist kurzfristig erkrankt. Ein neuer Termin wird im Herbst angeboten.",
  "Zu wenige Anmeldungen – wir laden im nächsten Jahr erneut ein.",
  "Der Veranstaltungsort steht wegen Bauarbeiten nicht zur Verfügung.",
  "Die Veranstaltung geht in der Fachtagung unseres Netzwerks am selben Tag auf.",
];

function markCancelled(rng: Rng, event: PlannedEvent, { now }: Window): void {
  const publishedAt = event.values.publishedAt ?? new Date(firstStart(event) - 20 * day);
  const planned = Math.max(firstStart(event) - rng.int(1, 8) * day, publishedAt.getTime() + day);
  const cancelled = now ? Math.min(planned, now.getTime() - 3_600_000) : planned;
  const sequence = (event.values.sequence ?? 0) + 1;
  event.values = {
    ...event.values,
    status: "cancelled",
    cancelledAt: new Date(cancelled),
    cancelReason: cancelReasons[event.values.titleDe.length % cancelReasons.length] ?? null,
    updatedAt: new Date(cancelled),
    sequence,
    version: sequence + 1,
  };
}

type Waiting = "submitted" | "draft" | "changes_requested";

export function markUnpublished(rng: Rng, event: PlannedEvent, status: Waiting, window: Window): void {
  const created = officeHours(rng, window.closesAt.getTime() - rng.int(5, 40) * day);
  event.values = {
    ...event.values,
    status,
    createdAt: new Date(created),
    updatedAt: new Date(created + rng.int(1, 4) * day),
    publishedAt: null,
    sequence: 0,
    version: status === "draft" ? 1 : 2,
  };
}
