import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addPeriod, dueState, LONGEST_PERIOD_DAYS, overdueSentence, type PeriodEvery } from './cadence.ts';
import { cadencesInForce, PROFILES } from './cadence-profiles.ts';
import { addDays, daysBetween } from './calendar.ts';

const PERIODS: PeriodEvery[] = ['yearly', 'quarterly', 'monthly', 'fortnightly', 'weekly', 'daily'];
/** Calendar quarters, for checking "not done this quarter". */
const quarterOf = (date: string) => `${date.slice(0, 4)}Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;

describe('cadence due dates', () => {
  it('adds calendar periods, clamping month ends', () => {
    assert.equal(addPeriod('2027-01-31', 'monthly'), '2027-02-28');
    assert.equal(addPeriod('2028-01-31', 'monthly'), '2028-02-29');
    assert.equal(addPeriod('2027-11-30', 'quarterly'), '2028-02-29');
    assert.equal(addPeriod('2028-02-29', 'yearly'), '2029-02-28');
    assert.equal(addPeriod('2027-12-28', 'weekly'), '2028-01-04');
    assert.equal(addPeriod('2027-12-31', 'daily'), '2028-01-01');
    assert.equal(addPeriod('2027-12-25', 'fortnightly'), '2028-01-08');
  });

  it('is due one period after it was last done, and overdue only after that day', () => {
    assert.deepEqual(dueState({ every: 'weekly', lastDone: '2027-03-01', today: '2027-03-08' }), {
      nextDueOn: '2027-03-08',
      overdue: false,
      missedPeriods: 0,
    });
    const late = dueState({ every: 'weekly', lastDone: '2027-03-01', today: '2027-03-15' });
    assert.deepEqual(late, { nextDueOn: '2027-03-08', overdue: true, missedPeriods: 2 });
    assert.equal(
      overdueSentence('backlog_grooming', 'weekly', late, false),
      'grooming skipped for two weeks',
    );
    const quarter = dueState({ every: 'quarterly', lastDone: '2027-01-15', today: '2027-05-01' });
    assert.equal(
      overdueSentence('roadmap', 'quarterly', quarter, false),
      'the roadmap has not been reviewed this quarter',
    );
  });

  it('is overdue at once when never done, unless counted from a start (a sprint’s)', () => {
    const never = dueState({ every: 'monthly', lastDone: null, today: '2027-03-01' });
    assert.deepEqual(never, { nextDueOn: null, overdue: true, missedPeriods: 0 });
    assert.match(overdueSentence('strategic_review', 'monthly', never, true) ?? '', /no strategic review/);
    const sprint = dueState({ every: 'daily', lastDone: null, since: '2027-03-01', today: '2027-03-02' });
    assert.deepEqual(sprint, { nextDueOn: '2027-03-02', overdue: false, missedPeriods: 0 });
  });

  it('is never due when off or per release (the release notes rule is its own)', () => {
    for (const every of ['off', 'per_release'] as const) {
      assert.deepEqual(dueState({ every, lastDone: null, today: '2027-03-01' }), {
        nextDueOn: null,
        overdue: false,
        missedPeriods: 0,
      });
    }
  });

  it('properties: next due after last done, at most one period after, overdue iff today is past it', () => {
    const day = fc.integer({ min: 0, max: 60_000 }).map((n) => addDays('1980-01-01', n));
    fc.assert(
      fc.property(
        fc.constantFrom(...PERIODS),
        day,
        fc.integer({ min: 0, max: 2_000 }),
        (every, lastDone, gap) => {
          const today = addDays(lastDone, gap);
          const state = dueState({ every, lastDone, today });
          assert.ok(state.nextDueOn !== null);
          const after = daysBetween(lastDone, state.nextDueOn);
          assert.ok(after >= 1, 'after the day it was done');
          assert.ok(after <= LONGEST_PERIOD_DAYS[every], 'never more than one period after');
          assert.equal(state.overdue, today > state.nextDueOn);
          assert.equal(state.missedPeriods >= 1, state.overdue);
          assert.ok(state.missedPeriods <= 12);
          // Overdue means not done in today's calendar period: "this quarter" is true.
          if (state.overdue && every === 'quarterly') assert.notEqual(quarterOf(lastDone), quarterOf(today));
          if (state.overdue && every === 'monthly') assert.notEqual(lastDone.slice(0, 7), today.slice(0, 7));
        },
      ),
      { seed: 14, numRuns: 2_000 },
    );
  });
});

describe('process profiles', () => {
  it('full has sprints and monthly reviews; light has no burndown and a sparser rhythm', () => {
    assert.equal(PROFILES.full.cadences.burndown, 'daily');
    assert.equal(PROFILES.light.cadences.burndown, 'off');
    assert.equal(PROFILES.light.screens.includes('sprints'), false);
    assert.equal(PROFILES.full.prdsExpected, true);
  });

  it('lays adjustments over the defaults and marks which are the default', () => {
    const inForce = cadencesInForce('full', { roadmap: 'monthly', vision: 'yearly' });
    assert.deepEqual(inForce.roadmap, { every: 'monthly', isDefault: false });
    assert.deepEqual(inForce.vision, { every: 'yearly', isDefault: true });
    assert.deepEqual(inForce.burndown, { every: 'daily', isDefault: true });
  });
});
