import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from '../../../domain/calendar.ts';
import { backlogItem } from '../../api/backlog-item-fixture.ts';
import type { SprintT, VelocityT } from '../../api/execution.ts';
import type { BacklogItemT } from '../../api/types.ts';
import {
  daysLeftText,
  formatPoints,
  MAX_REFINEMENT_PERCENT,
  plannedPoints,
  planningCapacity,
  readCapacity,
  refinementText,
  shareFromPercent,
  sharePercent,
  suggestNextSprint,
} from './sprint-numbers.ts';

const NO_VELOCITY: VelocityT = { mean: null, min: null, max: null, sprints: 0 };

function item(estimate: number | null, status: BacklogItemT['status'] = 'backlog'): BacklogItemT {
  return backlogItem({ id: String(Math.random()), status, estimate, sprintId: 's1' });
}

function sprint(name: string, startDate: string, endDate: string, capacity: number | null = 30): SprintT {
  return {
    id: name,
    productId: 'p',
    teamId: null,
    name,
    goal: '',
    startDate,
    endDate,
    timezone: 'UTC',
    capacity,
    refinementShare: null,
    state: 'closed',
    wipLimits: {},
    startedAt: null,
    closedAt: null,
    committedPoints: null,
    completedPoints: null,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    deletedAt: null,
  };
}

describe('plannedPoints', () => {
  it('sums estimates, leaves out won’t-do items and counts the unestimated', () => {
    assert.deepEqual(plannedPoints([item(3), item(5), item(8, 'wont_do'), item(null), item(2, 'done')]), {
      points: 10,
      unestimated: 1,
    });
  });
});

describe('readCapacity', () => {
  it('says in words how far committed points go over capacity', () => {
    const reading = readCapacity(34, 30, NO_VELOCITY);
    assert.equal(reading.level, 'over');
    assert.equal(reading.text, '34 of 30 points — 4 over capacity');
    assert.equal(reading.percent, 100);
  });

  it('says what is left under capacity, and when it is exactly full', () => {
    assert.equal(readCapacity(26, 30, NO_VELOCITY).text, '26 of 30 points — 4 to spare');
    assert.equal(readCapacity(30, 30, NO_VELOCITY).level, 'full');
    assert.equal(readCapacity(30, 30, NO_VELOCITY).text, '30 of 30 points — at capacity');
  });

  it('reads committed points alone when the sprint has no capacity', () => {
    const reading = readCapacity(1, null, NO_VELOCITY);
    assert.equal(reading.level, 'none');
    assert.equal(reading.text, '1 point committed · no capacity set');
  });

  it('compares with the mean velocity and names its range', () => {
    const velocity = { mean: 28, min: 24, max: 31, sprints: 3 };
    assert.equal(
      readCapacity(34, 30, velocity).velocityText,
      'Velocity 28 (range 24–31) over the last 3 sprints: 6 above velocity.',
    );
    assert.equal(
      readCapacity(20, 30, { mean: 22.5, min: 22.5, max: 22.5, sprints: 1 }).velocityText,
      'Velocity 22.5 over the last sprint: 2.5 below velocity.',
    );
    assert.match(readCapacity(20, 30, NO_VELOCITY).velocityText, /no closed sprint/);
  });
});

describe('daysLeftText', () => {
  const dates = { startDate: '2026-03-02', endDate: '2026-03-13', startedAt: null, timezone: 'UTC' };
  it('says a sprint started before its start date has started, counting the days left', () => {
    const early = { ...dates, startedAt: '2026-02-23T09:00:00.000Z' };
    assert.equal(daysLeftText(early, '2026-02-25'), '17 days left');
  });

  it('counts today as a day left, and says when the sprint ended or starts', () => {
    assert.equal(daysLeftText(dates, '2026-03-10'), '4 days left');
    assert.equal(daysLeftText(dates, '2026-03-13'), 'Last day');
    assert.equal(daysLeftText(dates, '2026-03-14'), 'Ended yesterday');
    assert.equal(daysLeftText(dates, '2026-03-20'), 'Ended 7 days ago');
    assert.equal(daysLeftText(dates, '2026-03-01'), 'Starts tomorrow');
    assert.equal(daysLeftText(dates, '2026-02-25'), 'Starts in 5 days');
  });
});

describe('suggestNextSprint', () => {
  it('follows the latest sprint: next number, the day after it ends, same length, capacity and reserve', () => {
    const suggestion = suggestNextSprint(
      [
        { ...sprint('Sprint 14', '2026-03-02', '2026-03-13', 32), refinementShare: 0.1 },
        sprint('Sprint 13', '2026-02-16', '2026-02-27'),
      ],
      '2026-03-05',
    );
    assert.deepEqual(suggestion, {
      name: 'Sprint 15',
      startDate: '2026-03-14',
      endDate: '2026-03-25',
      capacity: 32,
      refinementShare: 0.1,
    });
  });

  it('starts with Sprint 1 for two weeks from today when the team has none', () => {
    assert.deepEqual(suggestNextSprint([], '2026-12-28'), {
      name: 'Sprint 1',
      startDate: '2026-12-28',
      endDate: '2027-01-10',
      capacity: null,
      refinementShare: null,
    });
  });

  it('counts on the way the server names the sprint after a close: W08 → W09', () => {
    assert.equal(suggestNextSprint([sprint('W08', '2026-03-02', '2026-03-13')], '2026-03-01').name, 'W09');
  });

  it('suggests at most 8 weeks after an older, longer sprint', () => {
    const suggestion = suggestNextSprint([sprint('Sprint 3', '2026-01-01', '2026-06-30')], '2026-03-01');
    assert.deepEqual([suggestion.startDate, suggestion.endDate], ['2026-07-01', '2026-08-25']);
  });

  it('numbers an unnumbered sprint name by the count', () => {
    assert.equal(
      suggestNextSprint([sprint('Launch', '2026-03-02', '2026-03-13')], '2026-03-01').name,
      'Sprint 2',
    );
  });
});

describe('formatPoints and addDays', () => {
  it('writes whole points plainly and halves to one decimal; adds days across months', () => {
    assert.equal(formatPoints(3), '3');
    assert.equal(formatPoints(0.5), '0.5');
    assert.equal(addDays('2026-02-27', 2), '2026-03-01');
  });
});

describe('refinement reserve', () => {
  it('plans against capacity × (1 − share)', () => {
    assert.equal(planningCapacity(30, 0.1), 27);
    assert.equal(planningCapacity(30, null), 30);
    assert.equal(planningCapacity(30, 0), 30);
    assert.equal(planningCapacity(25, 0.15), 21.3);
  });

  it('reads committed points against the capacity left after refinement', () => {
    const reading = readCapacity(28, 30, NO_VELOCITY, 0.1);
    assert.equal(reading.level, 'over');
    assert.equal(reading.text, '28 of 27 points — 1 over capacity');
    assert.equal(readCapacity(20, 30, NO_VELOCITY, 0.1).text, '20 of 27 points — 7 to spare');
  });

  it('says what is kept, only when something is', () => {
    assert.equal(refinementText(30, 0.1), '27 of 30 points: 10 % kept for refinement');
    assert.equal(refinementText(30, null), null);
    assert.equal(refinementText(null, 0.1), null);
  });

  it('turns the form’s percentage into the schema’s share and back', () => {
    assert.equal(shareFromPercent('10'), 0.1);
    assert.equal(shareFromPercent('7'), 0.07);
    assert.equal(shareFromPercent(' '), null);
    assert.equal(shareFromPercent(String(MAX_REFINEMENT_PERCENT)), MAX_REFINEMENT_PERCENT / 100);
    assert.equal(shareFromPercent(String(MAX_REFINEMENT_PERCENT + 1)), undefined);
    assert.equal(shareFromPercent('-1'), undefined);
    assert.equal(shareFromPercent('ten'), undefined);
    assert.equal(sharePercent(0.1), '10');
    assert.equal(sharePercent(0.125), '12.5');
    assert.equal(sharePercent(null), '');
  });
});
