/**
 * Likely duplicate backlog items for the grooming report, by text similarity of title, story and
 * description. Pure: no I/O, no clock, no randomness.
 *
 * Text: word tokens (letters, marks, digits) after NFKC and lower-casing; English stop words and the
 * "As a <role>, I want" scaffolding of stories dropped; plurals and -ing/-ed folded (a light suffix rule,
 * not a stemmer). Scripts written without spaces (Han, kana, Thai…) become character bigrams.
 *
 * Score: IDF-weighted cosine, TITLE_SHARE × (titles) + the rest × (whole texts, title words counted
 * twice). IDF makes the words every item uses (a template's "steps to reproduce") worth little; the title
 * share means two items with different titles can't reach the threshold on a shared description alone,
 * while the same title over different descriptions still does.
 *
 * Blocking: an item is compared only with items sharing a key: its rarest title word alone, or any pair
 * of its KEY_WORDS rarest title words (body words when it has no title). Word pairs keep buckets small
 * even when every word is common (a few thousand words over 100,000 items), where single-word blocking
 * or a rare-word cut-off would compare thousands of items per item, or none. A pair reaching the default
 * threshold must share title words, so little is lost. MinHash + LSH banding would need ~50 hashes per
 * word for the same recall; a library would add little over this.
 *
 * Bounds: every field is read up to a constant number of characters and words; in a bucket an item
 * meets only the next WINDOW items, and at most MAX_CANDIDATES distinct items in all. So identical,
 * empty or huge texts cost at most a constant per item.
 */

/** The text of one backlog item, as the grooming report sees it. */
export interface DuplicateCandidate {
  id: string;
  title: string;
  /** The flattened user story ("As a …, I want …, so that …"), or null. */
  story: string | null;
  description: string;
}

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
const FIELD_CHARS = { title: 256, story: 1_024, description: 2_048 };
/** Bigrams taken from one run of unspaced script (a run may be a whole paragraph). */
const MAX_BIGRAMS = 64;
/** Characters normalised at a time. */
const CHUNK = 256;
/** Words read per field, stop words included, so that `a*a*a…` stops early. */
const FIELD_WORDS = { title: 24, story: 96, description: 160 };
/** Tokens kept per item; ≤ 256 keeps the fixed-point sums exact (see `quantise`). */
const ITEM_TOKENS = 200;
const KEY_WORDS = 6;
const WINDOW = 8;
const MAX_CANDIDATES = 48;
/** A word in at most this many items is a blocking key on its own. */
const RARE_WORD = 64;

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const SCAFFOLD = /\bas an?\s[^,.;!?\n]{0,80}?,?\s*\bi\s+(?:want|need|would like|wish|can)\b/giu;
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const STOP_WORDS = new Set(
  `a about above after again all also am an and any are as at be been before being below between both but by
  can could d did do does doing don done down during e each eg etc few for from further had has have having he
  her here hers him his how i ie if in into is it its just like ll m me more most must my no nor not now of
  off on once only or other our ours out over own per please re s same shall she should so some such t than
  that the their theirs them then there these they this those through to too under until up us ve very via
  want was we were what when where which while who whom whose why will with would you your yours able need`.split(
    /\s+/,
  ),
);

/** Folds plurals and -ing/-ed onto one form: "exports", "exported", "exporting" → "export". */
function fold(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (/([^aeioulsz])\1$/.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** What one word stands for: nothing (a stop word), a folded word, or the bigrams of unspaced script. */
function terms(word: string): string[] {
  if (STOP_WORDS.has(word)) return [];
  if (word.charCodeAt(0) < 0xe00 || !UNSPACED.test(word)) return [fold(word)];
  const chars = Array.from(word);
  return chars.length === 1 ? chars : chars.slice(1, MAX_BIGRAMS + 1).map((char, k) => chars[k]! + char);
}

/** Maps each distinct word read to its token ids; a word is stop-checked, folded and split once. */
class Lexicon {
  private readonly termIds = new Map<string, number[]>();
  private readonly vocabulary = new Map<string, number>();

  get tokenCount(): number {
    return this.vocabulary.size;
  }

  /** Pushes the index of each word of `text` onto `out`: at most `maxChars` characters, `maxWords` words. */
  read(text: string, maxChars: number, maxWords: number, story: boolean, out: number[]): void {
    const end = Math.min(text.length, maxChars);
    let words = 0;
    // A chunk at a time: the work follows the words read, not the text's length.
    for (let from = 0; from < end && words < maxWords; ) {
      let to = Math.min(end, from + CHUNK);
      if (to < end) {
        // Cut at a space in the chunk's second half, keeping words whole; else keep a surrogate pair whole.
        let cut = to;
        while (cut > from + CHUNK / 2 && text.charCodeAt(cut) !== 32) cut--;
        to = cut > from + CHUNK / 2 ? cut : (text.charCodeAt(to - 1) & 0xfc00) === 0xd800 ? to - 1 : to;
      }
      const chunk = text.slice(from, to).normalize('NFKC').toLowerCase();
      for (const word of (story && from === 0 ? chunk.replace(SCAFFOLD, ' ') : chunk).match(WORD) ?? []) {
        const ids = this.find(word);
        for (let k = 0; k < ids.length; k++) out.push(ids[k]!);
        // A bigram of unspaced script counts as a word.
        words += Math.max(1, ids.length);
        if (words >= maxWords) break;
      }
      from = to;
    }
  }

  private find(word: string): number[] {
    let ids = this.termIds.get(word);
    if (ids === undefined) {
      ids = terms(word).map((term) => this.tokenId(term));
      this.termIds.set(word, ids);
    }
    return ids;
  }

  private tokenId(term: string): number {
    const id = this.vocabulary.get(term);
    if (id !== undefined) return id;
    this.vocabulary.set(term, this.vocabulary.size);
    return this.vocabulary.size - 1;
  }
}

/** Each item's distinct tokens (ids, in reading order) and weights: all of its text, and its title alone. */
interface Corpus {
  start: Int32Array;
  token: Int32Array;
  weight: Float64Array;
  norm: Float64Array;
  titleStart: Int32Array;
  titleToken: Int32Array;
  titleWeight: Float64Array;
  titleNorm: Float64Array;
  df: Int32Array;
}

/**
 * IDF rounded to 1/65536: a product of two weights is then an integer times 2^-32 below 2^44, and a sum
 * of ≤ 256 of them is exact, so a score doesn't depend on the order its words are added in.
 */
const quantise = (x: number): number => Math.round(x * 65_536) / 65_536;

function buildCorpus(items: readonly DuplicateCandidate[]): Corpus {
  const n = items.length;
  const lexicon = new Lexicon();
  const all: number[] = [];
  const titles: number[] = [];
  const start = new Int32Array(n + 1);
  const titleStart = new Int32Array(n + 1);
  const seen: number[] = [];
  const titleSeen: number[] = [];
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const item = items[i]!;
    ids.length = 0;
    lexicon.read(item.title, FIELD_CHARS.title, FIELD_WORDS.title, false, ids);
    const titleIds = ids.length;
    if (item.story !== null) lexicon.read(item.story, FIELD_CHARS.story, FIELD_WORDS.story, true, ids);
    lexicon.read(item.description, FIELD_CHARS.description, FIELD_WORDS.description, false, ids);
    while (seen.length < lexicon.tokenCount) seen.push(-1), titleSeen.push(-1);
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      if (k < titleIds && titleSeen[id] !== i && titles.length - titleStart[i]! < ITEM_TOKENS) {
        titleSeen[id] = i;
        titles.push(id);
      }
      if (seen[id] !== i && all.length - start[i]! < ITEM_TOKENS) {
        seen[id] = i;
        all.push(id);
      }
    }
    start[i + 1] = all.length;
    titleStart[i + 1] = titles.length;
  }
  const token = Int32Array.from(all);
  const titleToken = Int32Array.from(titles);
  const df = new Int32Array(lexicon.tokenCount);
  for (const id of token) df[id]!++;
  let texts = 0;
  for (let i = 0; i < n; i++) if (start[i + 1]! > start[i]!) texts++;
  const idf = Float64Array.from(df, (count) => quantise(Math.log(1 + texts / Math.max(count, 1))));
  const titleWeight = Float64Array.from(titleToken, (id) => idf[id]!);
  const weight = new Float64Array(token.length);
  const norm = new Float64Array(n);
  const titleNorm = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let p = titleStart[i]!; p < titleStart[i + 1]!; p++) {
      seen[titleToken[p]!] = n + i; // marks this item's title words
      sum += titleWeight[p]! ** 2;
    }
    titleNorm[i] = Math.sqrt(sum);
    sum = 0;
    for (let p = start[i]!; p < start[i + 1]!; p++) {
      weight[p] = (seen[token[p]!] === n + i ? TITLE_BOOST : 1) * idf[token[p]!]!;
      sum += weight[p]! ** 2;
    }
    norm[i] = Math.sqrt(sum);
  }
  return { start, token, weight, norm, titleStart, titleToken, titleWeight, titleNorm, df };
}

/**
 * Scores one item against its candidates: the item's weights are spread once over arrays indexed by
 * token, and each candidate's tokens look theirs up. Exact sums (see `quantise`) make it symmetric.
 */
function scoreCandidates(
  c: Corpus,
  a: number,
  candidates: readonly number[],
  threshold: number,
  marks: { title: Float64Array; all: Float64Array },
  found: (b: number, score: number) => void,
): void {
  const { titleStart: ts, start: s, titleToken, token } = c;
  for (let p = ts[a]!; p < ts[a + 1]!; p++) marks.title[titleToken[p]!] = c.titleWeight[p]!;
  for (let p = s[a]!; p < s[a + 1]!; p++) marks.all[token[p]!] = c.weight[p]!;
  for (const b of candidates) {
    const ta = c.titleNorm[a]!;
    const tb = c.titleNorm[b]!;
    let title = 0;
    for (let q = ts[b]!; q < ts[b + 1]!; q++) title += marks.title[titleToken[q]!]! * c.titleWeight[q]!;
    if (title > 0) title /= ta * tb;
    const share = ta > 0 || tb > 0 ? TITLE_SHARE : 0;
    // The whole-text part is at most 1: skip its longer sum when even that can't reach the threshold.
    if (share * title + (1 - share) < threshold - 0.0005) continue;
    let whole = 0;
    for (let q = s[b]!; q < s[b + 1]!; q++) whole += marks.all[token[q]!]! * c.weight[q]!;
    if (whole === 0) continue;
    whole /= c.norm[a]! * c.norm[b]!;
    found(b, Math.round(Math.min(1, share * title + (1 - share) * whole) * 1000) / 1000);
  }
  for (let p = ts[a]!; p < ts[a + 1]!; p++) marks.title[titleToken[p]!] = 0;
  for (let p = s[a]!; p < s[a + 1]!; p++) marks.all[token[p]!] = 0;
}

/** A 32-bit hash of a blocking key: one token id (a === b) or two (a < b). */
function keyHash(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Calls `visit(a, bs)` with each item's candidates b > a: items sharing a blocking key, at most WINDOW
 * apart in its bucket, at most MAX_CANDIDATES. A bucket is a chain through a hash table in item order;
 * the rare chain two keys share only adds candidates, which are scored anyway.
 */
function forEachCandidates(c: Corpus, n: number, visit: (a: number, bs: readonly number[]) => void): void {
  const capacity = n * (1 + (KEY_WORDS * (KEY_WORDS - 1)) / 2);
  const entryItem = new Int32Array(capacity);
  const entryKey = new Int32Array(capacity);
  const next = new Int32Array(capacity).fill(-1);
  const mask = 2 ** Math.ceil(Math.log2(2 * capacity)) - 1;
  const tail = new Int32Array(mask + 1).fill(-1);
  const itemStart = new Int32Array(n + 1);
  let count = 0;
  const add = (item: number, key: number) => {
    entryItem[count] = item;
    entryKey[count] = key;
    if (tail[key & mask]! !== -1) next[tail[key & mask]!] = count;
    tail[key & mask] = count++;
  };
  const rarer = (x: number, y: number) => c.df[x]! < c.df[y]! || (c.df[x] === c.df[y] && x < y);
  const keys: number[] = [];
  const pushRarest = (x: number) => {
    if (keys.length === KEY_WORDS && !rarer(x, keys[KEY_WORDS - 1]!)) return;
    let j = Math.min(keys.length, KEY_WORDS - 1);
    for (; j > 0 && rarer(x, keys[j - 1]!); j--) keys[j] = keys[j - 1]!;
    keys[j] = x;
  };
  for (let i = 0; i < n; i++) {
    keys.length = 0;
    for (let p = c.titleStart[i]!; p < c.titleStart[i + 1]!; p++) pushRarest(c.titleToken[p]!);
    if (keys.length === 0) for (let p = c.start[i]!; p < c.start[i + 1]!; p++) pushRarest(c.token[p]!);
    // A common word alone would fill its bucket's window with items sharing nothing else.
    if (keys.length === 1 || (keys.length > 1 && c.df[keys[0]!]! <= RARE_WORD))
      add(i, keyHash(keys[0]!, keys[0]!));
    for (let x = 0; x < keys.length; x++) {
      for (let y = x + 1; y < keys.length; y++) {
        add(i, keyHash(Math.min(keys[x]!, keys[y]!), Math.max(keys[x]!, keys[y]!)));
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
  options: { threshold?: number; limit?: number } = {},
): DuplicatePair[] {
  const threshold = options.threshold ?? DUPLICATE_THRESHOLD;
  const limit = options.limit ?? MAX_DUPLICATE_PAIRS;
  if (!(threshold >= 0 && threshold <= 1)) throw new RangeError(`threshold ${threshold} is not in [0, 1]`);
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`limit ${limit} is not a count`);
  const keep = Math.min(limit, MAX_DUPLICATE_PAIRS);
  if (keep === 0 || items.length < 2) return [];
  // In id order, item indexes order the pairs, and buckets don't depend on the input's order.
  const sorted = [...items].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const corpus = buildCorpus(sorted);
  const marks = { title: new Float64Array(corpus.df.length), all: new Float64Array(corpus.df.length) };
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
    scoreCandidates(corpus, a, bs, threshold, marks, (b, score) => {
      const pair = { score, a, b };
      if (score < threshold || sorted[a]!.id === sorted[b]!.id) return;
      if (floor !== null && byRank(pair, floor) >= 0) return;
      kept.push(pair);
      if (kept.length >= 4 * keep) prune();
    });
  });
  prune();
  return kept.map(({ score, a, b }) => ({ itemIds: [sorted[a]!.id, sorted[b]!.id], score }));
}
