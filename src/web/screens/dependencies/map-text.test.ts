import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  applyLabel,
  clipText,
  describeCycle,
  describeMove,
  externalLine,
  itemBoxName,
  itemBoxText,
  listInWords,
  nodeDescription,
  plural,
} from './map-text.ts';

const keys: Record<string, string> = { a: 'PRJ-1', b: 'PRJ-2', c: 'PRJ-3', d: 'PRJ-7' };
const keyOf = (id: string) => keys[id] ?? null;

describe('describeMove', () => {
  it('says where the item goes and that it blocks what it moves above', () => {
    const move = { itemId: 'd', beforeItemId: 'c', blockedIds: ['c'], blockerIds: [] };
    assert.equal(describeMove(move, keyOf), 'PRJ-7 moves above PRJ-3 because it blocks PRJ-3.');
  });

  it('names what a moved-down item waits on, and several items in a list', () => {
    const move = { itemId: 'a', beforeItemId: null, blockedIds: [], blockerIds: ['b', 'c', 'd'] };
    assert.equal(
      describeMove(move, keyOf),
      'PRJ-1 moves to the end of the backlog because it waits on PRJ-2, PRJ-3 and PRJ-7.',
    );
  });

  it('gives both reasons, and names an unknown item "an item"', () => {
    const move = { itemId: 'a', beforeItemId: 'zz', blockedIds: ['b'], blockerIds: ['zz'] };
    assert.equal(
      describeMove(move, keyOf),
      'PRJ-1 moves above an item because it blocks PRJ-2 and it waits on an item.',
    );
    assert.equal(
      describeMove({ itemId: 'a', beforeItemId: 'b', blockedIds: [], blockerIds: [] }, keyOf),
      'PRJ-1 moves above PRJ-2.',
    );
  });
});

describe('describeCycle', () => {
  it('closes the cycle on its first item', () => {
    assert.equal(describeCycle(['a', 'b'], keyOf), 'PRJ-1 → PRJ-2 → PRJ-1');
    assert.equal(describeCycle([], keyOf), '');
  });
});

describe('words', () => {
  it('counts in singular and plural and joins lists', () => {
    assert.equal(plural(1, 'move'), '1 move');
    assert.equal(plural(2000, 'node'), '2,000 nodes');
    assert.equal(applyLabel(3), 'Apply 3 moves');
    assert.equal(listInWords([]), '');
    assert.equal(listInWords(['A', 'B']), 'A and B');
  });

  it('clips long titles with an ellipsis and leaves short ones', () => {
    assert.equal(clipText('Short', 10), 'Short');
    assert.equal(clipText('A rather long title', 10), 'A rather…');
    assert.equal([...clipText('😀'.repeat(20), 5)].length, 5);
  });
});

describe('nodeDescription', () => {
  it('reads an item with its status, points and flags', () => {
    const text = nodeDescription({
      kind: 'item',
      id: 'a',
      key: 'PRJ-1',
      title: 'Pay',
      status: 'in_progress',
      estimate: 5,
      initiativeId: null,
      blocked: true,
      onCriticalPath: true,
      waitingOnOverdue: false,
      foreign: false,
    });
    assert.equal(text, 'PRJ-1 Pay, In progress, 5 points, blocked, on the critical path');
  });

  it('reads an overdue external dependency and its box line', () => {
    const node = {
      kind: 'external' as const,
      id: 'x',
      title: 'Bank approval',
      owner: 'Legal',
      expectedDate: '2025-01-01',
      met: false,
      overdue: true,
    };
    assert.equal(
      nodeDescription(node),
      'External dependency Bank approval, owned by Legal, overdue since 2025-01-01',
    );
    assert.equal(externalLine(node), 'Legal · Overdue since 2025-01-01');
    assert.equal(externalLine({ ...node, owner: '', overdue: false, met: true }), 'Met');
  });
});

describe('itemBoxText', () => {
  const node = {
    kind: 'item' as const,
    id: 'a',
    key: 'PRJ-1',
    title: 'A title far too long to fit in the box',
    status: 'backlog' as const,
    estimate: 1,
    initiativeId: null,
    blocked: true,
    onCriticalPath: false,
    waitingOnOverdue: true,
    foreign: false,
  };

  it('gives the lines of the box, and a name made of them in reading order', () => {
    const text = itemBoxText(node, 24);
    assert.deepEqual(text, {
      key: 'PRJ-1',
      status: 'Backlog',
      title: 'A title far too long to…',
      flags: 'Blocked, overdue wait, 1 pt',
    });
    assert.equal(itemBoxName(text), 'PRJ-1 Backlog, A title far too long to…, Blocked, overdue wait, 1 pt');
  });

  it('names a hidden item of another product without key or status, and leaves out empty lines', () => {
    const hidden = {
      ...node,
      key: null,
      status: null,
      estimate: null,
      blocked: false,
      waitingOnOverdue: false,
    };
    const text = itemBoxText({ ...hidden, title: 'an item in another product', foreign: true }, 40);
    assert.equal(itemBoxName(text), 'Other product, an item in another product');
  });
});
