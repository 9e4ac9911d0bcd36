import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addDays,
  datesBetween,
  datesInOrder,
  daysBetween,
  inDateWindow,
  LATEST_DATE,
  MAX_LISTED_DAYS,
  nextDate,
} from './calendar.ts';

describe('calendar', () => {
  it('lists the dates of a range, across month ends and leap days', () => {
    assert.deepEqual(datesBetween('2028-02-27', '2028-03-01'), [
      '2028-02-27',
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
    ]);
    assert.deepEqual(datesBetween('2026-03-02', '2026-03-02'), ['2026-03-02']);
    assert.deepEqual(datesBetween('2026-03-02', '2026-03-01'), []);
  });

  it('ends a range that reaches the last day of the year 9999', () => {
    const dates = datesBetween('9999-12-01', '9999-12-31');
    assert.equal(dates.length, 31);
    assert.equal(dates.at(-1), '9999-12-31');
  });

  it('writes the day after 9999-12-31 as a date, not as a slice of "+010000"', () => {
    assert.equal(nextDate('9999-12-31'), '10000-01-01');
    assert.equal(nextDate('2026-12-31'), '2027-01-01');
  });

  it('lists at most MAX_LISTED_DAYS dates, or fewer when asked, however far apart the ends are', () => {
    const dates = datesBetween('1970-01-01', '9999-12-31');
    assert.equal(dates.length, MAX_LISTED_DAYS);
    assert.equal(dates[0], '1970-01-01');
    assert.equal(datesBetween('2026-01-01', '2026-12-31', 10).length, 10);
  });

  it('lists nothing for strings that are not dates', () => {
    assert.deepEqual(datesBetween('someday', '2026-01-01'), []);
    assert.deepEqual(datesBetween('2026-01-01', 'never'), []);
  });

  it('counts and adds days', () => {
    assert.equal(daysBetween('2026-03-02', '2026-04-27'), 56);
    assert.equal(daysBetween('2026-03-02', '2026-03-01'), -1);
    assert.equal(addDays('2026-03-30', 3), '2026-04-02');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
  });

  it('puts two dates in order when the end is not before the start, or either is missing', () => {
    assert.equal(datesInOrder('2026-03-02', '2026-03-02'), true);
    assert.equal(datesInOrder('2026-03-02', '2026-03-01'), false);
    assert.equal(datesInOrder(null, '2026-03-01'), true);
    assert.equal(datesInOrder('2026-03-02', undefined), true);
  });

  it('accepts dates from 1970 to the end of 2200', () => {
    assert.equal(inDateWindow('1970-01-01'), true);
    assert.equal(inDateWindow(LATEST_DATE), true);
    assert.equal(inDateWindow('2201-01-01'), false);
    assert.equal(inDateWindow('1969-12-31'), false);
    assert.equal(inDateWindow('9999-12-31'), false);
  });
});
