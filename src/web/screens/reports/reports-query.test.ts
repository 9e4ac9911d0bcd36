import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from '../../../domain/calendar.ts';
import { rangeProblem, readReportsQuery, todayIn, writeReportsQuery } from './reports-query.ts';

const defaults = { timezone: 'Europe/Berlin', today: '2025-03-31' };

describe('reports query', () => {
  it('defaults to the last 30 days, 6 sprints, no team chosen and the given time zone', () => {
    assert.deepEqual(readReportsQuery(new URLSearchParams(), defaults), {
      team: null,
      count: 6,
      from: '2025-03-02',
      to: '2025-03-31',
      timezone: 'Europe/Berlin',
    });
  });

  it('reads every choice back from the URL it wrote', () => {
    const params = writeReportsQuery(new URLSearchParams('other=1'), {
      team: 'none',
      count: 10,
      from: '2025-01-01',
      to: '2025-02-01',
      timezone: 'America/New_York',
    });
    assert.equal(params.get('other'), '1');
    assert.deepEqual(readReportsQuery(params, defaults), {
      team: 'none',
      count: 10,
      from: '2025-01-01',
      to: '2025-02-01',
      timezone: 'America/New_York',
    });
  });

  it('ignores hand-edited values it cannot use instead of showing an error', () => {
    const query = readReportsQuery(
      new URLSearchParams('count=7&from=2025-02-30&to=2025-03-01&tz=Mars/Olympus'),
      defaults,
    );
    assert.equal(query.count, 6);
    assert.equal(query.from, '2025-03-02');
    assert.equal(query.timezone, 'Europe/Berlin');
    // A reversed range is not a range.
    assert.equal(
      readReportsQuery(new URLSearchParams('from=2025-03-10&to=2025-03-01'), defaults).to,
      '2025-03-31',
    );
  });

  it('reads one end of the range chosen, the other at its default', () => {
    const query = readReportsQuery(new URLSearchParams('from=2025-03-25'), defaults);
    assert.equal(query.from, '2025-03-25');
    assert.equal(query.to, '2025-03-31');
  });

  it('removes a choice set back to nothing', () => {
    const params = writeReportsQuery(new URLSearchParams('team=abc&count=3'), { team: null });
    assert.equal(params.has('team'), false);
    assert.equal(params.get('count'), '3');
  });

  it('names the field of a bad range', () => {
    assert.equal(rangeProblem('2025-03-10', '2025-03-01'), 'To: must not be before From');
    assert.equal(rangeProblem('2024-01-01', '2025-03-01'), 'To: the range can be at most 366 days');
    assert.equal(rangeProblem('2025-01-01', '2025-03-01'), null);
    // The server's date window: a range in 9999 is refused before it is asked for.
    assert.equal(
      rangeProblem('9999-12-01', '9999-12-31'),
      'From: must be a date from 1970-01-01 to 2200-12-31',
    );
  });

  it('counts days across month ends and finds today in a zone', () => {
    assert.equal(addDays('2025-03-01', -1), '2025-02-28');
    // 23:30 UTC on 31 March is already 1 April in Berlin.
    assert.equal(todayIn('Europe/Berlin', Date.parse('2025-03-31T23:30:00Z')), '2025-04-01');
    assert.equal(todayIn('UTC', Date.parse('2025-03-31T23:30:00Z')), '2025-03-31');
  });
});
