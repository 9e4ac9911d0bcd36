import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EMPTY_PROGRESS, progressByInitiative } from './progress.ts';

describe('progressByInitiative', () => {
  it('counts done against total items and points per initiative', () => {
    const progress = progressByInitiative([
      { initiativeId: 'a', status: 'done', estimate: 3 },
      { initiativeId: 'a', status: 'in_progress', estimate: 5 },
      { initiativeId: 'a', status: 'backlog', estimate: null },
      { initiativeId: 'b', status: 'done', estimate: 2 },
    ]);
    assert.deepEqual(progress.get('a'), {
      doneItems: 1,
      totalItems: 3,
      donePoints: 3,
      totalPoints: 8,
      unestimated: 1,
    });
    assert.deepEqual(progress.get('b'), {
      ...EMPTY_PROGRESS,
      doneItems: 1,
      totalItems: 1,
      donePoints: 2,
      totalPoints: 2,
    });
  });

  it("leaves out won't-do items and items serving no initiative", () => {
    const progress = progressByInitiative([
      { initiativeId: 'a', status: 'wont_do', estimate: 8 },
      { initiativeId: null, status: 'done', estimate: 1 },
    ]);
    assert.equal(progress.size, 0);
  });
});
