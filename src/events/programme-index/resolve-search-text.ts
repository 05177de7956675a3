import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.ts";
import type { SearchLexicon } from "./search-lexicon.ts";
import { similarity, trigramsInOrder, wordSimilarity } from "./trigrams.ts";
import { parseTsquery, type TsqueryNode } from "./tsquery.ts";

/** A word as `cw_search_query` sees it: folded, and its own German lexemes (empty for a stop word). */
type FoldedWord = { folded: string; lexemes: string[] };

const MAX_ALTERNATIVES = 30;
const MAX_KEPT_WORDS = 50_000;
/** Folding and stemming depend on the database's dictionaries only, not on the data: kept per database. */
const foldedWords = new WeakMap<Db, Map<string, FoldedWord | null>>();

/**
 * `cw_fold` in JavaScript where it is certain: for ASCII letters and digits unaccent changes
 * nothing, so lower() and the three replacements are the whole function (migration 0000).
 */
function foldAscii(word: string): string | undefined {
  if (!/^[A-Za-z0-9]+$/.test(word)) return undefined;
  return word.toLowerCase().replaceAll("ae", "a").replaceAll("oe", "o").replaceAll("ue", "u");
}

/** Lexemes of an AND-only tsquery, or undefined for anything else. */
function andedLexemes(node: TsqueryNode | undefined): string[] | undefined {
  if (!node) return undefined;
  if (node.kind === "lexeme") return [node.lexeme];
  if (node.kind !== "and") return undefined;
  const left = andedLexemes(node.left);
  const right = andedLexemes(node.right);
  return left && right ? [...left, ...right] : undefined;
}

/** The folded word and its lexemes; the database answers for words the lexicon does not hold (null: not understood here). */
async function foldWord(db: Db, lexicon: SearchLexicon, word: string): Promise<FoldedWord | null> {
  const folded = foldAscii(word);
  const known = folded === undefined ? undefined : lexicon.byWord.get(folded);
  if (folded !== undefined && known !== undefined) return { folded, lexemes: lexicon.lexemes[known] as string[] };
  let kept = foldedWords.get(db);
  if (!kept) {
    kept = new Map();
    foldedWords.set(db, kept);
  }
  const hit = kept.get(word);
  if (hit !== undefined) return hit;
  const [row] = await queryRows<{ folded: string; part: string }>(
    db,
    sql`select cw_fold(${word}) as folded, plainto_tsquery('german', cw_fold(${word}))::text as part`,
  );
  let result: FoldedWord | null = null;
  if (row) {
    const lexemes = row.part === "" ? [] : andedLexemes(parseTsquery(row.part));
    result = lexemes ? { folded: row.folded, lexemes } : null;
  }
  if (kept.size >= MAX_KEPT_WORDS) kept.clear();
  kept.set(word, result);
  return result;
}

/** Up to 30 lexicon words most like the folded word, as cw_search_query picks them. */
function alternatives(lexicon: SearchLexicon, folded: string): number[] {
  const trigrams = trigramsInOrder(folded);
  const own = new Set(trigrams);
  const candidates = new Set<number>();
  for (const t of own) for (const n of lexicon.byTrigram.get(t) ?? []) candidates.add(n);
  const liked: { n: number; score: number }[] = [];
  for (const n of candidates) {
    const sim = similarity(own, lexicon.trigramSets[n] as Set<string>);
    const wordSim = wordSimilarity(own, lexicon.trigramLists[n] as string[]);
    // (folded % word and similarity >= 0.5) or folded <% word (word_similarity_threshold 0.6)
    if (sim >= 0.5 || wordSim >= 0.6) liked.push({ n, score: Math.max(sim, wordSim) });
  }
  // order by greatest(similarity, word_similarity) desc, word: words are folded ASCII in practice,
  // where the database's collation and code-point order agree.
  liked.sort((a, b) => b.score - a.score || compare(lexicon.words[a.n] as string, lexicon.words[b.n] as string));
  return liked.slice(0, MAX_ALTERNATIVES).map((x) => x.n);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const lexeme = (value: string): TsqueryNode => ({ kind: "lexeme", lexeme: value });
const all = (kind: "and" | "or", nodes: TsqueryNode[]): TsqueryNode => nodes.reduce((left, right) => ({ kind, left, right }));

/**
 * The tsquery `cw_search_query(words)` (migrations 0008/0011) would build, built here from the
 * lexicon in memory: per word its own German lexemes, or'ed with the lexemes of up to 30 lexicon
 * words alike (typos, compounds); the words and'ed. Undefined when a word is beyond what is
 * reproduced here; the caller then asks the database.
 */
export async function resolveSearchText(db: Db, lexicon: SearchLexicon, words: string[]): Promise<TsqueryNode | undefined> {
  const parts: TsqueryNode[] = [];
  for (const word of words) {
    const folded = await foldWord(db, lexicon, word);
    if (folded === null) return undefined;
    if (folded.lexemes.length === 0) continue;
    const operands = new Set(folded.lexemes);
    const options = [all("and", folded.lexemes.map(lexeme))];
    const length = [...folded.folded].length;
    if (length >= 4 && length <= 40) {
      for (const n of alternatives(lexicon, folded.folded)) {
        for (const alt of lexicon.lexemes[n] as string[]) {
          if (operands.has(alt)) continue;
          operands.add(alt);
          options.push(lexeme(alt));
        }
      }
    }
    parts.push(all("or", options));
  }
  return parts.length ? all("and", parts) : { kind: "not", operand: lexeme("cw_all") };
}
