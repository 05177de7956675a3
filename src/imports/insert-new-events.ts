import { eq, sql } from "drizzle-orm";
import { queryRows } from "../db/client.ts";
import type { EventCheck, FieldChange } from "../db/schema/index.ts";
import { edition } from "../db/schema/index.ts";
import { assertEventsWritable } from "../editions/edition-rules.ts";
import { diffSnapshots, eventSnapshots, recordHistoryMany } from "../event-form/event-history.ts";
import { newEventColumnsMany, parseEventInput, slugify } from "../event-form/event-values.ts";
import { hasBlockingCheck, likelyDuplicatesOfMany, plausibilityOf } from "../event-form/plausibility-checks.ts";
import { refuseOutsideWindow } from "../event-form/submit-event.ts";
import { berlinDay } from "../events/event-dates.ts";
import { type DbOrTx, insertEventRecords } from "../events/event-record.ts";
import type { Actor } from "../lib/actor.ts";
import { conflict } from "../lib/errors.ts";

export type NewImportEvent = { reference: string; input: Record<string, unknown> };
type Target = { organisationId: number; editionId: number; submit: boolean };

/**
 * The import's new events in a few statements, inside the caller's transaction: what createEventDraft
 * and then submitEvent do one by one — the form's validation, drafts with their reference and a
 * "create" history row, then (when submitting) the plausibility checks stored and the status
 * "submitted" with a "submit" history row (or "submit_refused" if a check blocks). Returns the new ids.
 */
export async function insertNewEvents(
  tx: DbOrTx,
  actor: Actor,
  target: Target,
  entries: readonly NewImportEvent[],
  advance: (steps: number) => void = () => {},
): Promise<number[]> {
  if (entries.length === 0) return [];
  const [ed] = await tx.select().from(edition).where(eq(edition.id, target.editionId));
  if (!ed || ed.status === "archived") throw conflict("An archived edition takes no new events");
  const datas = entries.map((e) => parseEventInput(e.input));
  const columns = await newEventColumnsMany(tx, target.organisationId, datas);
  // Likely duplicates among the organisation's events from before this import (one statement, as the preview's);
  // the sheet's own rows were compared with each other in the preview (duplicateInSheet). Comparing 10,000 new
  // rows with each other by trigram similarity would take minutes.
  const twins: Map<number, { id: number; title: string }[]> = target.submit
    ? await likelyDuplicatesOfMany(
        tx,
        target.organisationId,
        columns.map(({ values, sessions }, key) => ({
          key,
          title: values.titleDe,
          days: [...new Set(sessions.map((s) => berlinDay(s.startsAt)))],
          exceptId: 0,
        })),
      )
    : new Map();
  const ids: number[] = [];
  // In slices, so that memory stays flat and the progress bar moves; all inside the caller's one transaction.
  for (let from = 0; from < columns.length; from += SLICE) {
    const slice = columns.slice(from, from + SLICE);
    const sliceIds = await insertEventRecords(
      tx,
      slice.map(({ values, sessions }, k) => ({
        values: {
          ...values,
          editionId: ed.id,
          organisationId: target.organisationId,
          slug: slugify(values.titleDe),
          status: "draft" as const,
          externalRef: entries[from + k]?.reference ?? null,
        },
        sessions,
      })),
    );
    const snapshots = await eventSnapshots(tx, sliceIds);
    await recordHistoryMany(
      tx,
      actor,
      sliceIds.map((id) => ({ eventId: id, action: "create", changes: diffSnapshots({}, snapshots.get(id) ?? {}) })),
    );
    if (target.submit) {
      const sliceTwins = new Map(slice.map((_, k) => [k, twins.get(from + k) ?? []]));
      await submitNew(tx, actor, { ed, organisationId: target.organisationId, ids: sliceIds, columns: slice, twins: sliceTwins });
    }
    ids.push(...sliceIds);
    advance(sliceIds.length);
  }
  return ids;
}

const SLICE = 1000;

type Columns = Awaited<ReturnType<typeof newEventColumnsMany>>;

/** submitEvent for the new drafts: the same window rule, checks (plausibility; likely duplicates found before) and history. */
async function submitNew(
  tx: DbOrTx,
  actor: Actor,
  {
    ed,
    organisationId,
    ids,
    columns,
    twins,
  }: {
    ed: typeof edition.$inferSelect;
    organisationId: number;
    ids: number[];
    columns: Columns;
    twins: Map<number, { id: number; title: string }[]>;
  },
) {
  await assertEventsWritable(tx, ed.id);
  await refuseOutsideWindow(tx, { editionId: ed.id, organisationId });
  const venues = await venuesOf(tx, ids);
  const checks: EventCheck[][] = columns.map(({ values, sessions }, i) =>
    plausibilityOf({ sessions, edition: ed, mode: values.mode, onlineUrl: values.onlineUrl, venue: venues.get(ids[i] ?? 0) ?? null }),
  );
  for (const [key, found] of twins)
    for (const twin of found)
      checks[key]?.push({ code: "likelyDuplicate", severity: "warning", params: { id: String(twin.id), title: twin.title } });
  const now = new Date();
  const rows = ids.map((id, i) => {
    const own = checks[i] ?? [];
    return { id, checks: own, status: hasBlockingCheck(own) ? "draft" : "submitted" };
  });
  for (let i = 0; i < rows.length; i += 2000)
    await tx.execute(sql`
      update event e set checks = v.checks, status = v.status::event_status, version = e.version + 1, updated_at = ${now},
        submitted_at = case when v.status = 'submitted' then ${now}::timestamptz else e.submitted_at end
      from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 2000))}::jsonb) as v(id int, checks jsonb, status text)
      where e.id = v.id`);
  await recordHistoryMany(
    tx,
    actor,
    rows.map((r) => {
      const changes: FieldChange[] = [
        ...(r.status === "submitted" ? [{ field: "status", old: "draft", new: "submitted" }] : []),
        { field: "checks", old: [], new: r.checks },
      ];
      return { eventId: r.id, action: r.status === "submitted" ? "submit" : "submit_refused", changes };
    }),
  );
}

/** The venue facts the postal-code check needs, per event id. */
async function venuesOf(tx: DbOrTx, ids: number[]) {
  const rows = await queryRows<{ id: number; country: string; state_code: string | null; postal_code: string }>(
    tx,
    sql`select e.id, v.country, v.state_code, v.postal_code from event e join venue v on v.id = e.venue_id
        where e.id = any(${`{${ids.join(",")}}`}::int[])`,
  );
  return new Map(rows.map((r) => [Number(r.id), { country: r.country, stateCode: r.state_code, postalCode: r.postal_code }]));
}
