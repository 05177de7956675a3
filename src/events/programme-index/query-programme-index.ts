import type { FacetCounts } from "../list-programme.ts";
import type { ProgrammeFilter } from "../programme-filter.ts";
import type { Dimension } from "../programme-query.ts";
import type { ProgrammeIndex, Vocabulary } from "./build-programme-index.ts";

/** Which values of a dimension the filter chose, as a lookup by interned number. */
function chosen(vocab: Vocabulary, codes: readonly string[]): Uint8Array {
  const table = new Uint8Array(vocab.codes.length + 1);
  for (const code of codes) {
    const n = vocab.numberOf(code);
    if (n !== undefined) table[n] = 1;
  }
  return table;
}

const anyOf = (values: readonly number[], table: Uint8Array) => values.some((v) => table[v] === 1);

type Test = (i: number) => boolean;

/** A test per set filter dimension, mirroring dimensionConditions (programme-query.ts). */
function dimensionTests(index: ProgrammeIndex, filter: ProgrammeFilter): Partial<Record<Dimension, Test>> {
  const { vocab } = index;
  const tests: Partial<Record<Dimension, Test>> = {};
  if (filter.state.length) {
    const lands = chosen(vocab.state, filter.state);
    const online = filter.state.includes("online") ? vocab.mode.numberOf("online") : undefined;
    tests.state = (i) => lands[index.state[i] as number] === 1 || (online !== undefined && index.mode[i] === online);
  }
  if (filter.format.length) {
    const table = chosen(vocab.format, filter.format);
    tests.format = (i) => table[index.format[i] as number] === 1;
  }
  if (filter.topic.length) {
    const table = chosen(vocab.topic, filter.topic);
    tests.topic = (i) => anyOf(index.topics[i] as number[], table);
  }
  if (filter.mode.length) {
    const table = chosen(vocab.mode, filter.mode);
    tests.mode = (i) => table[index.mode[i] as number] === 1;
  }
  if (filter.target.length) {
    const table = chosen(vocab.target, filter.target);
    tests.target = (i) => anyOf(index.targets[i] as number[], table);
  }
  if (filter.day.length) {
    const table = chosen(vocab.day, filter.day);
    tests.day = (i) => anyOf(index.days[i] as number[], table);
  }
  if (filter.org.length) {
    const table = chosen(vocab.org, filter.org);
    tests.org = (i) => table[index.org[i] as number] === 1;
  }
  if (filter.free) tests.free = (i) => index.free[i] === 1;
  if (filter.language.length) {
    const table = chosen(vocab.language, filter.language);
    tests.language = (i) => anyOf(index.languages[i] as number[], table);
  }
  return tests;
}

const dimensions: Dimension[] = ["state", "format", "topic", "mode", "target", "day", "org", "free", "language"];

/** Counts by interned number (a typed array per dimension: a hundred thousand Map updates cost milliseconds). */
function countsToMap(counts: Int32Array, vocab: Vocabulary): Map<string, number> {
  const map = new Map<string, number>();
  counts.forEach((n, code) => {
    if (n > 0) map.set(vocab.codes[code] as string, n);
  });
  return map;
}

function bump(counts: Int32Array, value: number): void {
  counts[value] = (counts[value] as number) + 1;
}

function addAll(counts: Int32Array, values: readonly number[]): void {
  for (const v of values) bump(counts, v);
}

/**
 * The same answer as the SQL facet count (countProgrammeFacetsSql): the total, and per dimension
 * how many events each value would give with the other filters applied. `text` is the mask of
 * events matching the search text, or undefined without text.
 */
export function countInIndex(
  index: ProgrammeIndex,
  filter: ProgrammeFilter,
  text: Uint8Array | undefined,
): { total: number; facets: FacetCounts } {
  const tests = dimensionTests(index, filter);
  const set = dimensions.filter((d) => tests[d] !== undefined);
  const setTests = set.map((d) => tests[d] as Test);
  const { vocab } = index;
  const counts = {
    state: new Int32Array(vocab.state.codes.length),
    format: new Int32Array(vocab.format.codes.length),
    mode: new Int32Array(vocab.mode.codes.length),
    topic: new Int32Array(vocab.topic.codes.length),
    target: new Int32Array(vocab.target.codes.length),
    day: new Int32Array(vocab.day.codes.length),
    language: new Int32Array(vocab.language.codes.length),
    org: new Int32Array(vocab.org.codes.length),
  };
  let total = 0;
  let onlineCount = 0;
  let freeCount = 0;
  const online = vocab.mode.numberOf("online");
  const { order } = index;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    if (text && text[i] !== 1) continue;
    // The one set dimension this event fails, if exactly one; events failing two count nowhere.
    let failed: Dimension | undefined;
    let failures = 0;
    for (let k = 0; k < setTests.length; k++) {
      if (!(setTests[k] as Test)(i)) {
        failed = set[k];
        if (++failures > 1) break;
      }
    }
    if (failures > 1) continue;
    if (failures === 0) total++;
    const all = failures === 0;
    if (all || failed === "state") {
      bump(counts.state, index.state[i] as number);
      if (index.mode[i] === online) onlineCount++;
    }
    if (all || failed === "format") bump(counts.format, index.format[i] as number);
    if (all || failed === "mode") bump(counts.mode, index.mode[i] as number);
    if (all || failed === "topic") addAll(counts.topic, index.topics[i] as number[]);
    if (all || failed === "target") addAll(counts.target, index.targets[i] as number[]);
    if (all || failed === "day") addAll(counts.day, index.days[i] as number[]);
    if (all || failed === "language") addAll(counts.language, index.languages[i] as number[]);
    if ((all || failed === "free") && index.free[i] === 1) freeCount++;
    if (all || failed === "org") bump(counts.org, index.org[i] as number);
  }
  const facets: FacetCounts = {
    state: countsToMap(counts.state, vocab.state),
    format: countsToMap(counts.format, vocab.format),
    mode: countsToMap(counts.mode, vocab.mode),
    topic: countsToMap(counts.topic, vocab.topic),
    target: countsToMap(counts.target, vocab.target),
    day: countsToMap(counts.day, vocab.day),
    language: countsToMap(counts.language, vocab.language),
    org: countsToMap(counts.org, vocab.org),
    free: new Map([["true", freeCount]]),
    orgNames: new Map(),
  };
  facets.state.set("online", onlineCount);
  for (const slug of facets.org.keys()) facets.orgNames.set(slug, index.orgNames.get(slug) ?? slug);
  return { total, facets };
}

/** Ids of the events matching every filter, in programme order, from `offset` on, at most `limit`. */
export function pageInIndex(
  index: ProgrammeIndex,
  filter: ProgrammeFilter,
  text: Uint8Array | undefined,
  page: { limit: number; offset: number },
): number[] {
  const tests = Object.values(dimensionTests(index, filter)) as Test[];
  const ids: number[] = [];
  let skipped = 0;
  const { order } = index;
  for (let k = 0; k < order.length && ids.length < page.limit; k++) {
    const i = order[k] as number;
    if (text && text[i] !== 1) continue;
    if (!tests.every((test) => test(i))) continue;
    if (skipped++ < page.offset) continue;
    ids.push(index.ids[i] as number);
  }
  return ids;
}
