import type { EventData, EventInput } from "../event-form/event-form.schemas.ts";
import type { PlanChange } from "./import-plan.ts";

// Code lists whose order carries no meaning (as in event-history.ts).
const sets = new Set(["topics", "targetGroups", "languages", "partnerCountries"]);
const nested = new Set(["venue", "accessibility"]);

const comparable = (field: string, value: unknown) =>
  JSON.stringify(sets.has(field) && Array.isArray(value) ? [...value].sort() : (value ?? null));

const shown = (value: unknown): string => {
  if (value === null || value === undefined || value === "") return "–";
  if (typeof value === "boolean") return value ? "ja" : "nein";
  if (Array.isArray(value))
    return (
      value.map((v) => (typeof v === "object" && v !== null ? Object.values(v).filter(Boolean).join(" ") : String(v))).join(", ") || "–"
    );
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
};

/** The fields whose validated values differ (venue and accessibility by their parts), old → new, shown as text. */
export function changedFields(before: EventData, after: EventData): PlanChange[] {
  const changes: PlanChange[] = [];
  for (const [key, b] of Object.entries(after)) {
    const a: unknown = Reflect.get(before, key);
    if (nested.has(key) && a && b && typeof a === "object" && typeof b === "object") {
      for (const [sub, value] of Object.entries(b)) {
        const old = Reflect.get(a, sub);
        if (comparable(sub, old) !== comparable(sub, value)) changes.push({ field: `${key}.${sub}`, old: shown(old), new: shown(value) });
      }
    } else if (comparable(key, a) !== comparable(key, b)) changes.push({ field: key, old: shown(a), new: shown(b) });
  }
  return changes;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The form input a row stands for: the stored event's input (or nothing for a new one) overlaid with
 * the columns the sheet has; the sheet's dates replace the stored ones when it has any.
 */
export function overlayInput(
  base: EventInput | null,
  sheet: Record<string, unknown>,
  sessions: EventInput["sessions"],
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...(base ?? {}), ...sheet };
  for (const key of nested) {
    const from = base ? Reflect.get(base, key) : undefined;
    const over = sheet[key];
    if (isRecord(over)) merged[key] = { ...(isRecord(from) ? from : {}), ...over };
  }
  if (sessions.length || !base) merged.sessions = sessions;
  return merged;
}
