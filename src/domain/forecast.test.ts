import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays, daysBetween } from './calendar.ts';
import {
  type Completion,
  FORECAST_HORIZON_DAYS,
  type ForecastOptions,
  type ForecastTarget,
  forecast,
  MAX_TRIALS,
  type QueuedItem,
  type TargetForecast,
} from './forecast.ts';

const TODAY = '2026-03-02';

/** `perDay[i]` items completed on day i of the `perDay.length` days before today (the last one yesterday). */
function history(streamId: string, perDay: readonly number[], points: number | null = 1): Completion[] {
  return perDay.flatMap((count, i) =>
    Array.from({ length: count }, () => ({ day: addDays(TODAY, i - perDay.length), points, streamId })),
  );
}

/** `count` open items of one stream, ids `${prefix}1` … in work order. */
function queued(streamId: string, count: number, prefix = streamId, points: number | null = 1): QueuedItem[] {
  return Array.from({ length: count }, (_, i) => ({ itemId: `${prefix}${i + 1}`, streamId, points }));
}

function target(id: string, itemIds: readonly string[], targetDate: string | null = null): ForecastTarget {
  return { id, targetDate, itemIds };
}

function only(
  completions: readonly Completion[],
  queue: readonly QueuedItem[],
  forecastTarget: ForecastTarget,
  options: Partial<ForecastOptions> = {},
): TargetForecast {
  const result = forecast(completions, queue, [forecastTarget], { today: TODAY, trials: 500, ...options });
  return result.targets[0]!;
}

const constant = (perDay: number, days = 28) => Array.from({ length: days }, () => perDay);

describe('forecast', () => {
  it('gives the exact date for a constant throughput: k items at c a day are done on day ceil(k / c)', () => {
    const completions = history('team', constant(3));
    const queue = queued('team', 20);
    const result = only(completions, queue, target('i', ['team10'], addDays(TODAY, 4)));
    assert.equal(result.status, 'forecast');
    assert.deepEqual([result.p50, result.p85, result.p95], Array(3).fill(addDays(TODAY, 4)));
    assert.equal(result.probabilityOnTime, 1);
    assert.equal(result.beyondHorizon, false);
    assert.equal(result.remainingItems, 1);
    assert.equal(result.sampleSize, 84);
    assert.equal(result.warning, null);

    const dayEarly = only(completions, queue, target('i', ['team10'], addDays(TODAY, 3)));
    assert.equal(dayEarly.probabilityOnTime, 0);
    const exact = only(completions, queue, target('i', ['team9']));
    assert.equal(exact.p50, addDays(TODAY, 3));
    assert.equal(exact.probabilityOnTime, null);
  });

  it('counts everything ahead in the queue, and is done when its last item is', () => {
    const completions = history('team', constant(2));
    const queue = queued('team', 10);
    const result = only(completions, queue, target('i', ['team7', 'team2', 'gone', 'team2']));
    assert.equal(result.remainingItems, 2);
    assert.equal(result.p50, addDays(TODAY, 4));
    // An item queued twice keeps its first place.
    const twice = only(completions, [...queue, ...queued('team', 10)], target('i', ['team7']));
    assert.equal(twice.p50, addDays(TODAY, 4));
  });

  it('reads a done target as done, without dates', () => {
    const result = only(history('team', constant(2)), queued('team', 3), target('i', ['old1', 'old2']));
    assert.equal(result.status, 'done');
    assert.deepEqual(
      [result.p50, result.p85, result.p95, result.probabilityOnTime],
      [null, null, null, null],
    );
    assert.equal(result.remainingItems, 0);
  });

  it('orders percentiles over a variable throughput, near the mean pace for long queues', () => {
    const completions = history(
      'team',
      Array.from({ length: 28 }, (_, day) => (day % 2 === 0 ? 4 : 0)),
    );
    const result = only(completions, queued('team', 400), target('i', ['team400']), { trials: 2000 });
    const days = [result.p50, result.p85, result.p95].map((date) => daysFromToday(date!));
    assert.ok(days[0]! <= days[1]! && days[1]! <= days[2]!, `${days}`);
    // 2 items a day on average: 200 days, give or take 14 (a day's spread, 2, times √200 / 2).
    assert.ok(Math.abs(days[0]! - 200) <= 3, `p50 ${days[0]}`);
    assert.ok(days[2]! - days[0]! > 10 && days[2]! - days[0]! < 40, `p95 ${days[2]}`);
  });

  it('gives the same answer for the same seed, and another for another seed', () => {
    const completions = history('team', [1, 0, 5, 2, 0, 0, 3, 1, 4, 0, 2, 2, 0, 1, 3, 0, 0, 6, 1, 2, 0, 1]);
    const queue = queued('team', 60);
    const targets = [target('a', ['team20'], addDays(TODAY, 15)), target('b', ['team60'])];
    const options = { today: TODAY, trials: 300 };
    const first = forecast(completions, queue, targets, { ...options, seed: 7 });
    assert.deepEqual(forecast(completions, queue, targets, { ...options, seed: 7 }), first);
    assert.notDeepEqual(
      forecast(completions, queue, targets, { ...options, seed: 8 }).targets,
      first.targets,
    );
  });

  it('gives no dates and says why when the history is too short', () => {
    const few = only(
      history('team', [2, 0, 0, 1, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
      queued('team', 5),
      target('i', ['team5']),
    );
    assert.equal(few.status, 'insufficient-history');
    assert.deepEqual([few.p50, few.p85, few.p95, few.probabilityOnTime], [null, null, null, null]);
    assert.equal(few.sampleSize, 6);
    assert.equal(few.warning, 'team: only 6 items completed in the last 84 days; at least 10 are needed');

    const recent = only(history('team', constant(5, 10)), queued('team', 5), target('i', ['team5']));
    assert.equal(recent.status, 'insufficient-history');
    assert.match(recent.warning!, /only 10 days of history/);

    const none = only([], queued('team', 5), target('i', ['team5'], addDays(TODAY, -1)));
    assert.match(none.warning!, /no items completed/);
    assert.equal(none.probabilityOnTime, 0, 'a past target date with work open is missed, history or not');
  });

  it('reads 21 days and 10 items as long enough, and no less', () => {
    const perDay = [10, ...constant(0, 20)];
    const result = only(history('team', perDay), queued('team', 5), target('i', ['team5']));
    assert.equal(result.status, 'forecast');
    const twentyDays = only(
      history('team', [10, ...constant(0, 19)]),
      queued('team', 5),
      target('i', ['team5']),
    );
    assert.equal(twentyDays.status, 'insufficient-history');
    const nineItems = only(
      history('team', [9, ...constant(0, 20)]),
      queued('team', 5),
      target('i', ['team5']),
    );
    assert.equal(nineItems.status, 'insufficient-history');
    const [stream] = forecast(history('team', perDay), [], [], { today: TODAY }).streams;
    assert.equal(stream!.days, 21);
    assert.equal(stream!.from, addDays(TODAY, -21));
    assert.equal(stream!.to, addDays(TODAY, -1));
  });

  it('ignores completions outside the window, today and after, and days that are not dates', () => {
    const stray: Completion[] = [
      '0001-01-01',
      '9999-12-31',
      TODAY,
      addDays(TODAY, 1),
      'soon',
      addDays(TODAY, -85),
    ].map((day) => ({ day, points: 1, streamId: 'team' }));
    const [stream] = forecast([...stray, ...history('team', constant(1))], [], [], { today: TODAY }).streams;
    assert.equal(stream!.completed, 28);
    assert.deepEqual(stream!.daily, constant(1));
  });

  it('reads "not within 3 years" past the horizon', () => {
    const result = only(
      history('team', constant(1)),
      queued('team', 2000),
      target('i', ['team2000'], '2028-01-01'),
    );
    assert.equal(result.status, 'forecast');
    assert.deepEqual([result.p50, result.p85, result.p95], [null, null, null]);
    assert.equal(result.beyondHorizon, true);
    assert.equal(result.probabilityOnTime, 0);
    const atHorizon = only(
      history('team', constant(1)),
      queued('team', 2000),
      target('i', [`team${FORECAST_HORIZON_DAYS}`]),
    );
    assert.equal(atHorizon.p95, addDays(TODAY, FORECAST_HORIZON_DAYS));
    assert.equal(atHorizon.beyondHorizon, false);
  });

  it('dates the percentiles within 3 years and leaves the later ones null', () => {
    // One busy day in 21: about 52 busy days in 3 years, so 48 of them (480 items) come in ~3 trials of 4.
    const completions = history('team', [10, ...constant(0, 20)]);
    const horizon = addDays(TODAY, FORECAST_HORIZON_DAYS);
    const result = only(completions, queued('team', 480), target('i', ['team480'], horizon), {
      trials: 2000,
    });
    assert.ok(result.p50 !== null && result.p50 <= horizon);
    assert.deepEqual([result.p85, result.p95, result.beyondHorizon], [null, null, true]);
    assert.ok(
      result.probabilityOnTime! > 0.65 && result.probabilityOnTime! < 0.85,
      `${result.probabilityOnTime}`,
    );
  });

  it('waits for the slowest stream of a target spanning teams', () => {
    const completions = [...history('a', constant(2)), ...history('b', constant(1))];
    const queue = [...queued('a', 10), ...queued('b', 10)];
    const result = only(completions, queue, target('i', ['a8', 'b7']));
    assert.equal(result.p50, addDays(TODAY, 7));
    assert.deepEqual(result.streamIds, ['a', 'b']);
    assert.equal(result.sampleSize, 56 + 28);

    const shortB = only(
      [...history('a', constant(2)), ...history('b', [1, 1])],
      queue,
      target('i', ['a8', 'b7']),
    );
    assert.equal(shortB.status, 'insufficient-history');
    assert.match(shortB.warning!, /^b: only 2 items/);
  });

  it('forecasts in points, an unestimated item counting the mean completed size', () => {
    // 2 items a day, one of 4 points and one unestimated (the mean: 4): 8 points a day.
    const completions = [...history('team', constant(1), 4), ...history('team', constant(1), null)];
    const queue: QueuedItem[] = [
      { itemId: 'x', streamId: 'team', points: 5 },
      { itemId: 'y', streamId: 'team', points: null },
      { itemId: 'z', streamId: 'team', points: 8 },
    ];
    const result = only(completions, queue, target('i', ['y', 'z']), { unit: 'points' });
    assert.equal(result.p50, addDays(TODAY, 3)); // 5 + 4 + 8 = 17 points: day ceil(17 / 8)
    assert.equal(result.remainingPoints, 8);
    assert.equal(result.unestimatedItems, 1);
    assert.equal(only(completions, queue, target('i', ['y']), { unit: 'points' }).p50, addDays(TODAY, 2));
    assert.equal(only(completions, queue, target('i', ['y'])).p50, addDays(TODAY, 1));

    const unestimated = only(history('team', constant(1), null), queue, target('i', ['z']), {
      unit: 'points',
    });
    assert.equal(unestimated.status, 'insufficient-history');
    assert.match(unestimated.warning!, /no estimated item/);
  });

  it('bounds its work by constants, whatever it is asked', () => {
    const result = forecast(history('team', constant(1)), queued('team', 1), [target('i', ['team1'])], {
      today: TODAY,
      trials: 1e12,
      historyDays: 1e9,
    });
    assert.equal(result.trials, MAX_TRIALS);
    assert.equal(result.streams[0]!.days, 28);
    assert.throws(() => forecast([], [], [], { today: '2026-02-30' }), RangeError);
  });

  it('keeps percentiles ordered and probabilities in [0, 1]; more work never finishes earlier', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(6), { minLength: 21, maxLength: 60 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: -10, max: 400 }),
        fc.nat(),
        (perDay, depth, more, due, seed) => {
          fc.pre(perDay.reduce((sum, n) => sum + n, 0) >= 10 && perDay[0]! > 0);
          const completions = history('team', perDay);
          const queue = queued('team', depth + more);
          const options = { today: TODAY, trials: 100, seed };
          const dueDate = addDays(TODAY, due);
          const [near, far] = forecast(
            completions,
            queue,
            [target('near', [`team${depth}`], dueDate), target('far', [`team${depth + more}`], dueDate)],
            options,
          ).targets;
          for (const result of [near!, far!]) {
            assert.equal(result.status, 'forecast');
            const days = [result.p50, result.p85, result.p95].map((date) =>
              date ? daysFromToday(date) : Infinity,
            );
            assert.ok(days[0]! >= 1 && days[0]! <= days[1]! && days[1]! <= days[2]!);
            assert.equal(result.beyondHorizon, days[2] === Infinity);
            assert.ok(result.probabilityOnTime! >= 0 && result.probabilityOnTime! <= 1);
          }
          assert.ok(daysFromToday(far!.p50 ?? '9999-12-31') >= daysFromToday(near!.p50 ?? '9999-12-31'));
          assert.ok(far!.probabilityOnTime! <= near!.probabilityOnTime!);
          // A target's forecast does not depend on the other targets beside it.
          assert.deepEqual(
            only(completions, queue, target('near', [`team${depth}`], dueDate), options),
            near,
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});

function daysFromToday(date: string): number {
  return daysBetween(TODAY, date);
}
