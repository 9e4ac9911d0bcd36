/**
 * Likely duplicate backlog items for the grooming report, by text similarity of title, story and
 * description. Pure: no I/O, no clock, no randomness.
 *
 * Text: words (letters, marks, digits) after NFKC and lower-casing, less English stop words and a story's
 * "As a <role>, I want"; plurals and -ing/-ed folded. Scripts written without spaces (Han, kana, Thai…)
 * give pairs of neighbouring characters instead of words.
 * Score: IDF-weighted cosine, TITLE_SHARE × the titles' + the rest × the whole texts' (where title words
 * weigh TITLE_BOOST). IDF makes the words every item uses (a template's "steps to reproduce") worth little;
 * the title share means a shared description alone can't reach the threshold, while one title over two
 * descriptions does.
 * Blocking: an item meets only items sharing a key: a pair of its KEY_WORDS rarest title words, or its
 * rarest word if that is rare. Word pairs keep buckets small even when every word is common (a few thousand
 * words over 100,000 items), where one-word blocking or a cut-off on common words compares thousands of
 * items per item, or none; and a pair above the threshold shares title words. MinHash + LSH banding would
 * hash every word ~50 times for such recall; a library would save little over these ~60 lines.
 * Bounds: each field is read up to a constant number of characters and words, an item keeps ITEM_TOKENS
 * words and meets at most WINDOW items per bucket and MAX_CANDIDATES in all: identical, empty or huge
 * texts cost at most a constant per item.
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
/** Characters and words (stop words included, so that `a*a*a…` ends early) read per field. */
const FIELD_CHARS = { title: 200, story: 400, description: 800 };
const FIELD_WORDS = { title: 20, story: 40, description: 80 };
/** Distinct words kept per item; ≤ 256 keeps the fixed-point sums exact (see `quantise`). */
const ITEM_TOKENS = 96;
const KEY_WORDS = 6;
/** A word in at most this many items is a blocking key on its own. */
const RARE_WORD = 64;
const WINDOW = 8;
const MAX_CANDIDATES = 32;

const ASCII = /^[\0-\x7f]*$/;
const SCAFFOLD = /^\s*as an?\s[^,.;!?\n]{0,80}?,?\s*\bi\s+(?:want|need|would like|wish|can)\b/iu;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const UNSPACED_SCRIPT = /[\p{sc=Han}\p{sc=Hira}\p{sc=Kana}\p{sc=Thai}\p{sc=Laoo}\p{sc=Khmr}\p{sc=Mymr}]/u;
const STOP_WORDS = new Set(
  `a about above after again all also am an and any are as at be been before being below between both but by
  can could d did do does doing don done down during e each eg etc few for from further had has have having he
  her here hers him his how i ie if in into is it its just like ll m me more most must my no nor not now of
  off on once only or other our ours out over own per please re s same shall she should so some such t than
  that the their theirs them then there these they this those through to too under until up us ve very via
  want was we were what when where which while who whom whose why will with would you your yours able
  need`.split(/\s+/),
);

const [OTHER, SPACED, UNSPACED] = [0, 1, 2];
const classify = (char: string) =>
  UNSPACED_SCRIPT.test(char) ? UNSPACED : WORD_CHAR.test(char) ? SPACED : OTHER;
let kinds: Uint8Array | null = null;
const width = (code: number) => (code > 0xffff ? 2 : 1);

/**
 * Whether a character is part of a word of a script written with spaces, or without (Han, kana, Thai…), or
 * neither. A table for the BMP, made once: a regular expression costs ~10 ns per character outside ASCII.
 */
function kindOf(code: number): number {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) ? SPACED : OTHER;
  if (code > 0xffff) return classify(String.fromCodePoint(code));
  kinds ??= Uint8Array.from({ length: 0x10000 }, (_, c) => classify(String.fromCharCode(c)));
  return kinds[code]!;
}

/** Folds plurals and -ing/-ed onto one form: "exports", "exported", "exporting" → "export". */
function fold(word: string): string {
  const end = word.charCodeAt(word.length - 1);
  if (end < 97 || end > 122) return word; // numbers and other scripts stay as they are
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) {
    w = w.slice(0, -1);
  }
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  const last = w.at(-1) ?? '';
  if (w.length > 1 && w.at(-2) === last && !'aeioulsz'.includes(last)) w = w.slice(0, -1); // "running"
  if (w.length > 3 && last === 'e') w = w.slice(0, -1);
  return w;
}

/** FNV-1a, a 32-bit hash of a word. */
function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return h >>> 0;
}

/**
 * Reads texts into token ids. A word or a pair of characters is hashed to `bits` bits and numbered in a
 * table, so that time and memory stay flat however many distinct words come (a Map of millions of words
 * takes seconds); words that share a hash add little noise. `ties` holds each token's hash, which orders
 * tokens of equal frequency the same way whatever the order of the items.
 */
class Lexicon {
  private readonly ids: Int32Array;
  readonly ties: number[] = [];

  /** `bits`: 18 to 20 with the input's size, so that a small input doesn't clear a 4 MB table. */
  constructor(private readonly bits: number) {
    this.ids = new Int32Array(1 << bits);
  }

  /** Pushes the token ids of `text` onto `out`: at most `maxChars` characters and `maxWords` words. */
  read(text: string, maxChars: number, maxWords: number, story: boolean, out: number[]): void {
    let s = text.length > maxChars ? text.slice(0, maxChars) : text;
    if (story) s = s.replace(SCAFFOLD, ' ');
    s = (ASCII.test(s) ? s : s.normalize('NFKC')).toLowerCase();
    let words = 0;
    for (let i = 0; i < s.length && words < maxWords; ) {
      const code = s.codePointAt(i)!;
      const kind = kindOf(code);
      let end = i + width(code);
      if (kind === SPACED) {
        while (end < s.length && kindOf(s.codePointAt(end)!) === SPACED) end += width(s.codePointAt(end)!);
        this.take(s.slice(i, end), out);
        words++;
      } else if (kind === UNSPACED) {
        // Each pair of neighbouring characters is a word; a lone character pairs with nothing (0).
        const lone = end;
        let prev = code;
        while (end < s.length && words < maxWords && kindOf(s.codePointAt(end)!) === UNSPACED) {
          const next = s.codePointAt(end)!;
          this.takePair(prev, next, out);
          words++;
          prev = next;
          end += width(next);
        }
        if (end === lone) {
          this.takePair(code, 0, out);
          words++;
        }
      }
      i = end;
    }
  }

  private take(word: string, out: number[]): void {
    if (!STOP_WORDS.has(word)) out.push(this.idOf(hashText(fold(word))));
  }

  private takePair(first: number, second: number, out: number[]): void {
    out.push(this.idOf(Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b)));
  }

  private idOf(hash: number): number {
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
function buildCorpus(items: readonly DuplicateCandidate[]) {
  const n = items.length;
  const lexicon = new Lexicon(Math.min(20, Math.max(18, Math.ceil(Math.log2(n * 1_000)))));
  const start = new Int32Array(n + 1);
  const titleEnd = new Int32Array(n);
  const all: number[] = [];
  const ids: number[] = [];
  const seen: number[] = []; // per token, the last item that had it
  for (let i = 0; i < n; i++) {
    const item = items[i]!;
    ids.length = 0;
    lexicon.read(item.title, FIELD_CHARS.title, FIELD_WORDS.title, false, ids);
    const titleIds = ids.length;
    if (item.story !== null) lexicon.read(item.story, FIELD_CHARS.story, FIELD_WORDS.story, true, ids);
    lexicon.read(item.description, FIELD_CHARS.description, FIELD_WORDS.description, false, ids);
    while (seen.length < lexicon.ties.length) seen.push(-1);
    titleEnd[i] = all.length;
    for (let k = 0; k < ids.length && all.length - start[i]! < ITEM_TOKENS; k++) {
      if (seen[ids[k]!] === i) continue;
      seen[ids[k]!] = i;
      all.push(ids[k]!);
      if (k < titleIds) titleEnd[i] = all.length;
    }
    start[i + 1] = all.length;
  }
  const token = Int32Array.from(all);
  const df = new Int32Array(lexicon.ties.length);
  for (const id of token) df[id]!++;
  let texts = 0;
  for (let i = 0; i < n; i++) if (start[i + 1]! > start[i]!) texts++;
  const idf = Float64Array.from(df, (count) => quantise(Math.log(1 + texts / Math.max(count, 1))));
  const weight = new Float64Array(token.length);
  const norm = new Float64Array(n);
  const titleNorm = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let titleSum = 0;
    for (let p = start[i]!; p < start[i + 1]!; p++) {
      const w = idf[token[p]!]!;
      weight[p] = p < titleEnd[i]! ? TITLE_BOOST * w : w;
      sum += weight[p]! ** 2;
      if (p < titleEnd[i]!) titleSum += w * w;
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
  const capacity = n * (1 + (KEY_WORDS * (KEY_WORDS - 1)) / 2);
  const entryItem = new Int32Array(capacity);
  const entryKey = new Int32Array(capacity);
  const next = new Int32Array(capacity);
  const mask = 2 ** Math.ceil(Math.log2(2 * capacity)) - 1;
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
  const rarity = (x: number, y: number) => c.df[x]! - c.df[y]! || c.tie[x]! - c.tie[y]! || x - y;
  const keys: number[] = [];
  for (let i = 0; i < n; i++) {
    // The rarest of the title's words, or of the text's first ones when there is no title.
    const from = c.start[i]!;
    const to = c.titleEnd[i]! > from ? c.titleEnd[i]! : Math.min(c.start[i + 1]!, from + FIELD_WORDS.title);
    keys.length = 0;
    for (let p = from; p < to; p++) keys.push(c.token[p]!);
    keys.sort(rarity).length = Math.min(keys.length, KEY_WORDS);
    // A common word alone would fill its bucket's window with items sharing nothing else.
    if (keys.length === 1 || (keys.length > 1 && c.df[keys[0]!]! <= RARE_WORD))
      add(i, keyHash(keys[0]!, keys[0]!));
    for (let x = 0; x < keys.length; x++) {
      for (let y = x + 1; y < keys.length; y++)
        add(i, keyHash(Math.min(keys[x]!, keys[y]!), Math.max(keys[x]!, keys[y]!)));
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
  const { threshold = DUPLICATE_THRESHOLD, limit = MAX_DUPLICATE_PAIRS } = options;
  if (!(threshold >= 0 && threshold <= 1)) throw new RangeError(`threshold ${threshold} is not in [0, 1]`);
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`limit ${limit} is not a count`);
  const keep = Math.min(limit, MAX_DUPLICATE_PAIRS);
  if (keep === 0 || items.length < 2) return [];
  // In id order, item indexes order the pairs, and buckets don't depend on the input's order.
  const sorted = [...items].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const corpus = buildCorpus(sorted);
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
    scoreCandidates(corpus, a, bs, threshold, (b, score) => {
      const pair = { score, a, b };
      if (score < threshold || sorted[a]!.id === sorted[b]!.id || (floor && byRank(pair, floor) >= 0)) return;
      if (kept.push(pair) >= 4 * keep) prune();
    });
  });
  prune();
  return kept.map(({ score, a, b }) => ({ itemIds: [sorted[a]!.id, sorted[b]!.id], score }));
}
