/**
 * pg_trgm's `similarity` and `word_similarity` (contrib/pg_trgm/trgm_op.c, non-strict), so the
 * programme index can choose typo and compound alternatives from the search lexicon exactly as
 * `cw_search_query` does, without a database round trip per search. No npm package reproduces
 * pg_trgm's padding and its word-similarity walk, so this follows the C code closely.
 */

const wordPattern = /[\p{L}\p{N}]+/gu;

/** Trigrams in order of appearance: each alphanumeric word padded with two spaces before and one after. */
export function trigramsInOrder(text: string): string[] {
  const trigrams: string[] = [];
  for (const [word] of text.toLowerCase().matchAll(wordPattern)) {
    const chars = [" ", " ", ...word, " "];
    for (let i = 0; i + 3 <= chars.length; i++) trigrams.push(`${chars[i]}${chars[i + 1]}${chars[i + 2]}`);
  }
  return trigrams;
}

/** Single-precision division as pg_trgm's CALCSML does it. */
const calcSml = (count: number, len1: number, len2: number) => Math.fround(count / (len1 + len2 - count));

/** pg_trgm `similarity(a, b)`: shared unique trigrams over all unique trigrams. */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let count = 0;
  for (const t of a) if (b.has(t)) count++;
  return calcSml(count, a.size, b.size);
}

/**
 * pg_trgm `word_similarity(a, b)`: the best similarity between a's trigrams and any continuous
 * extent of b's (iterate_word_similarity without WORD_SIMILARITY_STRICT).
 */
export function wordSimilarity(a: ReadonlySet<string>, b: readonly string[]): number {
  const ulen1 = a.size;
  // trg2indexes / found of calc_word_similarity: one slot per distinct trigram of b.
  const slot = new Map<string, number>();
  const indexes = b.map((t) => {
    let n = slot.get(t);
    if (n === undefined) {
      n = slot.size;
      slot.set(t, n);
    }
    return n;
  });
  const found = [...slot.keys()].map((t) => a.has(t));
  const lastpos = new Array<number>(slot.size).fill(-1);
  let ulen2 = 0;
  let count = 0;
  let upper = -1;
  let lower = -1;
  let smlrMax = 0;
  for (let i = 0; i < indexes.length; i++) {
    const trgindex = indexes[i] as number;
    if (lower >= 0 || found[trgindex]) {
      if ((lastpos[trgindex] as number) < 0) {
        ulen2++;
        if (found[trgindex]) count++;
      }
      lastpos[trgindex] = i;
    }
    if (!found[trgindex]) continue;
    upper = i;
    if (lower === -1) {
      lower = i;
      ulen2 = 1;
    }
    let smlrCur = calcSml(count, ulen1, ulen2);
    let tmpCount = count;
    let tmpUlen2 = ulen2;
    const prevLower = lower;
    for (let tmpLower = lower; tmpLower <= upper; tmpLower++) {
      const smlrTmp = calcSml(tmpCount, ulen1, tmpUlen2);
      if (smlrTmp > smlrCur) {
        smlrCur = smlrTmp;
        ulen2 = tmpUlen2;
        lower = tmpLower;
        count = tmpCount;
      }
      const tmpIndex = indexes[tmpLower] as number;
      if (lastpos[tmpIndex] === tmpLower) {
        tmpUlen2--;
        if (found[tmpIndex]) tmpCount--;
      }
    }
    smlrMax = Math.max(smlrMax, smlrCur);
    for (let tmpLower = prevLower; tmpLower < lower; tmpLower++) {
      const tmpIndex = indexes[tmpLower] as number;
      if (lastpos[tmpIndex] === tmpLower) lastpos[tmpIndex] = -1;
    }
  }
  return smlrMax;
}
