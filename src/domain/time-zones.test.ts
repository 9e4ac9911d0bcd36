import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { datesBetween, localDate, startOfLocalDay } from './time-zones.ts';

describe('time zones', () => {
  it('finds the local date of an instant', () => {
    assert.equal(localDate('2026-11-25T23:30:00Z', 'UTC'), '2026-11-25');
    assert.equal(localDate('2026-11-25T23:30:00Z', 'Europe/Berlin'), '2026-11-26');
    assert.equal(localDate('2026-11-25T03:30:00Z', 'America/Los_Angeles'), '2026-11-24');
    assert.equal(localDate('2026-11-25T10:00:00Z', 'Pacific/Kiritimati'), '2026-11-26');
  });

  it('finds the instant a local day begins, across daylight-saving changes', () => {
    assert.equal(new Date(startOfLocalDay('2026-11-25', 'UTC')).toISOString(), '2026-11-25T00:00:00.000Z');
    assert.equal(
      new Date(startOfLocalDay('2026-03-29', 'Europe/Berlin')).toISOString(),
      '2026-03-28T23:00:00.000Z',
    );
    assert.equal(
      new Date(startOfLocalDay('2026-03-30', 'Europe/Berlin')).toISOString(),
      '2026-03-29T22:00:00.000Z',
    );
    assert.equal(
      new Date(startOfLocalDay('2026-11-02', 'America/New_York')).toISOString(),
      '2026-11-02T05:00:00.000Z',
    );
    // Midnight does not exist in Santiago when clocks go forward: the day begins at 01:00.
    assert.equal(
      new Date(startOfLocalDay('2026-09-06', 'America/Santiago')).toISOString(),
      '2026-09-06T04:00:00.000Z',
    );
  });

  it('lists the dates of a range', () => {
    assert.deepEqual(datesBetween('2026-02-27', '2026-03-02'), [
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
  });
});
