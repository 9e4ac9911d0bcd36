import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backlogItem } from '../../api/backlog-item-fixture.ts';
import type { BacklogItemT } from '../../api/types.ts';
import { backlogCandidates, itemsOfSprint } from './planning-lists.ts';

function item(key: string, title: string, overrides: Partial<BacklogItemT> = {}): BacklogItemT {
  return backlogItem({ key, title, ...overrides });
}

const ordered = [
  item('CHK-1', 'Export orders as CSV'),
  item('CHK-2', 'Refund by card', { sprintId: 's1' }),
  item('CHK-3', 'Fix the totals', { status: 'done' }),
  item('CHK-4', 'Drop IE support', { status: 'wont_do' }),
  item('CHK-5', 'Export invoices', { status: 'in_progress' }),
  item('CHK-6', 'Pay later', { sprintId: 's2' }),
  item('CHK-7', 'Refund by voucher', { sprintId: 's1', status: 'done' }),
];

describe('backlogCandidates', () => {
  it('keeps unfinished items outside every sprint, in rank order', () => {
    assert.deepEqual(
      backlogCandidates(ordered, '').map((i) => i.key),
      ['CHK-1', 'CHK-5'],
    );
  });

  it('filters by words of the title or by key, ignoring case', () => {
    assert.deepEqual(
      backlogCandidates(ordered, 'orders CSV').map((i) => i.key),
      ['CHK-1'],
    );
    assert.deepEqual(
      backlogCandidates(ordered, 'EXPORT').map((i) => i.key),
      ['CHK-1', 'CHK-5'],
    );
    assert.deepEqual(
      backlogCandidates(ordered, 'chk-5').map((i) => i.key),
      ['CHK-5'],
    );
  });
});

describe('itemsOfSprint', () => {
  it('lists a sprint’s items whatever their status, in rank order', () => {
    assert.deepEqual(
      itemsOfSprint(ordered, 's1').map((i) => i.key),
      ['CHK-2', 'CHK-7'],
    );
  });
});
