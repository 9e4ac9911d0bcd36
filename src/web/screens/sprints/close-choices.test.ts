import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LeftoverDestinationT } from '../../api/execution.ts';
import { closeRequest, NEW_SPRINT } from './close-choices.ts';

const choices = (entries: [string, LeftoverDestinationT][]) => new Map(entries);

describe('closeRequest', () => {
  it('sends everything to the backlog without listing items', () => {
    assert.deepEqual(
      closeRequest(
        choices([
          ['a', 'backlog'],
          ['b', 'backlog'],
        ]),
        NEW_SPRINT,
      ),
      {
        leftovers: 'backlog',
      },
    );
  });

  it('sends everything to a chosen planned sprint', () => {
    assert.deepEqual(
      closeRequest(
        choices([
          ['a', 'next'],
          ['b', 'next'],
        ]),
        'sprint-2',
      ),
      {
        leftovers: 'next',
        nextSprintId: 'sprint-2',
      },
    );
  });

  it('lets the server create the next sprint when none is chosen', () => {
    assert.deepEqual(closeRequest(choices([['a', 'next']]), NEW_SPRINT), { leftovers: 'next' });
  });

  it('lists only the exceptions to the common destination', () => {
    assert.deepEqual(
      closeRequest(
        choices([
          ['a', 'next'],
          ['b', 'backlog'],
          ['c', 'next'],
        ]),
        'sprint-2',
      ),
      { leftovers: 'next', moves: [{ itemId: 'b', to: 'backlog' }], nextSprintId: 'sprint-2' },
    );
    assert.deepEqual(
      closeRequest(
        choices([
          ['a', 'next'],
          ['b', 'backlog'],
        ]),
        NEW_SPRINT,
      ),
      {
        leftovers: 'backlog',
        moves: [{ itemId: 'a', to: 'next' }],
      },
    );
  });

  it('closes a sprint with nothing left over', () => {
    assert.deepEqual(closeRequest(choices([]), 'sprint-2'), { leftovers: 'backlog' });
  });
});
