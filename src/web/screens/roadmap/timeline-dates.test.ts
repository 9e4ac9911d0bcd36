import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addMonths,
  fromDay,
  MAX_TICKS,
  monthOf,
  ticks,
  toDay,
  unitStart,
  visibleRange,
} from './timeline-dates.ts';

describe('timeline dates', () => {
  it('round-trips calendar days', () => {
    for (const date of ['1970-01-01', '2024-02-29', '2026-12-31']) assert.equal(fromDay(toDay(date)), date);
    assert.equal(toDay('2026-03-02') - toDay('2026-03-01'), 1);
  });

  it('adds months, staying inside shorter months', () => {
    assert.equal(fromDay(addMonths(toDay('2026-01-31'), 1)), '2026-02-28');
    assert.equal(fromDay(addMonths(toDay('2026-03-15'), -3)), '2025-12-15');
    assert.equal(fromDay(addMonths(toDay('2026-11-30'), 3)), '2027-02-28');
  });

  it('finds the start of a month or quarter and the bounds of a month', () => {
    assert.equal(fromDay(unitStart(toDay('2026-05-17'), 'month')), '2026-05-01');
    assert.equal(fromDay(unitStart(toDay('2026-05-17'), 'quarter')), '2026-04-01');
    const feb = monthOf(toDay('2028-02-10'));
    assert.deepEqual([fromDay(feb.start), fromDay(feb.end)], ['2028-02-01', '2028-02-29']);
  });

  it('labels ticks by month or by quarter, always with the year', () => {
    const months = ticks(toDay('2025-11-01'), toDay('2026-02-01'), 'month').map((t) => t.label);
    assert.deepEqual(months, ['Nov 2025', 'Dec 2025', 'Jan 2026']);
    const quarters = ticks(toDay('2026-01-01'), toDay('2026-12-31'), 'quarter').map((t) => t.label);
    assert.deepEqual(quarters, ['Q1 2026', 'Q2 2026', 'Q3 2026', 'Q4 2026']);
  });

  it('covers today and every dated initiative, with a margin', () => {
    const now = toDay('2026-06-10');
    const range = visibleRange([{ start: toDay('2025-01-20'), end: toDay('2027-09-01') }], now, 'quarter');
    assert.equal(fromDay(range.from), '2024-10-01');
    assert.ok(range.to > toDay('2027-11-01'));
    const empty = visibleRange([], now, 'month');
    assert.ok(empty.from <= now - 60 && empty.to >= now + 240);
  });

  it('draws a bounded chart for an initiative stored with a date in 9999', () => {
    const now = toDay('2026-06-10');
    const range = visibleRange([{ start: toDay('2026-01-01'), end: toDay('9999-12-31') }], now, 'month');
    assert.ok(range.to <= toDay('2201-04-01'), fromDay(range.to));
    const drawn = ticks(range.from, range.to, 'month');
    assert.ok(drawn.length <= MAX_TICKS);
    assert.equal(ticks(toDay('1970-01-01'), toDay('9999-12-31'), 'month').length, MAX_TICKS);
  });
});
