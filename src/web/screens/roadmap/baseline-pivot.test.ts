import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { initiativeFixture } from '../../api/planning-fixtures.ts';
import { pivotFieldsOf } from './baseline-pivot.ts';

describe('pivotFieldsOf', () => {
  const committed = initiativeFixture({ confidence: 'committed', horizon: 'now', targetDate: '2026-03-31' });

  it('names the horizon, dates, confidence and status a change moves on committed work', () => {
    assert.deepEqual(pivotFieldsOf(committed, { horizon: 'next', themeId: null }), ['horizon']);
    assert.deepEqual(pivotFieldsOf(committed, { targetDate: '2026-04-30', confidence: 'planned' }), [
      'targetDate',
      'confidence',
    ]);
  });

  it('asks nothing for uncommitted work, a title, or a value that stays the same', () => {
    assert.deepEqual(pivotFieldsOf(initiativeFixture({ confidence: 'planned' }), { horizon: 'later' }), []);
    assert.deepEqual(pivotFieldsOf(committed, { title: 'Renamed' }), []);
    assert.deepEqual(pivotFieldsOf(committed, { horizon: 'now' }), []);
  });
});
