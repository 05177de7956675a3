import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.ts";
import { programmeIndexBuild } from "../../metrics/metrics.ts";
import type { ProgrammeItem } from "../list-programme.ts";
import { publicStatuses } from "../programme-query.ts";
import type { TsqueryNode } from "./tsquery.ts";

/** Codes of one dimension, interned: events store small numbers, counts go back to the codes. */
export class Vocabulary {
  readonly codes: string[] = [];
  private readonly numbers = new Map<string, number>();

  intern(code: string): number {
    let n = this.numbers.get(code);
    if (n === undefined) {
      n = this.codes.length;
      this.codes.push(code);
      this.numbers.set(code, n);
    }
    return n;
  }

  numberOf(code: string): number | undefined {
    return this.numbers.get(code);
  }
}

/**
 * What the versions of one edition's index share, changed only by the updater, which always works
 * on the newest version: slots are appended and never rewritten, so an older version reads its own
 * slots (below its `size`) unchanged (ARCHITECTURE.md "Programme index").
 */
export type SharedSlots = {
  /** The live slot of each event id in the newest version. */
  slotOf: Map<number, number>;
  /** Slots written so far (the newest version's size). */
  used: number;
};

/**
 * The public events of one edition as compact columns, one slot per event (an edited event gets a
 * new slot, its old one stays behind, dead), `order` the live slots in programme order (start, then
 * id), with the postings of their full-text lexemes: enough to filter, count facets and page without
 * the database (ARCHITECTURE.md "Programme index"). A version is never changed once handed out.
 */
export type ProgrammeIndex = {
  editionId: number;
  /** The data version read before the events were (the index is never older than it). */
  version: number;
  /** pg_snapshot_xmin of that read: rows written by transactions from it on may be newer than the index. */
  xmin: string;
  /** Slots of this version, live or dead: the length of a text mask. */
  size: number;
  /** Live slots in programme order. */
  order: Int32Array;
  /** 1 for a live slot. */
  live: Uint8Array;
  ids: Int32Array;
  /** Start in microseconds since 1970, for the programme order. */
  starts: Float64Array;
  state: Uint16Array;
  mode: Uint8Array;
  format: Uint16Array;
  org: Uint32Array;
  free: Uint8Array;
  topics: number[][];
  targets: number[][];
  days: number[][];
  languages: number[][];
  vocab: Record<"state" | "mode" | "format" | "org" | "topic" | "target" | "day" | "language", Vocabulary>;
  /** Organisation name by slug, for the org facet's labels. */
  orgNames: Map<string, string>;
  /**
   * Lexeme → ascending slots of the events whose search vector holds it. Shared by the versions:
   * an update replaces a list by a longer one ending in its new slots, which lie beyond an older
   * version's size (and so outside its masks).
   */
  postings: Map<string, Int32Array>;
  shared: SharedSlots;
  /** Programme items of this version already read, by event id (filled by listProgrammeItems). */
  items: Map<number, ProgrammeItem>;
  /** Parsed text queries of this version (the lexicon they were resolved with only changes with the data). */
  textQueries: Map<string, TsqueryNode | null>;
};

/** One public event as read for the index. */
export type IndexRow = {
  id: number;
  starts: number;
  state: string;
  mode: string;
  format: string;
  topics: string[];
  targets: string[];
  days: string[];
  languages: string[];
  free: boolean;
  slug: string;
  name: string;
  lexemes: string;
};

/**
 * The columns of an index row. Lexemes as one space-separated string per event: the parser never
 * puts spaces inside a lexeme, and splitting a string is far cheaper than parsing arrays or
 * per-lexeme aggregates (94,000 events: 1.1 s instead of 3.4 s).
 */
export const indexColumns = sql`e.id, (extract(epoch from e.starts_at) * 1000000)::float8 as starts, e.state_code as state,
  e.mode::text as mode, e.format_code as format, e.topics, e.target_groups as targets, e.days::text[] as days, e.languages,
  e.is_free as free, o.slug, o.name, array_to_string(tsvector_to_array(e.search_vector), ' ') as lexemes`;

/** The data version and the snapshot's xmin, read before the events (statement A of a build or update). */
export async function readSnapshotMark(db: Db): Promise<{ version: number; xmin: string }> {
  const [row] = await queryRows<{ version: number; xmin: string }>(
    db,
    sql`select version::float8 as version, pg_snapshot_xmin(pg_current_snapshot())::text as xmin from data_version where id = 1`,
  );
  return { version: Number(row?.version ?? 0), xmin: row?.xmin ?? "0" };
}

/** Reads one edition's public events with their lexemes (one statement, so one snapshot) and builds its index. */
export async function buildProgrammeIndex(db: Db, editionId: number): Promise<ProgrammeIndex> {
  const done = programmeIndexBuild.startTimer();
  try {
    return await buildFromRows(db, editionId);
  } finally {
    done();
  }
}

async function buildFromRows(db: Db, editionId: number): Promise<ProgrammeIndex> {
  const mark = await readSnapshotMark(db);
  const rows = await queryRows<IndexRow>(
    db,
    sql`select ${indexColumns}
        from event e join organisation o on o.id = e.organisation_id
        where e.edition_id = ${editionId} and ${publicStatuses}
        order by e.starts_at, e.id`,
  );
  const size = rows.length;
  const index: ProgrammeIndex = {
    editionId,
    version: mark.version,
    xmin: mark.xmin,
    size: 0,
    order: new Int32Array(size),
    live: new Uint8Array(size),
    ...allocateColumns(size),
    topics: [],
    targets: [],
    days: [],
    languages: [],
    vocab: {
      state: new Vocabulary(),
      mode: new Vocabulary(),
      format: new Vocabulary(),
      org: new Vocabulary(),
      topic: new Vocabulary(),
      target: new Vocabulary(),
      day: new Vocabulary(),
      language: new Vocabulary(),
    },
    orgNames: new Map(),
    postings: new Map(),
    shared: { slotOf: new Map(), used: 0 },
    textQueries: new Map(),
    items: new Map(),
  };
  const postings = new Map<string, number[]>();
  for (const row of rows) {
    const slot = writeSlot(index, row);
    index.order[slot] = slot;
    index.live[slot] = 1;
    if (row.lexemes === "") continue;
    for (const lexeme of row.lexemes.split(" ")) {
      const list = postings.get(lexeme);
      if (list) list.push(slot);
      else postings.set(lexeme, [slot]);
    }
  }
  for (const [lexeme, slots] of postings) index.postings.set(lexeme, Int32Array.from(slots));
  return index;
}

type Columns = Pick<ProgrammeIndex, "ids" | "starts" | "state" | "mode" | "format" | "org" | "free">;

/** Typed columns for `capacity` slots. */
export function allocateColumns(capacity: number): Columns {
  return {
    ids: new Int32Array(capacity),
    starts: new Float64Array(capacity),
    state: new Uint16Array(capacity),
    mode: new Uint8Array(capacity),
    format: new Uint16Array(capacity),
    org: new Uint32Array(capacity),
    free: new Uint8Array(capacity),
  };
}

/**
 * Writes a row into the next slot (the columns must have room) and returns it; the caller marks it
 * live, orders it and posts its lexemes. Records the organisation's name in `index.orgNames`.
 */
export function writeSlot(index: ProgrammeIndex, row: IndexRow): number {
  const slot = index.shared.used++;
  const { vocab } = index;
  index.size = slot + 1;
  index.ids[slot] = row.id;
  index.starts[slot] = row.starts;
  index.state[slot] = vocab.state.intern(row.state);
  index.mode[slot] = vocab.mode.intern(row.mode);
  index.format[slot] = vocab.format.intern(row.format);
  index.org[slot] = vocab.org.intern(row.slug);
  index.orgNames.set(row.slug, row.name);
  index.free[slot] = row.free ? 1 : 0;
  index.topics[slot] = row.topics.map((c) => vocab.topic.intern(c));
  index.targets[slot] = row.targets.map((c) => vocab.target.intern(c));
  index.days[slot] = row.days.map((c) => vocab.day.intern(c));
  index.languages[slot] = row.languages.map((c) => vocab.language.intern(c));
  index.shared.slotOf.set(row.id, slot);
  return slot;
}
