import type { EventCheck } from "../db/schema/index.ts";
import type { EventRow } from "../event-form/event-access.ts";
import type { EventData, EventInput, SessionInput } from "../event-form/event-form.schemas.ts";
import { parseEventInput } from "../event-form/event-values.ts";
import { AppError } from "../lib/errors.ts";
import { importColumns } from "./import-columns.ts";
import type { CellProblem, SheetEvent } from "./sheet-events.ts";

/** A sheet event checked by the event form's validation: its data if valid, and every problem at its cell. */
export type Validated = {
  sheet: SheetEvent;
  stored: EventRow | undefined;
  version: number | null;
  base: EventData | null;
  data: EventData | null;
  input: Record<string, unknown>;
  title: string;
  problems: CellProblem[];
};

const columnKeys = new Set(importColumns.map((c) => c.key));
const listFields = ["links", "partnerCountries", "coOrganisers", "topics", "targetGroups", "languages"];

/** The cell a validation path ("sessions.1.endTime", "venue.city", "links.0.url") belongs to. */
function cellOfPath(sheet: SheetEvent, path: string): { row: number; column: string } {
  const first = sheet.rows[0] ?? 0;
  const session = /^sessions\.(\d+)\.(\w+)$/.exec(path);
  if (session) {
    const source = sheet.sessionSources[Number(session[1])];
    const column = source?.column === "moreDates" ? "moreDates" : /^end/.test(session[2] ?? "") ? "end" : "start";
    return { row: source?.row ?? first, column };
  }
  if (path === "sessions") return { row: first, column: "start" };
  const list = listFields.find((f) => path.startsWith(`${f}.`));
  if (list) return { row: first, column: list };
  return { row: first, column: columnKeys.has(path) ? path : "_" };
}

const parsed = (input: unknown): { data: EventData } | { fields: Record<string, string> } => {
  try {
    return { data: parseEventInput(input) };
  } catch (error) {
    if (error instanceof AppError && error.code === "validation") return { fields: error.fields };
    throw error;
  }
};

/** Validates one sheet event (its input overlaid on the stored event's) with the form's schema. */
export function validateEntry(args: {
  sheet: SheetEvent;
  problems: CellProblem[];
  base: EventInput | null;
  stored: EventRow | undefined;
  version: number | null;
  merged: Record<string, unknown>;
}): Validated {
  const { sheet } = args;
  const problems = [...args.problems];
  const result = parsed(args.merged);
  const data = "data" in result ? result.data : null;
  if ("fields" in result)
    for (const [path, code] of Object.entries(result.fields)) {
      const cell = cellOfPath(sheet, path);
      // A cell already reported (an unreadable date, an unknown value) is not reported twice.
      if (!problems.some((p) => p.row === cell.row && p.column === cell.column)) problems.push({ ...cell, code, severity: "error" });
    }
  const baseResult = args.base ? parsed(args.base) : undefined;
  const title = typeof args.merged.titleDe === "string" ? args.merged.titleDe : "";
  return {
    sheet,
    stored: args.stored,
    version: args.version,
    base: baseResult && "data" in baseResult ? baseResult.data : null,
    data,
    input: args.merged,
    title,
    problems,
  };
}

const checkColumn: Record<string, string> = {
  endBeforeStart: "end",
  outsideEdition: "start",
  onlineWithoutUrl: "onlineUrl",
  postalCodeState: "venue.postalCode",
  postalCodeInvalid: "venue.postalCode",
};

/** Plausibility findings as problems at the cell they are about. */
export function problemsOfValidation(v: Validated, checks: EventCheck[]): CellProblem[] {
  return checks.map((c) => ({
    row: v.sheet.rows[0] ?? 0,
    column: checkColumn[c.code] ?? "_",
    code: `check.${c.code}`,
    params: c.params,
    severity: c.severity,
  }));
}

const german = (day: string) => day.split("-").reverse().join(".");

/** The dates of a row for the preview: the first one, and how many more. */
export function rowDates(sessions: readonly SessionInput[]): string {
  const first = sessions[0];
  if (!first) return "";
  const end = first.endDate && first.endDate !== first.startDate ? ` – ${german(first.endDate)}` : "";
  const times = first.allDay ? "" : ` ${first.startTime}–${first.endTime}`;
  return `${german(first.startDate)}${end}${times}${sessions.length > 1 ? ` (+${sessions.length - 1})` : ""}`;
}
