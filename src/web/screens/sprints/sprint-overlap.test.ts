import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SprintT } from '../../api/execution.ts';
import { overlappingSprints } from './sprint-overlap.ts';

function sprint(overrides: Partial<SprintT> & Pick<SprintT, 'id' | 'startDate' | 'endDate'>): SprintT {
  return {
    productId: 'p',
    teamId: 't1',
    name: overrides.id,
    goal: '',
    timezone: 'UTC',
    capacity: null,
    refinementShare: null,
    state: 'planned',
    wipLimits: {},
    startedAt: null,
    closedAt: null,
    committedPoints: null,
    completedPoints: null,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    deletedAt: null,
    ...overrides,
  };
}

const ids = (list: readonly SprintT[]) => list.map((s) => s.id);

describe('overlappingSprints', () => {
  const sprints = [
    sprint({ id: 'b', startDate: '2030-01-15', endDate: '2030-01-28' }),
    sprint({ id: 'a', startDate: '2030-01-01', endDate: '2030-01-14', state: 'active' }),
    sprint({ id: 'old', startDate: '2030-01-01', endDate: '2030-01-14', state: 'closed' }),
    sprint({ id: 'other-team', teamId: 't2', startDate: '2030-01-01', endDate: '2030-01-31' }),
    sprint({ id: 'no-team', teamId: null, startDate: '2030-01-10', endDate: '2030-01-20' }),
  ];

  it('names the planned and active sprints of the same team that share a day, earliest first', () => {
    const found = overlappingSprints(
      { teamId: 't1', startDate: '2030-01-14', endDate: '2030-01-20' },
      sprints,
    );
    assert.deepEqual(ids(found), ['a', 'b']);
  });

  it('counts the first and last days: a sprint starting the day after another ends does not overlap', () => {
    assert.deepEqual(
      ids(overlappingSprints({ teamId: 't1', startDate: '2030-01-29', endDate: '2030-02-11' }, sprints)),
      [],
    );
    assert.deepEqual(
      ids(overlappingSprints({ teamId: 't1', startDate: '2030-01-28', endDate: '2030-02-11' }, sprints)),
      ['b'],
    );
  });

  it('ignores closed sprints, other teams and the sprint being edited itself', () => {
    const found = overlappingSprints(
      { id: 'b', teamId: 't1', startDate: '2029-12-20', endDate: '2029-12-31' },
      sprints,
    );
    assert.deepEqual(ids(found), []);
    assert.deepEqual(
      ids(
        overlappingSprints(
          { id: 'b', teamId: 't1', startDate: '2030-01-15', endDate: '2030-01-28' },
          sprints,
        ),
      ),
      [],
    );
  });

  it('treats sprints without a team as one team ("none" from the form, or null)', () => {
    const dates = { startDate: '2030-01-20', endDate: '2030-01-25' };
    assert.deepEqual(ids(overlappingSprints({ teamId: 'none', ...dates }, sprints)), ['no-team']);
    assert.deepEqual(ids(overlappingSprints({ teamId: null, ...dates }, sprints)), ['no-team']);
  });

  it('runs an active sprint from the day it started early', () => {
    const early = sprint({
      id: 'early',
      state: 'active',
      startDate: '2030-03-10',
      endDate: '2030-03-20',
      startedAt: '2030-03-05T09:00:00.000Z',
    });
    const found = overlappingSprints({ teamId: 't1', startDate: '2030-03-01', endDate: '2030-03-06' }, [
      early,
    ]);
    assert.deepEqual(ids(found), ['early']);
  });

  it('finds nothing for dates that are not dates (the date inputs report those)', () => {
    assert.deepEqual(overlappingSprints({ teamId: 't1', startDate: '', endDate: '2030-01-20' }, sprints), []);
  });
});
