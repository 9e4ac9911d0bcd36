import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  MAX_MARKDOWN_CHARS,
  MAX_MARKDOWN_DELIMITERS,
  MAX_MARKDOWN_DEPTH,
  plainTextReason,
} from './limits.ts';

describe('plainTextReason', () => {
  it('lets ordinary Markdown be rendered', () => {
    assert.equal(plainTextReason('# Notes\n\n- **one**\n  - [two](https://e.example)\n\n> quote\n'), null);
    assert.equal(plainTextReason(''), null);
  });

  it('turns away text longer than the limit', () => {
    assert.equal(plainTextReason('a'.repeat(MAX_MARKDOWN_CHARS)), null);
    assert.equal(plainTextReason('a'.repeat(MAX_MARKDOWN_CHARS + 1)), 'too_long');
  });

  it('counts quote markers, list markers and indentation as nesting', () => {
    const at = (depth: number) => [
      `${'>'.repeat(depth)} a`,
      `${'> '.repeat(depth)}a`,
      `${'- '.repeat(depth)}a`,
      `${'1. '.repeat(depth)}a`,
      `${'  '.repeat(depth - 1)}- a`,
      `text\n${'> - '.repeat(depth / 2)}a`,
    ];
    for (const source of at(MAX_MARKDOWN_DEPTH)) assert.equal(plainTextReason(source), null, source);
    for (const source of at(MAX_MARKDOWN_DEPTH + 2))
      assert.equal(plainTextReason(source), 'too_deep', source);
  });

  it('does not count what only looks like a marker', () => {
    assert.equal(plainTextReason(`${'-'.repeat(1_000)}\n${'1.5 '.repeat(1_000)}`), null);
  });

  it('turns away text with more inline delimiters than the limit', () => {
    assert.equal(plainTextReason('*a'.repeat(MAX_MARKDOWN_DELIMITERS)), null);
    assert.equal(plainTextReason('*a'.repeat(MAX_MARKDOWN_DELIMITERS + 1)), 'too_many_delimiters');
    assert.equal(plainTextReason('['.repeat(MAX_MARKDOWN_DELIMITERS + 1)), 'too_many_delimiters');
  });
});
