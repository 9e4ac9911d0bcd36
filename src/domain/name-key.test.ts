import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nameKey } from './name-key.ts';

describe('nameKey', () => {
  it('treats names that differ only in case or surrounding spaces as one', () => {
    assert.equal(nameKey('  Growth '), nameKey('GROWTH'));
    assert.equal(nameKey('Été'), nameKey('ÉTÉ'));
  });

  it('keeps names that differ inside apart', () => {
    assert.notEqual(nameKey('Growth'), nameKey('Grow th'));
  });
});
