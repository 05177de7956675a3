import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Progress } from "../backup/backup-progress.ts";
import { edition, event } from "../db/schema/index.ts";
import { submissionWindowState } from "../event-form/edition-for-new-events.ts";
import { requireActor } from "../event-form/event-access.ts";
import type { EventData } from "../event-form/event-form.schemas.ts";
import { formFromEvent, inputFromForm } from "../event-form/event-form-data.ts";
import { sessionTimes } from "../event-form/event-values.ts";
import { loadWorkingCopy } from "../event-form/get-managed-event.ts";
import { likelyDuplicatesOfMany, plausibilityOf } from "../event-form/plausibility-checks.ts";
import { berlinDay } from "../events/event-dates.ts";
import { storedUserId, type VerbCtx } from "../lib/actor.ts";
import { validationFailed } from "../lib/errors.ts";
import { organisationIsActive } from "../organiser/organisation-is-active.ts";
import { changedFields, overlayInput } from "./compare-input.ts";
import { loadImportOrganisation } from "./import-access.ts";
import { countsOf, type PlanBody, type PlanEntry, type SheetProblem, storePlan } from "./import-plan.ts";
import { loadVocabulary } from "./import-vocabulary.ts";
import { readSheet } from "./read-sheet.ts";
import { eventsOfSheet, matchColumns } from "./sheet-events.ts";
import { problemsOfValidation, rowDates, type Validated, validateEntry } from "./validate-entry.ts";

export type PlanImportInput = {
  organisationId: number;
  year: number;
  file: Buffer;
  fileName: string;
  importAs: "submitted" | "draft";
  now?: Date;
  /** A progress display for the rows' checks (the CLI's bar), given their count. */
  progress?: (total: number) => Progress;
};

/**
 * Reads a spreadsheet into a preview and stores it (nothing else is written): every row's values, its
 * problems by row and column (the event form's validation), plausibility and duplicate findings, and
 * what confirming would do — new, changed (with the changes), unchanged or faulty.
 */
export async function planImport({ ctx, input }: { ctx: VerbCtx; input: PlanImportInput }) {
  const actor = requireActor(ctx.actor);
  const now = input.now ?? new Date();
  const preview = await previewImport({ ctx, input: { ...input, now } });
  const id = await storePlan(ctx.db, {
    organisationId: preview.organisation.id,
    editionId: preview.editionId,
    userId: storedUserId(actor),
    fileName: input.fileName.slice(0, 200),
    importAs: input.importAs,
    body: preview.body,
    now,
  });
  return { id, ...preview };
}

/**
 * The preview of planImport without storing it (the CLI's dry run and its refusal when a row is faulty):
 * the same reading and validation, so web and command line judge a sheet alike.
 */
export async function previewImport({ ctx, input }: { ctx: VerbCtx; input: Omit<PlanImportInput, "fileName"> }) {
  const actor = requireActor(ctx.actor);
  const org = await loadImportOrganisation(ctx.db, actor, input.organisationId);
  const [ed] = Number.isInteger(input.year) ? await ctx.db.select().from(edition).where(eq(edition.year, input.year)) : [];
  if (!ed) throw validationFailed({ edition: "unknownEdition" });
  if (ed.status === "archived") throw validationFailed({ edition: "archived" });
  const now = input.now ?? new Date();
  const sheet = await readSheet(input.file);
  const columns = matchColumns(sheet.headers);
  const vocab = await loadVocabulary(ctx.db);
  const sheetEvents = eventsOfSheet(sheet, columns, vocab);
  const sheetProblems: SheetProblem[] = [
    ...columns.missing.map((c) => ({ code: "missingColumn", params: { column: c.de }, severity: "error" as const })),
    ...columns.unknown.map((column) => ({ code: "unknownColumn", params: { column }, severity: "warning" as const })),
  ];
  if (input.importAs === "submitted") {
    if (submissionWindowState(ed, now) !== "open") sheetProblems.push({ code: "windowClosed", severity: "error" });
    else if (!(await organisationIsActive(ctx.db, org.id))) sheetProblems.push({ code: "organisationPending", severity: "error" });
  }
  const refs = sheetEvents.map((e) => e.reference).filter(Boolean);
  const existing = refs.length
    ? await ctx.db
        .select()
        .from(event)
        .where(
          and(eq(event.organisationId, org.id), eq(event.editionId, ed.id), isNull(event.revisionOf), inArray(event.externalRef, refs)),
        )
    : [];
  const byRef = new Map(existing.map((e) => [e.externalRef ?? "", e]));
  const validated: Validated[] = [];
  const progress = input.progress?.(sheetEvents.length);
  for (const sheetEvent of sheetEvents) {
    progress?.advance(1, "checked");
    const stored = byRef.get(sheetEvent.reference);
    const problems = [...sheetEvent.problems];
    if (stored && (stored.status === "cancelled" || stored.status === "rejected"))
      problems.push({
        row: sheetEvent.rows[0] ?? 0,
        column: "reference",
        code: "notEditable",
        params: { status: stored.status },
        severity: "error",
      });
    const working = stored ? await loadWorkingCopy(ctx.db, stored) : undefined;
    const base = working ? inputFromForm(formFromEvent(working)) : null;
    const merged = overlayInput(base, sheetEvent.input, sheetEvent.sessions);
    validated.push(validateEntry({ sheet: sheetEvent, problems, base, stored, version: working?.event.version ?? null, merged }));
  }
  progress?.done();
  await addFindings(ctx, org.id, ed, validated);
  const entries = validated.map((v) => entryOf(v));
  const body: PlanBody = { sheetProblems, headers: headersOf(sheet.headers, columns.byKey), entries, counts: countsOf(entries) };
  return { organisation: org, editionId: ed.id, year: ed.year, body };
}

function headersOf(headers: string[], byKey: Map<string, number>): Record<string, string> {
  return Object.fromEntries([...byKey].map(([key, i]) => [key, headers[i] ?? key]));
}

/** Plausibility findings (the form's checks, without saving) and likely duplicates: in the organisation's events and within the sheet. */
async function addFindings(ctx: VerbCtx, organisationId: number, ed: typeof edition.$inferSelect, validated: Validated[]) {
  const candidates: { key: number; title: string; days: string[]; exceptId: number }[] = [];
  const firstRowOf = new Map<string, number>();
  validated.forEach((v, key) => {
    if (!v.data) return;
    const data: EventData = v.data;
    const sessions = data.sessions.map(sessionTimes);
    const checks = plausibilityOf({
      sessions,
      edition: ed,
      mode: data.mode,
      onlineUrl: data.onlineUrl,
      venue: data.mode === "online" && !data.venue.name ? null : data.venue,
    });
    v.problems.push(...problemsOfValidation(v, checks));
    const days = [...new Set(sessions.map((s) => berlinDay(s.startsAt)))];
    candidates.push({ key, title: data.titleDe, days, exceptId: v.stored?.id ?? 0 });
    const twinKey = `${data.titleDe.toLowerCase()}|${days[0]}`;
    const twin = firstRowOf.get(twinKey);
    if (twin !== undefined)
      v.problems.push({
        row: v.sheet.rows[0] ?? 0,
        column: "titleDe",
        code: "duplicateInSheet",
        params: { row: String(twin) },
        severity: "warning",
      });
    else firstRowOf.set(twinKey, v.sheet.rows[0] ?? 0);
  });
  const twins = await likelyDuplicatesOfMany(ctx.db, organisationId, candidates);
  for (const [key, found] of twins) {
    const v = validated[key];
    if (!v) continue;
    for (const t of found)
      v.problems.push({
        row: v.sheet.rows[0] ?? 0,
        column: "titleDe",
        code: "check.likelyDuplicate",
        params: { id: String(t.id), title: t.title },
        severity: "warning",
      });
  }
}

function entryOf(v: Validated): PlanEntry {
  const faulty = !v.data || v.problems.some((p) => p.severity === "error");
  const changes = !faulty && v.base && v.data ? changedFields(v.base, v.data) : [];
  const action = faulty ? "faulty" : !v.stored ? "new" : changes.length ? "changed" : "unchanged";
  return {
    reference: v.sheet.reference,
    rows: v.sheet.rows,
    title: v.title,
    dates: rowDates(v.sheet.sessions),
    action,
    eventId: v.stored?.id ?? null,
    version: v.version,
    input: v.input,
    changes,
    problems: v.problems,
  };
}
