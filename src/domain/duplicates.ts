/**
 * Likely duplicate backlog items for the grooming report, by text similarity of title, story and
 * description. Pure: no I/O, no clock, no randomness.
 *
 * Text: the words of text-tokens.ts, numbered per run. A caller that runs again over mostly the same
 * items (a server, after one edit) can keep a TokenMemo between runs, so that only changed texts are read.
 * Score: IDF-weighted cosine, TITLE_SHARE × the titles' + the rest × the whole texts' (where title words
 * weigh TITLE_BOOST). IDF makes the words every item uses (a template's "steps to reproduce") worth little;
 * the title share means a shared description alone can't reach the threshold, while one title over two
 * descriptions does.
 * Blocking: an item meets only items sharing a key: a pair of its KEY_WORDS rarest title words, or its
 * rarest word if that is rare. Word pairs keep buckets small even when every word is common (a few thousand
 * words over 100,000 items), where one-word blocking or a cut-off on common words compares thousands of
 * items per item, or none; and a pair above the threshold shares title words. MinHash + LSH banding would
 * hash every word ~50 times for such recall; a library would save little over these ~60 lines.
 * Bounds: each field is read up to a constant number of characters and words; an item keeps ITEM_TOKENS
 * words and meets at most WINDOW items per bucket and MAX_CANDIDATES in all: identical, empty or huge
 * texts cost at most a constant per item.
 */

import {
  type DuplicateCandidate,
  FIELD_WORDS,
  type TokenizedText,
  type TokenMemo,
  tokenize,
} from './text-tokens.ts';

export type { DuplicateCandidate } from './text-tokens.ts';

/** Two items that look alike: ids in ascending order, score in [0, 1] rounded to 3 decimals. */
export interface DuplicatePair {
  itemIds: [string, string];
  score: number;
}

/** Default minimum score: the same title words, or close titles over close texts (see the tests). */
export const DUPLICATE_THRESHOLD = 0.6;
/** The most pairs one report lists. */
export const MAX_DUPLICATE_PAIRS = 200;

const TITLE_SHARE = 0.55;
const TITLE_BOOST = 2;
/** Distinct words kept per item; ≤ 256 keeps the fixed-point sums exact (see `quantise`). */
const ITEM_TOKENS = 96;
const KEY_WORDS = 6;
/** A word in at most this many items is a blocking key on its own. */
const RARE_WORD = 64;
const WINDOW = 8;
const MAX_CANDIDATES = 32;

/**
 * Numbers the words' hashes: each keeps its top `bits` bits and gets an id in a table, so that time and
 * memory stay flat however many distinct words come (a Map of millions of words takes seconds); words
 * that share those bits add little noise. `ties` holds each id's bits, which orders tokens of equal
 * frequency the same way whatever the order of the items.
 */
class Lexicon {
  private readonly ids: Int32Array;
  readonly ties: number[] = [];

  /** `bits`: 18 to 20 with the input's size, so that a small input doesn't clear a 4 MB table. */
  constructor(private readonly bits: number) {
    this.ids = new Int32Array(1 << bits);
  }

  /** How many ids there can be. */
  get size(): number {
    return this.ids.length;
  }

  idOf(hash: number): number {
    const key = hash >>> (32 - this.bits);
    if (this.ids[key] === 0) this.ids[key] = this.ties.push(key);
    return this.ids[key]! - 1;
  }
}

/**
 * IDF rounded to 1/65536: a product of two weights is then an integer times 2^-32 below 2^44, and a sum
 * of ≤ 256 of them is exact, so a score doesn't depend on the order its words are added in.
 */
const quantise = (x: number): number => Math.round(x * 65_536) / 65_536;

/**
 * Each item's distinct tokens and their weights, in reading order: the title's first (≤ 20 of them, so
 * they always fit in ITEM_TOKENS), up to `titleEnd`.
 */
function buildCorpus(read: readonly TokenizedText[]) {
  const n = read.length;
  const lexicon = new Lexicon(Math.min(20, Math.max(18, Math.ceil(Math.log2(n * 1_000)))));
  const start = new Int32Array(n + 1);
  const titleEnd = new Int32Array(n);
  let capacity = 0;
  for (const text of read) capacity += Math.min(text.hashes.length, ITEM_TOKENS);
  const buffer = new Int32Array(capacity);
  const seen = new Int32Array(lexicon.size).fill(-1); // per token, the last item that had it
  let count = 0;
  for (let i = 0; i < n; i++) {
    const { hashes, titleCount } = read[i]!;
    const first = count;
    titleEnd[i] = count;
    for (let k = 0; k < hashes.length && count - first < ITEM_TOKENS; k++) {
      const id = lexicon.idOf(hashes[k]!);
      if (seen[id] === i) continue;
      seen[id] = i;
      buffer[count++] = id;
      if (k < titleCount) titleEnd[i] = count;
    }
    start[i + 1] = count;
  }
  const token = buffer.subarray(0, count);
  const df = new Int32Array(lexicon.ties.length);
  for (const id of token) df[id]!++;
  let texts = 0;
  for (let i = 0; i < n; i++) if (start[i + 1]! > start[i]!) texts++;
  const idf = Float64Array.from(df, (count) => quantise(Math.log(1 + texts / Math.max(count, 1))));
  const weight = new Float64Array(count);
  const norm = new Float64Array(n);
  const titleNorm = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let titleSum = 0;
    for (let p = start[i]!; p < start[i + 1]!; p++) {
      const w = idf[token[p]!]!;
      if (p < titleEnd[i]!) {
        weight[p] = TITLE_BOOST * w;
        titleSum += w * w;
      } else weight[p] = w;
      sum += weight[p]! * weight[p]!;
    }
    norm[i] = Math.sqrt(sum);
    titleNorm[i] = Math.sqrt(titleSum);
  }
  const marks = { title: new Float64Array(df.length), all: new Float64Array(df.length) };
  return { start, titleEnd, token, idf, weight, norm, titleNorm, df, tie: lexicon.ties, marks };
}
type Corpus = ReturnType<typeof buildCorpus>;
type Found = (b: number, score: number) => void;

/**
 * Scores item a against its candidates: a's weights are spread once over arrays indexed by token, and each
 * candidate's tokens look theirs up. Exact sums (see `quantise`) make the score symmetric.
 */
function scoreCandidates(c: Corpus, a: number, bs: readonly number[], threshold: number, found: Found): void {
  const { start: s, titleEnd, token, idf, weight, marks } = c;
  for (let p = s[a]!; p < titleEnd[a]!; p++) marks.title[token[p]!] = idf[token[p]!]!;
  for (let p = s[a]!; p < s[a + 1]!; p++) marks.all[token[p]!] = weight[p]!;
  for (const b of bs) {
    let title = 0;
    for (let q = s[b]!; q < titleEnd[b]!; q++) title += marks.title[token[q]!]! * idf[token[q]!]!;
    if (title > 0) title /= c.titleNorm[a]! * c.titleNorm[b]!;
    const share = c.titleNorm[a]! > 0 || c.titleNorm[b]! > 0 ? TITLE_SHARE : 0;
    // The whole-text part is at most 1: skip its longer sum when even that can't reach the threshold.
    if (share * title + (1 - share) < threshold - 0.0005) continue;
    let whole = 0;
    for (let q = s[b]!; q < s[b + 1]!; q++) whole += marks.all[token[q]!]! * weight[q]!;
    if (whole === 0) continue;
    whole /= c.norm[a]! * c.norm[b]!;
    found(b, Math.round(Math.min(1, share * title + (1 - share) * whole) * 1000) / 1000);
  }
  for (let p = s[a]!; p < s[a + 1]!; p++) marks.title[token[p]!] = marks.all[token[p]!] = 0;
}

/** A 32-bit hash of a blocking key: one token id (a === b) or two (a < b). */
function keyHash(a: number, b: number): number {
  const h = Math.imul(Math.imul(a, 0x9e3779b1) ^ (b + 0x7f4a7c15), 0x85ebca6b);
  return h ^ (h >>> 15);
}

/**
 * Calls `visit(a, bs)` with the candidates b > a of each item a: items sharing a blocking key, at most
 * WINDOW apart in its bucket, at most MAX_CANDIDATES. A bucket is a chain through a hash table, in item
 * order; the rare chain that two keys share only adds candidates, which are scored anyway.
 */
function forEachCandidates(c: Corpus, n: number, visit: (a: number, bs: readonly number[]) => void): void {
  const { df, tie } = c;
  const rarer = (x: number, y: number) =>
    df[x]! < df[y]! || (df[x] === df[y] && (tie[x]! < tie[y]! || (tie[x] === tie[y] && x < y)));
  // Each item's KEY_WORDS rarest words: of its title, or of its text's first ones when it has none.
  const keys = new Int32Array(n * KEY_WORDS);
  const keyCount = new Uint8Array(n);
  const single = new Uint8Array(n);
  let capacity = 0;
  for (let i = 0; i < n; i++) {
    const from = c.start[i]!;
    const to = c.titleEnd[i]! > from ? c.titleEnd[i]! : Math.min(c.start[i + 1]!, from + FIELD_WORDS.title);
    const base = i * KEY_WORDS;
    let k = 0;
    for (let p = from; p < to; p++) {
      // Insertion into the (short) sorted list of the rarest so far.
      const word = c.token[p]!;
      let at = k < KEY_WORDS ? k++ : KEY_WORDS;
      while (at > 0 && rarer(word, keys[base + at - 1]!)) {
        if (at < KEY_WORDS) keys[base + at] = keys[base + at - 1]!;
        at--;
      }
      if (at < KEY_WORDS) keys[base + at] = word;
    }
    keyCount[i] = k;
    // A common word alone would fill its bucket's window with items sharing nothing else.
    single[i] = k === 1 || (k > 1 && df[keys[base]!]! <= RARE_WORD) ? 1 : 0;
    capacity += single[i]! + (k * (k - 1)) / 2;
  }
  const entryItem = new Int32Array(capacity);
  const entryKey = new Int32Array(capacity);
  const next = new Int32Array(capacity);
  const mask = 2 ** Math.ceil(Math.log2(2 * Math.max(capacity, 1))) - 1;
  const tail = new Int32Array(mask + 1).fill(-1);
  const itemStart = new Int32Array(n + 1);
  let count = 0;
  const add = (item: number, key: number) => {
    entryItem[count] = item;
    entryKey[count] = key;
    next[count] = -1;
    if (tail[key & mask] !== -1) next[tail[key & mask]!] = count;
    tail[key & mask] = count++;
  };
  for (let i = 0; i < n; i++) {
    const base = i * KEY_WORDS;
    if (single[i]) add(i, keyHash(keys[base]!, keys[base]!));
    for (let x = 0; x < keyCount[i]!; x++) {
      for (let y = x + 1; y < keyCount[i]!; y++) {
        const u = keys[base + x]!;
        const v = keys[base + y]!;
        add(i, u < v ? keyHash(u, v) : keyHash(v, u));
      }
    }
    itemStart[i + 1] = count;
  }
  const lastVisitor = new Int32Array(n).fill(-1);
  const candidates: number[] = [];
  for (let a = 0; a < n; a++) {
    candidates.length = 0;
    scan: for (let e = itemStart[a]!; e < itemStart[a + 1]!; e++) {
      for (let t = next[e]!, step = 0; t !== -1 && step < WINDOW; t = next[t]!, step++) {
        const b = entryItem[t]!;
        if (entryKey[t] !== entryKey[e] || b === a || lastVisitor[b] === a) continue;
        lastVisitor[b] = a;
        if (candidates.push(b) === MAX_CANDIDATES) break scan;
      }
    }
    if (candidates.length > 0) visit(a, candidates);
  }
}

/**
 * Likely duplicates among `items`, best first (ties by ids), at most `limit` (≤ MAX_DUPLICATE_PAIRS)
 * pairs scoring at least `threshold`. Ids should be unique: two items with the same id never pair, and
 * the result does not depend on the order of `items`.
 */
export function findDuplicates(
  items: readonly DuplicateCandidate[],
  options: { threshold?: number; limit?: number; memo?: TokenMemo } = {},
): DuplicatePair[] {
  const { threshold = DUPLICATE_THRESHOLD, limit = MAX_DUPLICATE_PAIRS, memo } = options;
  if (!(threshold >= 0 && threshold <= 1)) throw new RangeError(`threshold ${threshold} is not in [0, 1]`);
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`limit ${limit} is not a count`);
  const keep = Math.min(limit, MAX_DUPLICATE_PAIRS);
  if (keep === 0 || items.length < 2) return [];
  // In id order, item indexes order the pairs, and buckets don't depend on the input's order.
  const sorted = [...items].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  memo?.begin();
  const corpus = buildCorpus(sorted.map((item) => (memo ? memo.of(item) : tokenize(item))));
  memo?.end();
  // The best `keep` by (score desc, a, b): prune a buffer now and then; skip what can't beat the last kept.
  type Scored = { score: number; a: number; b: number };
  const byRank = (x: Scored, y: Scored) => y.score - x.score || x.a - y.a || x.b - y.b;
  let kept: Scored[] = [];
  let floor: Scored | null = null;
  const prune = () => {
    kept.sort(byRank);
    if (kept.length < keep) return;
    kept = kept.slice(0, keep);
    floor = kept[keep - 1]!;
  };
  forEachCandidates(corpus, sorted.length, (a, bs) => {
    // Once `keep` pairs are kept, a pair must score at least the last one's to enter.
    const least: number = floor === null ? threshold : Math.max(threshold, (floor as Scored).score);
    scoreCandidates(corpus, a, bs, least, (b, score) => {
      const pair = { score, a, b };
      if (score < threshold || sorted[a]!.id === sorted[b]!.id || (floor && byRank(pair, floor) >= 0)) return;
      if (kept.push(pair) >= 4 * keep) prune();
    });
  });
  prune();
  return kept.map(({ score, a, b }) => ({ itemIds: [sorted[a]!.id, sorted[b]!.id], score }));
}
