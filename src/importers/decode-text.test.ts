import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeText } from './decode-text.ts';

const utf16 = (text: string, bigEndian: boolean, bom: boolean): Uint8Array => {
  const bytes: number[] = bom ? (bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]) : [];
  for (const unit of text.split('').map((c) => c.charCodeAt(0))) {
    bytes.push(...(bigEndian ? [unit >> 8, unit & 0xff] : [unit & 0xff, unit >> 8]));
  }
  return Uint8Array.from(bytes);
};

describe('decodeText', () => {
  it('drops a UTF-8 BOM and reads UTF-8', () => {
    const bytes = Uint8Array.from([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode('Summary,Issue key\nПривет,日本'),
    ]);
    assert.deepEqual(decodeText(bytes), { text: 'Summary,Issue key\nПривет,日本', encoding: 'utf-8' });
  });

  it('reads UTF-16 with either byte order mark, and without one when the text is mostly ASCII', () => {
    const text = 'Issue key,Summary\nA-1,Grüße 日本';
    assert.deepEqual(decodeText(utf16(text, false, true)), { text, encoding: 'utf-16le' });
    assert.deepEqual(decodeText(utf16(text, true, true)), { text, encoding: 'utf-16be' });
    assert.deepEqual(decodeText(utf16(text, false, false)), { text, encoding: 'utf-16le' });
  });

  it('falls back to windows-1252 when the bytes are not UTF-8', () => {
    // "Café – naïve" as Windows-1252: é = E9, – = 96, ï = EF.
    const bytes = Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x6e, 0x61, 0xef, 0x76, 0x65]);
    assert.deepEqual(decodeText(bytes), { text: 'Café – naïve', encoding: 'windows-1252' });
  });

  it('turns CRLF and lone CR into LF', () => {
    assert.equal(decodeText(new TextEncoder().encode('a\r\nb\rc\n')).text, 'a\nb\nc\n');
  });
});
