import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { importPlan } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";
import type { CellProblem } from "./sheet-events.ts";

/** How long a preview can be confirmed. */
export const PLAN_LIFETIME_MS = 24 * 60 * 60 * 1000;

export type PlanAction = "new" | "changed" | "unchanged" | "faulty";
export type PlanChange = { field: string; old: string; new: string };

/** One event of the sheet in the preview: what it reads as, what importing will do, and why not if faulty. */
export type PlanEntry = {
  reference: string;
  rows: number[];
  title: string;
  dates: string;
  action: PlanAction;
  /** The event a re-import updates, at the version the preview compared against. */
  eventId: number | null;
  version: number | null;
  /** The complete form input the confirm step saves (the stored event overlaid with the sheet's columns). */
  input: Record<string, unknown> | null;
  changes: PlanChange[];
  problems: CellProblem[];
};

export type SheetProblem = { code: string; params?: Record<string, string>; severity: "error" | "warning" };
export type PlanCounts = Record<PlanAction, number>;
export type PlanBody = {
  sheetProblems: SheetProblem[];
  /** The file's header for each column key it has, to name columns as the user's sheet does. */
  headers: Record<string, string>;
  entries: PlanEntry[];
  counts: PlanCounts;
};

export type StoredPlan = typeof importPlan.$inferSelect & { body: PlanBody };

export function countsOf(entries: readonly PlanEntry[]): PlanCounts {
  const counts: PlanCounts = { new: 0, changed: 0, unchanged: 0, faulty: 0 };
  for (const e of entries) counts[e.action]++;
  return counts;
}

/** Whether a plan has nothing that stops confirming (sheet-level errors do; faulty rows are left out). */
export const planIsConfirmable = (body: PlanBody): boolean =>
  !body.sheetProblems.some((p) => p.severity === "error") && body.counts.new + body.counts.changed > 0;

/** Stores a preview server-side; returns its unguessable id. */
export async function storePlan(
  db: DbOrTx,
  values: {
    organisationId: number;
    editionId: number;
    /** Null for the command line (the system acts). */
    userId: number | null;
    fileName: string;
    importAs: "submitted" | "draft";
    body: PlanBody;
    now: Date;
  },
): Promise<string> {
  const id = randomBytes(16).toString("hex");
  const { now, ...rest } = values;
  await db.insert(importPlan).values({ ...rest, id, createdAt: now, expiresAt: new Date(now.getTime() + PLAN_LIFETIME_MS) });
  return id;
}

const isPlanBody = (value: unknown): value is PlanBody =>
  typeof value === "object" &&
  value !== null &&
  Array.isArray(Reflect.get(value, "entries")) &&
  Array.isArray(Reflect.get(value, "sheetProblems"));

/** A stored preview by id (no access check: callers check the organisation). */
export async function findPlan(db: DbOrTx, id: string, lock = false): Promise<StoredPlan | undefined> {
  if (!/^[a-f0-9]{32}$/.test(id)) return undefined;
  const query = db.select().from(importPlan).where(eq(importPlan.id, id));
  const [row] = lock ? await query.for("update") : await query;
  if (!row || !isPlanBody(row.body)) return undefined;
  return { ...row, body: row.body };
}
