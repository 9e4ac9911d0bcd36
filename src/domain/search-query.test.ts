import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fts5Query, searchTerms, tsQuery } from './search-query.ts';

describe('search terms', () => {
  it('keeps only words, lower-cased, so query syntax typed by a user is inert', () => {
    assert.deepEqual(searchTerms('Apple "Pay" OR (NOT *crash*) CHK-42'), [
      'apple',
      'pay',
      'or',
      'not',
      'crash',
      'chk',
      '42',
    ]);
    assert.deepEqual(searchTerms('  ---  '), []);
    assert.deepEqual(searchTerms('Zahlung über Konto'), ['zahlung', 'über', 'konto']);
  });

  it('caps the number of terms', () => {
    assert.equal(searchTerms('a b c d e f g h i j k l').length, 10);
  });

  it('builds prefix queries for FTS5 and tsquery', () => {
    assert.equal(fts5Query(['apple', 'pa']), '"apple"* "pa"*');
    assert.equal(tsQuery(['apple', 'pa']), 'apple:* & pa:*');
  });
});
