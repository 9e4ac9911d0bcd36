/**
 * @mentions in a comment: `@Ann Lee`, `@ann`, `@ann@example.com`. Only the product's members are matched
 * (by full name, name without spaces, or e-mail; case-insensitive); anything else after an `@` is plain
 * text. Pure and bounded: the body is read up to a fixed length, at most a fixed number of `@` are looked
 * at, and each costs a fixed number of map lookups, whatever the member list or the text.
 */

/** A member who may be mentioned. */
export interface Mentionable {
  id: string;
  name: string;
  email: string;
}

/** Distinct members one comment may mention; later mentions are plain text. */
export const MAX_MENTIONS = 50;
/** Characters of the body that are searched (a comment's own limit is below it). */
const MAX_SCANNED = 100_000;
/** `@` signs looked at, at most. */
const MAX_AT_SIGNS = 2_000;
/** Words after an `@` that a name may span ("Ann Marie Lee"). */
const MAX_NAME_WORDS = 4;
/** Characters after an `@` that a name or e-mail may span. */
const MAX_NAME_CHARS = 254;
/** Punctuation that may follow a mention without being part of it. */
const TRAILING = /[.,:;!?)\]}'"»]+$/;
/** A character that, just before an `@`, makes it part of a word (an e-mail in text), not a mention. */
const WORD_BEFORE = /[\p{L}\p{N}_.+-]/u;

/** Lower-cases and collapses whitespace: the key names are compared by. */
export function mentionKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The lookup of members by every form they may be mentioned in; build once per product. */
export function mentionIndex(members: readonly Mentionable[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const member of members) {
    const name = mentionKey(member.name);
    for (const key of [mentionKey(member.email), name, name.replace(/ /g, '')]) {
      // A form two members share mentions neither: no guessing who was meant.
      if (key === '') continue;
      const taken = index.get(key);
      index.set(key, taken === undefined || taken === member.id ? member.id : '');
    }
  }
  return index;
}

/** The ids of the members `body` mentions, in order of first mention, at most MAX_MENTIONS. */
export function parseMentions(body: string, index: ReadonlyMap<string, string>): string[] {
  const text = body.length > MAX_SCANNED ? body.slice(0, MAX_SCANNED) : body;
  const found: string[] = [];
  const seen = new Set<string>();
  let from = 0;
  for (let signs = 0; signs < MAX_AT_SIGNS && found.length < MAX_MENTIONS; signs++) {
    const at = text.indexOf('@', from);
    if (at < 0) break;
    from = at + 1;
    if (at > 0 && WORD_BEFORE.test(text.charAt(at - 1))) continue;
    const id = matchAt(text.slice(at + 1, at + 1 + MAX_NAME_CHARS), index);
    if (id !== null && !seen.has(id)) {
      seen.add(id);
      found.push(id);
    }
  }
  return found;
}

/** The member whose name or e-mail the text after one `@` begins with, the longest such form first. */
function matchAt(after: string, index: ReadonlyMap<string, string>): string | null {
  const words = after.split(/\s+/, MAX_NAME_WORDS);
  for (let count = words.length; count >= 1; count--) {
    const candidate = mentionKey(words.slice(0, count).join(' ').replace(TRAILING, ''));
    if (candidate === '') continue;
    const id = index.get(candidate);
    if (id) return id;
  }
  return null;
}
