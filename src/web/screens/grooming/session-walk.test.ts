import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ItemStatusT } from '../../api/types.ts';
import { currentId, insertAfter, isLast, next, oneDownAnchor, previous, startWalk } from './session-walk.ts';

const items: { id: string; status: ItemStatusT }[] = [
  { id: 'a', status: 'backlog' },
  { id: 'b', status: 'in_progress' },
  { id: 'c', status: 'ready' },
  { id: 'd', status: 'done' },
  { id: 'e', status: 'backlog' },
];

describe('the grooming session walk', () => {
  it('walks the not-started items in rank order, at most `limit` of them', () => {
    assert.deepEqual(startWalk(items).ids, ['a', 'c', 'e']);
    assert.deepEqual(startWalk(items, 2).ids, ['a', 'c']);
    assert.equal(currentId(startWalk(items)), 'a');
  });

  it('is empty over a backlog with nothing left to groom', () => {
    const walk = startWalk([{ id: 'x', status: 'done' }]);
    assert.equal(currentId(walk), undefined);
    assert.equal(isLast(walk), true);
    assert.equal(next(walk), walk);
  });

  it('goes on and back, and stops at either end', () => {
    let walk = startWalk(items);
    assert.equal(previous(walk), walk);
    walk = next(next(walk));
    assert.equal(currentId(walk), 'e');
    assert.equal(isLast(walk), true);
    assert.equal(next(walk), walk);
    assert.equal(currentId(previous(walk)), 'c');
  });

  it('meets a split item’s new parts right after it, once', () => {
    const walk = insertAfter(startWalk(items), 'a', ['p1', 'p2', 'c']);
    assert.deepEqual(walk.ids, ['a', 'p1', 'p2', 'c', 'e']);
    assert.equal(currentId(next(walk)), 'p1');
    assert.equal(insertAfter(walk, 'gone', ['z']), walk);
  });

  it('moves an item down below the next not-started item of the live backlog', () => {
    const status = (id: string) => items.find((item) => item.id === id)?.status;
    const order = items.map((item) => item.id);
    assert.equal(oneDownAnchor(order, 'a', status), 'c');
    assert.equal(oneDownAnchor(order, 'c', status), 'e');
    assert.equal(oneDownAnchor(order, 'e', status), null);
    assert.equal(oneDownAnchor(order, 'gone', status), null);
  });
});
