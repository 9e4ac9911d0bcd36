import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withoutSupersededTitles } from './write-replay-rows.ts';

const row = (item: string, event: number, fields: number) => ({
  item_id: item,
  event_id: event,
  at: '2026-03-01T09:00:00.000Z',
  action: 'updated',
  fields,
});

describe('withoutSupersededTitles', () => {
  it('drops a title-only row when the next row of its item sets the title, and keeps every other row', () => {
    // fields: key 1, title 2, estimate 8, status 16.
    const rows = [
      row('a', 1, 1 | 2 | 16),
      row('a', 2, 2),
      row('b', 3, 2),
      row('a', 4, 2),
      row('b', 5, 16),
      row('a', 6, 2 | 8),
      row('b', 7, 2),
      row('a', 8, 2),
    ];
    assert.deepEqual(
      withoutSupersededTitles(rows).map((r) => `${r.item_id}${r.event_id}`),
      ['a1', 'b3', 'b5', 'a6', 'b7', 'a8'],
    );
  });
});
