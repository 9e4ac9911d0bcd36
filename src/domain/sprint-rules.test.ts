import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays } from './calendar.ts';
import { MAX_SPRINT_DAYS, nextSprintName, sprintDatesProblem, sprintDays } from './sprint-rules.ts';

describe('sprint dates', () => {
  it('accepts a sprint of one day up to 8 weeks', () => {
    assert.equal(sprintDatesProblem({ startDate: '2026-03-02', endDate: '2026-03-02' }), null);
    assert.equal(sprintDatesProblem({ startDate: '2026-03-02', endDate: '2026-04-26' }), null);
    assert.equal(sprintDays({ startDate: '2026-03-02', endDate: '2026-04-26' }), MAX_SPRINT_DAYS);
  });

  it('names endDate when the sprint ends before it starts', () => {
    assert.deepEqual(sprintDatesProblem({ startDate: '2026-03-02', endDate: '2026-03-01' }), {
      field: 'endDate',
      message: 'must not be before startDate',
    });
  });

  it('names endDate when the sprint is longer than 8 weeks', () => {
    const problem = sprintDatesProblem({ startDate: '2026-03-02', endDate: '2026-04-27' });
    assert.equal(problem?.field, 'endDate');
    assert.match(problem?.message ?? '', /at most 56 days/);
    assert.equal(sprintDatesProblem({ startDate: '2026-12-01', endDate: '9999-12-31' })?.field, 'endDate');
  });

  it('refuses exactly the sprints longer than MAX_SPRINT_DAYS', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), (offset) => {
        const endDate = addDays('2026-03-02', offset);
        const problem = sprintDatesProblem({ startDate: '2026-03-02', endDate });
        assert.equal(problem === null, offset >= 0 && offset < MAX_SPRINT_DAYS);
      }),
    );
  });
});

describe('nextSprintName', () => {
  it('counts on, keeping the number as wide as it was', () => {
    assert.equal(nextSprintName('Sprint 14'), 'Sprint 15');
    assert.equal(nextSprintName('Sprint 9'), 'Sprint 10');
    assert.equal(nextSprintName('W08'), 'W09');
    assert.equal(nextSprintName('2026-W09'), '2026-W10');
    assert.equal(nextSprintName('Sprint 99'), 'Sprint 100');
  });

  it('counts on past the largest safe integer without losing digits', () => {
    assert.equal(nextSprintName('S 99999999999999999999'), 'S 100000000000000000000');
  });

  it('continues a name without a number, within the length limit', () => {
    assert.equal(nextSprintName('Launch'), 'Launch (continued)');
    const long = 'x'.repeat(200);
    assert.equal(nextSprintName(long).length, 200);
    assert.ok(nextSprintName(long).endsWith(' (continued)'));
  });
});
