/**
 * Bytes of an exported file → text. Exports arrive in whatever the source tool (or a spreadsheet that
 * re-saved them) wrote: UTF-8 with or without a BOM, UTF-16 from Excel's "Unicode text", windows-1252 from
 * older Windows tools. Newlines become "\n" so line numbers in errors match what an editor shows.
 */

/** The encoding a file was read with, for reports and tests. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** Decodes export bytes: BOM first, else strict UTF-8, else windows-1252; CRLF and lone CR become LF. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const { text, encoding } = decodeRaw(bytes);
  return { text: normaliseNewlines(text), encoding };
}

function decodeRaw(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const utf16 = sniffUtf16WithoutBom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: the common single-byte case is a Western Windows code page.
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** Only the first bytes are looked at: ASCII text in UTF-16 has a zero in every other byte. */
const SNIFF_BYTES = 64;

function sniffUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  // Mostly-ASCII text (CSV headers) has a zero high byte in nearly every unit; UTF-8 text has no zeros.
  const pairs = n / 2;
  if (oddZeros * 4 >= pairs * 3 && evenZeros * 8 <= pairs) return 'utf-16le';
  if (evenZeros * 4 >= pairs * 3 && oddZeros * 8 <= pairs) return 'utf-16be';
  return null;
}

/**
 * windows-1252 by hand: Node's TextDecoder (without full ICU) reads the label as Latin-1, which leaves
 * 0x80–0x9F (curly quotes, dashes, €) as control characters.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = new TextDecoder('latin1').decode(bytes);
  return latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

function normaliseNewlines(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}
