import type { DbOrTx } from "../../events/event-record.ts";
import { mediaKitStep } from "../../media-kit/copy-media-kit.ts";
import { pagesStep } from "../../pages/copy-pages.ts";
import type { Edition } from "../edition-queries.ts";
import { stateIntrosStep } from "./copy-state-intros.ts";
import { taxonomiesStep } from "./taxonomies-step.ts";

/** Text in both site languages. */
export type RolloverLabel = { de: string; en: string };

/** What one step will copy (preview) or did copy (after the rollover): a count and a few names to show. */
export type RolloverStepResult = { count: number; examples: string[] };

/**
 * One thing the rollover carries from the last edition into the new one. `preview` only reads; `copy`
 * runs inside the rollover's one transaction, after the new edition row exists, and must not write
 * anything twice for the same `to` edition (the rollover runs once per new year, but keep it safe).
 */
export type RolloverStep = {
  /** Stable key, also the audit detail's field name. */
  key: string;
  label: RolloverLabel;
  preview: (input: { db: DbOrTx; from: Edition }) => Promise<RolloverStepResult>;
  copy: (input: { tx: DbOrTx; from: Edition; to: Edition; shiftDays: number; now: Date }) => Promise<RolloverStepResult>;
};

/**
 * The copy steps of the rollover, in order. Features that keep per-edition data (pages, media kit…)
 * add their step here: one import and one entry. Invitations and the prefilled drafts are not steps:
 * they run after the copy (see roll-over-edition.ts).
 */
export const rolloverSteps: readonly RolloverStep[] = [taxonomiesStep, stateIntrosStep, pagesStep, mediaKitStep];
