/**
 * The words of a backlog item's text, as duplicate detection (duplicates.ts) compares them. Pure: no I/O,
 * no clock, no randomness.
 *
 * Words are letters, marks and digits after NFKC and lower-casing, less English stop words and a story's
 * "As a <role>, I want"; plurals and -ing/-ed folded. Scripts written without spaces (Han, kana, Thai…)
 * give pairs of neighbouring characters instead of words. Each word is a 32-bit hash, so that what is
 * kept of a text is a small array of numbers whatever its words.
 * Bounds: each field is read up to a constant number of characters and words, so identical, empty or huge
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

/** An item's words as hashes in reading order (title, story, description); the title's come first. */
export interface TokenizedText {
  hashes: Int32Array;
  titleCount: number;
}

/** Characters and words (stop words included, so that `a*a*a…` ends early) read per field. */
export const FIELD_CHARS = { title: 200, story: 400, description: 800 };
export const FIELD_WORDS = { title: 20, story: 40, description: 80 };

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
  return h;
}

const pairHash = (first: number, second: number) =>
  Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b);

/** Pushes the hashes of `text`'s words onto `out`: at most `maxChars` characters and `maxWords` words. */
function readField(text: string, maxChars: number, maxWords: number, story: boolean, out: number[]): void {
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
      const word = s.slice(i, end);
      if (!STOP_WORDS.has(word)) out.push(hashText(fold(word)));
      words++;
    } else if (kind === UNSPACED) {
      // Each pair of neighbouring characters is a word; a lone character pairs with nothing (0).
      const lone = end;
      let prev = code;
      while (end < s.length && words < maxWords && kindOf(s.codePointAt(end)!) === UNSPACED) {
        const next = s.codePointAt(end)!;
        out.push(pairHash(prev, next));
        words++;
        prev = next;
        end += width(next);
      }
      if (end === lone) {
        out.push(pairHash(code, 0));
        words++;
      }
    }
    i = end;
  }
}

const scratch: number[] = [];

/** The words of an item's title, story and description. */
export function tokenize(item: DuplicateCandidate): TokenizedText {
  scratch.length = 0;
  readField(item.title, FIELD_CHARS.title, FIELD_WORDS.title, false, scratch);
  const titleCount = scratch.length;
  if (item.story !== null) readField(item.story, FIELD_CHARS.story, FIELD_WORDS.story, true, scratch);
  readField(item.description, FIELD_CHARS.description, FIELD_WORDS.description, false, scratch);
  return { hashes: Int32Array.from(scratch), titleCount };
}

interface Remembered extends TokenizedText {
  id: string;
  title: string;
  story: string | null;
  description: string;
}

/**
 * The words of the items of the last run, kept by the caller between runs (a server, for one product):
 * after an edit, only the items whose text changed are read again. It holds what `tokenize` returns for
 * the same text, so a result never depends on it, and only the items of its latest run. A run asks for
 * its items in ascending id order, so that each is found by walking the last run's list once, in step
 * (asked out of order, an item is read again).
 */
export class TokenMemo {
  private previous: Remembered[] = [];
  private current: Remembered[] = [];
  private at = 0;

  /** Starts a run: `of` then answers for its items, and `end` keeps them for the next run. */
  begin(): void {
    this.current = [];
    this.at = 0;
  }

  of(item: DuplicateCandidate): TokenizedText {
    const last = this.previous;
    while (this.at < last.length && last[this.at]!.id < item.id) this.at++;
    const held = last[this.at];
    const same =
      held !== undefined &&
      held.id === item.id &&
      held.title === item.title &&
      held.story === item.story &&
      held.description === item.description;
    const entry = same ? held : remember(item);
    this.current.push(entry);
    return entry;
  }

  end(): void {
    this.previous = this.current;
    this.current = [];
  }

  /** Items kept from the last run. */
  get size(): number {
    return this.previous.length;
  }
}

function remember(item: DuplicateCandidate): Remembered {
  const { hashes, titleCount } = tokenize(item);
  const { id, title, story, description } = item;
  return { hashes, titleCount, id, title, story, description };
}
