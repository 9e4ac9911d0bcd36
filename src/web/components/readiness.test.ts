import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReadinessReportT } from '../api/analysis.ts';
import { indexReadiness, READY_TEXT, readinessLabel, reasonsText } from './readiness.ts';

const report: ReadinessReportT = {
  asOf: 7,
  ready: 1,
  items: [
    { itemId: 'a', key: 'CHK-1', ready: true, reasons: [] },
    {
      itemId: 'b',
      key: 'CHK-2',
      ready: false,
      reasons: [
        { code: 'no_estimate', message: 'no estimate' },
        { code: 'no_acceptance_criteria', message: 'no acceptance criteria' },
        {
          code: 'blocked',
          message: 'blocked by CHK-3 "Login" (in progress); blocked by Legal approval (external)',
          blockers: [
            { key: 'CHK-3', title: 'Login', external: false },
            { key: null, title: 'Legal approval', external: true },
          ],
        },
      ],
    },
  ],
};

describe('readiness words', () => {
  it('lists every failing rule in the order the server gives, each in its own words', () => {
    const index = indexReadiness(report);
    assert.equal(
      index.get('b')?.text,
      'no estimate; no acceptance criteria; blocked by CHK-3 "Login" (in progress); blocked by Legal approval (external)',
    );
    assert.equal(index.get('b')?.reasons.length, 3);
    assert.equal(
      readinessLabel(index.get('b')?.text ?? ''),
      'Not ready: no estimate; no acceptance criteria; blocked by CHK-3 "Login" (in progress); blocked by Legal approval (external)',
    );
  });

  it('says a ready item passes, and knows nothing of items the report does not hold', () => {
    const index = indexReadiness(report);
    assert.equal(index.get('a')?.text, '');
    assert.equal(readinessLabel(''), READY_TEXT);
    assert.equal(index.get('closed-item'), undefined);
    assert.equal(indexReadiness(undefined).size, 0);
  });

  it('joins reasons of any code, new ones included', () => {
    assert.equal(
      reasonsText([
        { message: 'no description' },
        { message: 'serves no initiative' },
        { message: '21 points is more than a sprint takes (at most 13); split it' },
      ]),
      'no description; serves no initiative; 21 points is more than a sprint takes (at most 13); split it',
    );
  });
});
