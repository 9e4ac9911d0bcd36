import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backlogItem } from '../../api/backlog-item-fixture.ts';
import type { BacklogItemT, ItemStatusT } from '../../api/types.ts';
import { boardColumns, neighbourStatus, readWip } from './board-columns.ts';

function item(key: string, status: ItemStatusT): BacklogItemT {
  return backlogItem({ key, type: 'task', title: key, status, estimate: 1, sprintId: 's1' });
}

describe('boardColumns', () => {
  it('has a column per workflow status, "To do" first, keeping rank order within each', () => {
    const columns = boardColumns(
      [item('A', 'in_progress'), item('B', 'backlog'), item('C', 'in_progress'), item('D', 'done')],
      {},
    );
    assert.deepEqual(
      columns.map((c) => [c.label, c.items.map((i) => i.key)]),
      [
        ['To do', ['B']],
        ['Ready', []],
        ['In progress', ['A', 'C']],
        ['In review', []],
        ['Done', ['D']],
      ],
    );
  });

  it('shows "Won\'t do" only while it holds items', () => {
    const columns = boardColumns([item('A', 'wont_do')], {});
    assert.equal(columns.at(-1)?.label, "Won't do");
    assert.equal(columns.length, 6);
  });

  it('reads each column against its WIP limit', () => {
    const columns = boardColumns(
      [item('A', 'in_progress'), item('B', 'in_progress'), item('C', 'in_progress'), item('D', 'ready')],
      { in_progress: 2, ready: 3 },
    );
    const progress = columns.find((c) => c.status === 'in_progress');
    assert.deepEqual(progress?.wip, { text: '3 / 2', over: true, label: '3 items, over the limit of 2' });
    assert.deepEqual(columns.find((c) => c.status === 'ready')?.wip, {
      text: '1 / 3',
      over: false,
      label: '1 item, limit 3',
    });
    assert.deepEqual(columns.find((c) => c.status === 'done')?.wip, {
      text: '0',
      over: false,
      label: '0 items',
    });
  });
});

describe('readWip', () => {
  it('is not over the limit at exactly the limit', () => {
    assert.equal(readWip(4, 4).over, false);
    assert.equal(readWip(5, 4).over, true);
  });
});

describe('neighbourStatus', () => {
  it('moves one column left or right and stops at the edges', () => {
    const columns = boardColumns([], {});
    assert.equal(neighbourStatus(columns, 'ready', 1), 'in_progress');
    assert.equal(neighbourStatus(columns, 'ready', -1), 'backlog');
    assert.equal(neighbourStatus(columns, 'backlog', -1), null);
    assert.equal(neighbourStatus(columns, 'done', 1), null);
  });
});
