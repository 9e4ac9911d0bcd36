/**
 * What decides, before any parsing, whether Markdown is rendered or shown as escaped plain text. A render
 * is synchronous and cannot be interrupted, so the decision is made up front by one pass over the text
 * (linear in its length, no recursion): the size, the deepest nesting of quotes and lists, and how many
 * inline delimiters (the characters emphasis, links, code and HTML are made of) the text holds. Within
 * these limits markdown-it renders any input of up to 200 kB in milliseconds (see `npm run
 * bench:markdown`); past them, the text is still all there, just unformatted.
 */

/** Longer text is not formatted (release notes and descriptions are at most 200,000 characters). */
export const MAX_MARKDOWN_CHARS = 200_000;
/** Quotes and lists nested deeper than this (a level per `>`, list marker or two columns of indent). */
export const MAX_MARKDOWN_DEPTH = 24;
/** More inline delimiters than this: what makes emphasis, link and table parsing costly. */
export const MAX_MARKDOWN_DELIMITERS = 20_000;

export type PlainTextReason = 'too_long' | 'too_deep' | 'too_many_delimiters';

// Characters the inline parser (emphasis, links, code spans, autolinks, entities) and tables work on, as a
// table by character code (the scan looks at every character, so no string or Set per character).
const DELIMITERS = new Uint8Array(128);
for (const char of '*_~`[]<>&|!') DELIMITERS[char.charCodeAt(0)] = 1;
const NEWLINE = 10;

function isBlank(char: string | undefined): boolean {
  return char === undefined || char === ' ' || char === '\t' || char === '\n' || char === '\r';
}

/**
 * The container depth a line opens: its leading `>` markers, list markers (`-`, `+`, `*`, `1.`, `1)`)
 * (each with the one space after it) and indentation (a tab as four columns, two columns a level, as lists
 * nest by their content's indent).
 * Reads at most the line's own characters, from `start` to `end`.
 */
function lineDepth(source: string, start: number, end: number): number {
  let depth = 0;
  let columns = 0;
  let i = start;
  while (i < end) {
    const char = source[i];
    if (char === ' ') {
      columns += 1;
      i += 1;
    } else if (char === '\t') {
      columns += 4;
      i += 1;
    } else if (char === '>') {
      depth += 1;
      i += source[i + 1] === ' ' ? 2 : 1;
    } else if ((char === '-' || char === '+' || char === '*') && isBlank(source[i + 1])) {
      depth += 1;
      i += 2;
    } else if (char !== undefined && char >= '0' && char <= '9') {
      let j = i;
      while (j < end && j - i < 9 && (source[j] ?? '') >= '0' && (source[j] ?? '') <= '9') j += 1;
      const mark = source[j];
      if ((mark === '.' || mark === ')') && isBlank(source[j + 1])) {
        depth += 1;
        i = j + 2;
      } else break;
    } else break;
  }
  return depth + Math.floor(columns / 2);
}

/** Why `source` must be shown as plain text, or null when it may be rendered as Markdown. */
export function plainTextReason(source: string): PlainTextReason | null {
  if (source.length > MAX_MARKDOWN_CHARS) return 'too_long';
  let delimiters = 0;
  // One pass: each character is looked at once here, and a line's leading markers once more by lineDepth
  // (at the line's start, so a deep line is turned away before its delimiters are counted).
  for (let i = 0; i < source.length; i++) {
    if (i === 0 || source.charCodeAt(i - 1) === NEWLINE) {
      const end = source.indexOf('\n', i);
      if (lineDepth(source, i, end === -1 ? source.length : end) > MAX_MARKDOWN_DEPTH) return 'too_deep';
    }
    const code = source.charCodeAt(i);
    if (code < 128 && DELIMITERS[code] === 1 && ++delimiters > MAX_MARKDOWN_DELIMITERS) {
      return 'too_many_delimiters';
    }
  }
  return null;
}
