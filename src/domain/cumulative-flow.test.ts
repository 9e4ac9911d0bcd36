import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeCumulativeFlow, localDateByRules, localDayRules } from './cumulative-flow.ts';
import { datesBetween, localDate, startOfLocalDay } from './time-zones.ts';

const zero = { backlog: 0, ready: 0, in_progress: 0, in_review: 0, done: 0, wont_do: 0 };

describe('cumulative flow', () => {
  it('counts live items per status at the end of each day', () => {
    const days = computeCumulativeFlow(
      ['2026-03-01', '2026-03-02', '2026-03-03'],
      [
        // Before the range: the starting state.
        { date: '', from: null, to: 'backlog', count: 3 },
        { date: '2026-02-27', from: 'backlog', to: 'ready', count: 1 },
        // In the range, out of order.
        { date: '2026-03-03', from: 'ready', to: null, count: 1 },
        { date: '2026-03-02', from: 'backlog', to: 'in_progress', count: 1 },
        { date: '2026-03-02', from: 'in_progress', to: 'done', count: 1 },
        { date: '2026-03-02', from: null, to: 'wont_do', count: 2 },
        // After the range: not counted.
        { date: '2026-03-04', from: 'backlog', to: 'done', count: 1 },
      ],
    );
    assert.deepEqual(days, [
      { date: '2026-03-01', counts: { ...zero, backlog: 2, ready: 1 } },
      { date: '2026-03-02', counts: { ...zero, backlog: 1, ready: 1, done: 1, wont_do: 2 } },
      { date: '2026-03-03', counts: { ...zero, backlog: 1, done: 1, wont_do: 2 } },
    ]);
  });

  it('answers zeros for a product without items, and nothing for no days', () => {
    assert.deepEqual(computeCumulativeFlow(['2026-01-01'], []), [{ date: '2026-01-01', counts: zero }]);
    assert.deepEqual(computeCumulativeFlow([], [{ date: '', from: null, to: 'done', count: 1 }]), []);
  });
});

describe('local day rules', () => {
  const zones = [
    'UTC',
    'Europe/Berlin',
    'America/New_York',
    'America/Los_Angeles',
    'Asia/Kolkata',
    'Pacific/Auckland',
    'Pacific/Chatham',
    'Australia/Lord_Howe',
    'America/Santiago',
    'America/Havana',
    'Pacific/Kiritimati',
  ];

  for (const zone of zones) {
    it(`puts every instant of a year on its local date in ${zone}`, () => {
      const dates = datesBetween('2026-01-01', '2026-12-31');
      const days = localDayRules(dates, zone);
      assert.ok(days.rules.length <= 8, `a few rules, not one per day (${days.rules.length})`);
      const from = days.start - 3 * 3_600_000;
      const to = (days.rules.at(-1)?.until ?? 0) + 3 * 3_600_000;
      // Every 53 minutes (so every minute of the hour comes up), plus the instants around each midnight.
      const instants: number[] = [];
      for (let ms = from; ms < to; ms += 53 * 60_000) instants.push(ms);
      for (const date of [...dates, '2027-01-01']) {
        const start = startOfLocalDay(date, zone);
        instants.push(start - 1, start);
      }
      for (const ms of instants) {
        const expected = localDate(ms, zone);
        const inRange = expected >= '2026-01-01' && expected <= '2026-12-31';
        assert.equal(
          localDateByRules(days, ms),
          inRange ? expected : null,
          `${new Date(ms).toISOString()} in ${zone}`,
        );
      }
    });
  }

  it('has no rules for no dates', () => {
    assert.deepEqual(localDayRules([], 'UTC'), { start: 0, rules: [] });
  });
});
