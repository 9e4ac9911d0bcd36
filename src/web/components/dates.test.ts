import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  formatDay,
  formatDayInChart,
  formatDayTick,
  formatInstant,
  formatInstantDay,
  formatWeekday,
  relativeTime,
} from './dates.ts';

describe('dates', () => {
  it('writes a calendar day the same way for every reader, whatever the time zone', () => {
    assert.equal(formatDay('2025-05-14'), '14 May 2025');
    assert.equal(formatDay('2026-01-01'), '1 Jan 2026');
    assert.equal(formatDay('not a date'), 'not a date');
    assert.equal(formatDay(''), '');
  });

  it('writes a day inside a chart the same way, without the year its range gives', () => {
    assert.equal(formatDayInChart('2025-05-14'), 'Wed 14 May');
    assert.equal(formatDayTick('2025-05-14'), '14 May');
    assert.equal(formatWeekday('2025-05-14'), 'Wed');
  });

  it('writes an instant as its day, or its day and time', () => {
    assert.match(formatInstantDay('2025-05-14T12:00:00Z'), /^1[345] May 2025$/);
    assert.match(formatInstant('2025-05-14T12:00:00Z'), /^1[345] May 2025, \d\d:\d\d$/);
    assert.equal(formatInstant('nonsense'), 'nonsense');
  });

  it('says how long ago, then falls back to the day', () => {
    const now = Date.parse('2025-05-20T12:00:00Z');
    assert.equal(relativeTime('2025-05-20T11:59:30Z', now), 'just now');
    assert.equal(relativeTime('2025-05-20T11:57:00Z', now), '3 min ago');
    assert.equal(relativeTime('2025-05-20T07:00:00Z', now), '5 h ago');
    assert.equal(relativeTime('2025-05-19T12:00:00Z', now), 'yesterday');
    assert.equal(relativeTime('2025-05-16T12:00:00Z', now), '4 days ago');
    assert.match(relativeTime('2025-05-01T12:00:00Z', now), /^1 May 2025$/);
  });
});
