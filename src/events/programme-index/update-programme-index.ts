import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.ts";
import { programmeIndexUpdate } from "../../metrics/metrics.ts";
import { publicStatuses } from "../programme-query.ts";
import {
  allocateColumns,
  buildProgrammeIndex,
  type IndexRow,
  indexColumns,
  type ProgrammeIndex,
  readSnapshotMark,
  writeSlot,
} from "./build-programme-index.ts";

/** What changed since an index was read: rows to (re)place, ids to drop, and the mark of the new read. */
export type ProgrammeChanges = {
  version: number;
  xmin: string;
  /** Changed events of the edition that are public. */
  upserts: IndexRow[];
  /** Changed events no longer public here (other status, other edition) and deleted ones. */
  removals: number[];
};

type ChangedRow = IndexRow & { total: number; public: boolean | null };

/**
 * Reads the events written since `index` was read: those whose row (or organisation row) a
 * transaction from the index's xmin on wrote (`xmin` system column; a transaction older than that
 * had committed before the index was read), so whatever path wrote them — the app, the CLI, plain
 * SQL, even with triggers switched off. Deletions leave no row: the edition's public count, read in
 * the same statement, tells whether any happened, and only then is the id list read.
 */
export async function readProgrammeChanges(db: Db, index: ProgrammeIndex): Promise<ProgrammeChanges> {
  const mark = await readSnapshotMark(db);
  // The 32-bit form of the xid8 mark; age() compares it with each row's xmin, wraparound included.
  const since = sql`(${index.xmin}::bigint % 4294967296)::text::xid`;
  const rows = await queryRows<ChangedRow>(
    db,
    sql`select c.total, r.* from
          (select count(*)::int as total from event e where e.edition_id = ${index.editionId} and ${publicStatuses}) c
        left join lateral (
          select ${indexColumns}, (e.edition_id = ${index.editionId} and ${publicStatuses}) as public
          from event e join organisation o on o.id = e.organisation_id
          where e.id in (
            select id from event where age(xmin) <= age(${since})
            union select id from event where organisation_id in (select id from organisation where age(xmin) <= age(${since}))
          )
        ) r on true`,
  );
  const upserts: IndexRow[] = [];
  const removals: number[] = [];
  for (const row of rows) {
    if (row.id === null) continue;
    if (row.public) upserts.push(row);
    else removals.push(row.id);
  }
  const total = Number(rows[0]?.total ?? 0);
  if (liveAfter(index, upserts, removals) !== total) removals.push(...(await deletedSince(db, index)));
  return { version: mark.version, xmin: mark.xmin, upserts, removals };
}

/** How many events the index would hold after the changes, without deletions. */
function liveAfter(index: ProgrammeIndex, upserts: IndexRow[], removals: number[]): number {
  const { slotOf } = index.shared;
  let n = index.order.length;
  const seen = new Set<number>();
  for (const row of upserts) {
    seen.add(row.id);
    if (!slotOf.has(row.id)) n++;
  }
  for (const id of removals) if (!seen.has(id) && slotOf.has(id)) n--;
  return n;
}

/**
 * Ids in the index that are no longer public events of the edition (read a moment later: whatever
 * else changed meanwhile, the next update reads again from this update's mark).
 */
async function deletedSince(db: Db, index: ProgrammeIndex): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select e.id from event e where e.edition_id = ${index.editionId} and ${publicStatuses}`,
  );
  const present = new Set(rows.map((r) => r.id));
  const gone: number[] = [];
  for (const id of index.shared.slotOf.keys()) if (!present.has(id)) gone.push(id);
  return gone;
}

/** Dead slots beyond this share of the live ones: the next update rebuilds from scratch instead. */
const MAX_DEAD_SHARE = 0.25;
const MIN_DEAD_BEFORE_REBUILD = 1000;

/**
 * The next version of an index: the changes read since it and applied in memory (only the changed
 * events are read), or a full rebuild once dead slots pile up. `index` itself stays as it was.
 */
export async function updateProgrammeIndex(db: Db, index: ProgrammeIndex): Promise<ProgrammeIndex> {
  const dead = index.size - index.order.length;
  if (dead > MIN_DEAD_BEFORE_REBUILD && dead > index.order.length * MAX_DEAD_SHARE) return buildProgrammeIndex(db, index.editionId);
  const done = programmeIndexUpdate.startTimer();
  try {
    return applyProgrammeChanges(index, await readProgrammeChanges(db, index));
  } finally {
    done();
  }
}

/**
 * Applies changes to the newest version of an index: a changed event's old slot dies, its new row
 * goes into a new slot, and the live slots are merged into programme order again. Synchronous, so
 * no reader sees the shared state half-written.
 */
export function applyProgrammeChanges(index: ProgrammeIndex, changes: ProgrammeChanges): ProgrammeIndex {
  if (index.shared.used !== index.size) throw new Error("programme index: only the newest version can be updated");
  const { upserts, removals } = changes;
  const capacity = index.size + upserts.length;
  const next: ProgrammeIndex = {
    ...index,
    version: changes.version,
    xmin: changes.xmin,
    live: grown(index.live, capacity),
    orgNames: new Map(index.orgNames),
    items: new Map(),
    textQueries: new Map(),
  };
  if (capacity > index.ids.length) {
    // Room for twice the slots: appending then copies the columns only now and then.
    const columns = allocateColumns(Math.max(capacity, index.ids.length * 2));
    for (const [name, column] of Object.entries(columns) as [keyof typeof columns, (typeof columns)[keyof typeof columns]][]) {
      column.set(index[name].subarray(0, index.size));
      Object.assign(next, { [name]: column });
    }
  }
  const { slotOf } = next.shared;
  for (const id of [...removals, ...upserts.map((r) => r.id)]) {
    const slot = slotOf.get(id);
    if (slot === undefined) continue;
    next.live[slot] = 0;
    slotOf.delete(id);
  }
  const added: number[] = [];
  for (const row of upserts) {
    if (slotOf.has(row.id)) continue; // the same event twice in one read: the first row counts
    const slot = writeSlot(next, row);
    next.live[slot] = 1;
    added.push(slot);
    if (row.lexemes === "") continue;
    for (const lexeme of new Set(row.lexemes.split(" "))) next.postings.set(lexeme, appended(next.postings.get(lexeme), slot));
  }
  next.order = merged(next, index.order, added);
  return next;
}

function grown(array: Uint8Array, length: number): Uint8Array {
  const copy = new Uint8Array(length);
  copy.set(array.subarray(0, Math.min(array.length, length)));
  return copy;
}

function appended(list: Int32Array | undefined, slot: number): Int32Array {
  if (!list) return Int32Array.of(slot);
  const longer = new Int32Array(list.length + 1);
  longer.set(list);
  longer[list.length] = slot;
  return longer;
}

/** The old order's still-live slots and the added ones, in programme order (start, then id). */
function merged(index: ProgrammeIndex, order: Int32Array, added: number[]): Int32Array {
  const before = (a: number, b: number) => {
    const sa = index.starts[a] as number;
    const sb = index.starts[b] as number;
    return sa !== sb ? sa < sb : (index.ids[a] as number) < (index.ids[b] as number);
  };
  added.sort((a, b) => (before(a, b) ? -1 : 1));
  let live = 0;
  for (const slot of order) if (index.live[slot] === 1) live++;
  const result = new Int32Array(live + added.length);
  let k = 0;
  let j = 0;
  for (const slot of order) {
    if (index.live[slot] !== 1) continue;
    while (j < added.length && before(added[j] as number, slot)) result[k++] = added[j++] as number;
    result[k++] = slot;
  }
  while (j < added.length) result[k++] = added[j++] as number;
  return result;
}
