import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localDayRules } from './cumulative-flow.ts';
import { flowMove, SLOT_MS, slotOf, slotsAlign } from './item-projection.ts';

describe('flowMove', () => {
  it('enters the flow on creation, moves on a status change, leaves on trash and comes back on restore', () => {
    assert.deepEqual(flowMove({ status: [null, 'backlog'], title: [null, 'A'] }, null), {
      from: null,
      to: 'backlog',
    });
    assert.deepEqual(flowMove({ status: ['ready', 'done'] }, 'ready'), { from: 'ready', to: 'done' });
    assert.deepEqual(flowMove({ deletedAt: [null, '2026-01-01T00:00:00.000Z'] }, 'in_review'), {
      from: 'in_review',
      to: null,
    });
    assert.deepEqual(flowMove({ deletedAt: ['2026-01-01T00:00:00.000Z', null] }, 'done'), {
      from: null,
      to: 'done',
    });
  });

  it('ignores events that do not move the item', () => {
    assert.equal(flowMove({ title: ['A', 'B'], estimate: [1, 2] }, 'ready'), null);
    assert.equal(flowMove({ status: ['done', 'done'] }, 'done'), null);
  });

  it('reads a status change and a trash in one event from the change set alone', () => {
    assert.deepEqual(flowMove({ status: ['ready', 'done'], deletedAt: [null, 'x'] }, 'done'), {
      from: 'ready',
      to: null,
    });
  });
});

describe('slots', () => {
  it('number 15-minute stretches of UTC', () => {
    assert.equal(slotOf('1970-01-01T00:14:59.999Z'), 0);
    assert.equal(slotOf('1970-01-01T00:15:00.000Z'), 1);
    assert.equal(slotOf('2026-03-29T01:00:00.000Z') * SLOT_MS, Date.parse('2026-03-29T01:00:00.000Z'));
  });

  it('align with the local days of zones a whole number of quarter hours from UTC, across DST', () => {
    const march = ['2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30'];
    for (const zone of [
      'UTC',
      'Europe/Berlin',
      'America/New_York',
      'Asia/Kolkata',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
    ]) {
      assert.equal(slotsAlign(localDayRules(march, zone)), true, zone);
    }
  });

  it('do not align with local mean time, whose offsets have seconds', () => {
    // Liberia kept Monrovia mean time (-0:44:30) until 1972.
    assert.equal(slotsAlign(localDayRules(['1960-06-01', '1960-06-02'], 'Africa/Monrovia')), false);
  });
});
