import { berlinDay } from "../events/event-dates.ts";
import { BLANK_ROWS, contactFields, hiddenRowFields, MAX_ROWS, patronFields } from "./edition.schemas.ts";
import type { Edition } from "./edition-queries.ts";

export type FormValues = Record<string, unknown>;

/** An edition as the values of its form (window as Berlin days, rows as `patrons.N.field`). */
export function formValuesOf(e: Edition): FormValues {
  const values: FormValues = {
    year: String(e.year),
    titleDe: e.titleDe,
    titleEn: e.titleEn,
    mottoDe: e.mottoDe,
    mottoEn: e.mottoEn,
    hashtag: e.hashtag,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    submissionOpensOn: e.submissionOpensAt ? berlinDay(e.submissionOpensAt) : "",
    submissionClosesOn: e.submissionClosesAt ? berlinDay(e.submissionClosesAt) : "",
    moderation: e.moderation,
    reviewTargetDays: String(e.reviewTargetDays),
    greetingDe: e.greetingDe,
    greetingEn: e.greetingEn,
    openingEventId: e.openingEventId ? String(e.openingEventId) : "",
    closingEventId: e.closingEventId ? String(e.closingEventId) : "",
    version: String(e.version),
  };
  e.patrons.forEach((p, i) => {
    for (const f of patronFields) if (f !== "removePortrait") values[`patrons.${i}.${f}`] = p[f] ?? "";
  });
  e.contacts.forEach((c, i) => {
    for (const f of contactFields) values[`contacts.${i}.${f}`] = c[f] ?? "";
  });
  return values;
}

/**
 * The row indexes the form shows: every filled row posted or stored, then blank ones up to BLANK_ROWS
 * (never more than MAX_ROWS in all). Blank rows posted back (after a preview or a refusal) are not
 * "filled": counting them made the form grow by two rows each round, past the multipart file limit.
 */
export function rowIndexes(values: FormValues, prefix: string): number[] {
  const used = new Set<number>();
  for (const [key, value] of Object.entries(values)) {
    const m = new RegExp(`^${prefix}\\.(\\d{1,2})\\.(\\w+)$`).exec(key);
    if (!m) continue;
    if (!hiddenRowFields.has(m[2] ?? "") && typeof value === "string" && value.trim() !== "") used.add(Number(m[1]));
  }
  const filled = [...used].sort((a, b) => a - b);
  const next = filled.length ? Math.max(...filled) + 1 : 0;
  const blanks = Math.max(0, Math.min(BLANK_ROWS, MAX_ROWS - filled.length));
  return [...filled, ...Array.from({ length: blanks }, (_, i) => next + i)];
}

/** Defaults of the create form: a week in April of the next year, one tier, five days' review target. */
export function newEditionValues(year: number): FormValues {
  return { year: String(year), moderation: "one_tier", reviewTargetDays: "5", startsOn: `${year}-04-06`, endsOn: `${year}-04-15` };
}
