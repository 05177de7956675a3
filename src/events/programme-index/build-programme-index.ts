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
 * The public events of one edition as compact columns, in programme order (start, then id), with
 * the postings of their full-text lexemes: enough to filter, count facets and page without the
 * database (ARCHITECTURE.md "Programme index").
 */
export type ProgrammeIndex = {
  editionId: number;
  version: number;
  size: number;
  ids: Int32Array;
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
  /** Lexeme → ascending index positions of the events whose search vector holds it. */
  postings: Map<string, Int32Array>;
  /** Programme items of this version already read, by event id (filled by listProgrammeItems). */
  items: Map<number, ProgrammeItem>;
  /** Parsed text queries of this version (the lexicon they were resolved with only changes with the data). */
  textQueries: Map<string, TsqueryNode | null>;
};

type Row = {
  id: number;
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

/** Reads one edition's public events with their lexemes (one statement, so one snapshot) and builds its index. */
export async function buildProgrammeIndex(db: Db, editionId: number, version: number): Promise<ProgrammeIndex> {
  const done = programmeIndexBuild.startTimer();
  try {
    return await buildFromRows(db, editionId, version);
  } finally {
    done();
  }
}

async function buildFromRows(db: Db, editionId: number, version: number): Promise<ProgrammeIndex> {
  // Lexemes as one space-separated string per event: the parser never puts spaces inside a
  // lexeme, and splitting a string is far cheaper than parsing arrays or per-lexeme aggregates
  // (94,000 events: 1.1 s instead of 3.4 s).
  const rows = await queryRows<Row>(
    db,
    sql`select e.id, e.state_code as state, e.mode::text as mode, e.format_code as format, e.topics,
          e.target_groups as targets, e.days::text[] as days, e.languages, e.is_free as free, o.slug, o.name,
          array_to_string(tsvector_to_array(e.search_vector), ' ') as lexemes
        from event e join organisation o on o.id = e.organisation_id
        where e.edition_id = ${editionId} and ${publicStatuses}
        order by e.starts_at, e.id`,
  );

  const size = rows.length;
  const vocab = {
    state: new Vocabulary(),
    mode: new Vocabulary(),
    format: new Vocabulary(),
    org: new Vocabulary(),
    topic: new Vocabulary(),
    target: new Vocabulary(),
    day: new Vocabulary(),
    language: new Vocabulary(),
  };
  const index: ProgrammeIndex = {
    editionId,
    version,
    size,
    ids: new Int32Array(size),
    state: new Uint16Array(size),
    mode: new Uint8Array(size),
    format: new Uint16Array(size),
    org: new Uint32Array(size),
    free: new Uint8Array(size),
    topics: [],
    targets: [],
    days: [],
    languages: [],
    vocab,
    orgNames: new Map(),
    postings: new Map(),
    textQueries: new Map(),
    items: new Map(),
  };
  const postings = new Map<string, number[]>();
  rows.forEach((row, i) => {
    index.ids[i] = row.id;
    index.state[i] = vocab.state.intern(row.state);
    index.mode[i] = vocab.mode.intern(row.mode);
    index.format[i] = vocab.format.intern(row.format);
    index.org[i] = vocab.org.intern(row.slug);
    index.orgNames.set(row.slug, row.name);
    index.free[i] = row.free ? 1 : 0;
    index.topics.push(row.topics.map((c) => vocab.topic.intern(c)));
    index.targets.push(row.targets.map((c) => vocab.target.intern(c)));
    index.days.push(row.days.map((c) => vocab.day.intern(c)));
    index.languages.push(row.languages.map((c) => vocab.language.intern(c)));
    if (row.lexemes === "") return;
    for (const lexeme of row.lexemes.split(" ")) {
      const list = postings.get(lexeme);
      if (list) list.push(i);
      else postings.set(lexeme, [i]);
    }
  });
  for (const [lexeme, positions] of postings) index.postings.set(lexeme, Int32Array.from(positions));
  return index;
}
