import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sprintPoints } from './sprint-points.ts';

describe('sprint points', () => {
  it("counts every item but won't do; done ones apart; an item without an estimate as 0, counted apart", () => {
    assert.deepEqual(
      sprintPoints([
        { status: 'ready', estimate: 3 },
        { status: 'done', estimate: 5 },
        { status: 'done', estimate: null },
        { status: 'in_progress', estimate: null },
        { status: 'wont_do', estimate: 8 },
        { status: 'wont_do', estimate: null },
      ]),
      { planned: 8, done: 5, unestimated: 2 },
    );
    assert.deepEqual(sprintPoints([]), { planned: 0, done: 0, unestimated: 0 });
  });
});
