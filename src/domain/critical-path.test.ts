import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { criticalPath, type PathItem } from './critical-path.ts';
import type { SequenceEdge } from './sequence.ts';

/** Items written as 'A3 B5' (id A with 3 points remaining, ...). */
function work(spec: string): PathItem[] {
  return spec.split(' ').map((entry) => ({ id: entry[0]!, remaining: Number(entry.slice(1)) }));
}

/** Edges written as 'AB BC' (A blocks B, B blocks C). */
function blocks(spec: string): SequenceEdge[] {
  return spec
    .split(' ')
    .filter(Boolean)
    .map((pair) => ({ from: pair[0]!, to: pair[1]! }));
}

describe('criticalPath', () => {
  it('takes the heavier branch of a diamond', () => {
    const items = work('A1 B5 C3 D2');
    assert.deepEqual(criticalPath(items, blocks('AB AC BD CD')), { itemIds: ['A', 'B', 'D'], points: 8 });
  });

  it('picks the heavier of two chains, blocker first', () => {
    const items = work('A2 B2 C2 X1 Y4 Z2');
    assert.deepEqual(criticalPath(items, blocks('AB BC XY YZ')), { itemIds: ['X', 'Y', 'Z'], points: 7 });
  });

  it('returns a single item when it outweighs every chain', () => {
    const items = work('A2 B2 H9');
    assert.deepEqual(criticalPath(items, blocks('AB')), { itemIds: ['H'], points: 9 });
  });

  it('is empty when no item has remaining work', () => {
    assert.deepEqual(criticalPath(work('A0 B0 C0'), blocks('AB BC')), { itemIds: [], points: 0 });
    assert.deepEqual(criticalPath([], []), { itemIds: [], points: 0 });
  });

  it('keeps zero-work items only between items with work', () => {
    const items = work('A3 Z0 B5 U0 D0');
    // U and D add nothing at the ends; Z links A to B.
    assert.deepEqual(criticalPath(items, blocks('UA AZ ZB BD')), { itemIds: ['A', 'Z', 'B'], points: 8 });
  });

  it('breaks ties by fewer items, then by the smaller id from the end', () => {
    assert.deepEqual(criticalPath(work('A2 B2 C4'), blocks('AB')), { itemIds: ['C'], points: 4 });
    assert.deepEqual(criticalPath(work('A1 B1 C1 D1'), blocks('AB CD')), { itemIds: ['A', 'B'], points: 2 });
    assert.deepEqual(criticalPath(work('A1 B1 C1 D1'), blocks('CB AD')), { itemIds: ['C', 'B'], points: 2 });
    assert.deepEqual(criticalPath(work('A1 B1 C1'), blocks('BC AC')), { itemIds: ['A', 'C'], points: 2 });
  });

  it('ignores edges to unknown items and skips the members of a cycle', () => {
    const items = work('A5 B5 C1 D2');
    const edges = blocks('AB BA BC CD AX XD');
    // A and B block each other: C -> D is what is left.
    assert.deepEqual(criticalPath(items, edges), { itemIds: ['C', 'D'], points: 3 });
    assert.deepEqual(criticalPath(work('A5 B1'), blocks('AA AB')), { itemIds: ['B'], points: 1 });
  });

  it('follows a chain of 100,000 items without recursion', () => {
    const items = Array.from({ length: 100_000 }, (_, i) => ({ id: `i${i}`, remaining: 1 }));
    const edges = items.slice(1).map((item, i) => ({ from: items[i]!.id, to: item.id }));
    const path = criticalPath(items, edges);
    assert.equal(path.points, 100_000);
    assert.equal(path.itemIds[0], 'i0');
    assert.equal(path.itemIds.length, 100_000);
  });

  it('rejects negative or non-finite remaining work and an item listed twice', () => {
    assert.throws(() => criticalPath(work('A-1'), []), RangeError);
    assert.throws(() => criticalPath([{ id: 'A', remaining: Number.NaN }], []), RangeError);
    assert.throws(() => criticalPath(work('A1 A2'), []), RangeError);
  });
});

/** Weight of the heaviest path, by trying every path (tiny DAGs only). */
function bruteForce(items: readonly PathItem[], edges: readonly SequenceEdge[]): number {
  const weight = new Map(items.map((item) => [item.id, item.remaining]));
  const heaviestFrom = (id: string): number =>
    weight.get(id)! +
    Math.max(
      0,
      ...edges.filter((edge) => edge.from === id && weight.has(edge.to)).map((e) => heaviestFrom(e.to)),
    );
  return Math.max(0, ...items.map((item) => heaviestFrom(item.id)));
}

const dagArbitrary = fc.integer({ min: 0, max: 8 }).chain((count) =>
  fc.record({
    items: fc.array(fc.nat(6), { minLength: count, maxLength: count }).map((weights) =>
      // Ids in reverse so that id order and edge direction disagree.
      weights.map((remaining, i) => ({ id: `n${count - i}`, remaining })),
    ),
    edges: fc
      .array(fc.tuple(fc.nat(count), fc.nat(count)), { maxLength: count * 2 })
      .map((pairs) =>
        pairs
          .filter(([a, b]) => a < b && b < count)
          .map(([a, b]) => ({ from: `n${count - a}`, to: `n${count - b}` })),
      ),
  }),
);

describe('criticalPath property', () => {
  it('follows edges and weighs as much as the heaviest path (brute force)', () => {
    fc.assert(
      fc.property(dagArbitrary, ({ items, edges }) => {
        const path = criticalPath(items, edges);
        const weight = new Map(items.map((item) => [item.id, item.remaining]));
        assert.equal(path.points, bruteForce(items, edges));
        assert.equal(
          path.itemIds.reduce((sum, id) => sum + weight.get(id)!, 0),
          path.points,
        );
        for (let i = 1; i < path.itemIds.length; i++) {
          const [from, to] = [path.itemIds[i - 1], path.itemIds[i]];
          assert.ok(
            edges.some((edge) => edge.from === from && edge.to === to),
            `${from} does not block ${to}`,
          );
        }
        assert.equal(path.itemIds.length === 0, path.points === 0);
        if (path.itemIds.length > 0) {
          assert.ok(weight.get(path.itemIds[0]!)! > 0);
          assert.ok(weight.get(path.itemIds.at(-1)!)! > 0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of its inputs', () => {
    fc.assert(
      fc.property(dagArbitrary, ({ items, edges }) => {
        assert.deepEqual(
          criticalPath([...items].reverse(), [...edges].reverse()),
          criticalPath(items, edges),
        );
      }),
      { numRuns: 200 },
    );
  });
});
