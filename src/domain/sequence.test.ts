import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { spreadRanks } from './rank.ts';
import { type Sequence, type SequenceEdge, type SequenceItem, sequenceBacklog } from './sequence.ts';

/** Items A, B, C, ... ranked in that order. */
function ranked(ids: string): SequenceItem[] {
  const ranks = spreadRanks(null, null, ids.length);
  return [...ids].map((id, i) => ({ id, rank: ranks[i]! }));
}

/** Edges written as 'DA CB' (D blocks A, C blocks B). */
function blocks(spec: string): SequenceEdge[] {
  return spec
    .split(' ')
    .filter(Boolean)
    .map((pair) => ({ from: pair[0]!, to: pair[1]! }));
}

function rankOrder(items: readonly SequenceItem[]): string[] {
  return [...items]
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((item) => item.id);
}

/** Applies the moves, in the listed order, to the rank order and checks that the result is the order. */
function assertMovesYieldOrder(items: readonly SequenceItem[], sequence: Sequence): void {
  const list = rankOrder(items);
  for (const move of sequence.moves) {
    const from = list.indexOf(move.itemId);
    assert.ok(from >= 0, `unknown item ${move.itemId}`);
    list.splice(from, 1);
    const to = move.beforeItemId === null ? list.length : list.indexOf(move.beforeItemId);
    assert.ok(to >= 0, `unknown item ${move.beforeItemId}`);
    list.splice(to, 0, move.itemId);
  }
  assert.deepEqual(list, sequence.order);
}

/** Length of a longest increasing subsequence, by the quadratic textbook method. */
function lisLength(values: readonly number[]): number {
  const best = values.map(() => 1);
  for (let i = 0; i < values.length; i++) {
    for (let j = 0; j < i; j++) if (values[j]! < values[i]!) best[i] = Math.max(best[i]!, best[j]! + 1);
  }
  return Math.max(0, ...best);
}

/** Every topological order of the items, for brute-force checks on tiny graphs. */
function allOrders(ids: readonly string[], edges: readonly SequenceEdge[]): string[][] {
  if (ids.length === 0) return [[]];
  const result: string[][] = [];
  for (const id of ids) {
    if (edges.some((edge) => edge.to === id && ids.includes(edge.from))) continue;
    const rest = ids.filter((other) => other !== id);
    for (const tail of allOrders(rest, edges)) result.push([id, ...tail]);
  }
  return result;
}

describe('sequenceBacklog', () => {
  it('keeps the rank order, with no moves, when nothing depends on anything', () => {
    const items = ranked('ABCD');
    assert.deepEqual(sequenceBacklog(items, []), { order: ['A', 'B', 'C', 'D'], moves: [], cycles: [] });
    assert.deepEqual(sequenceBacklog([], []), { order: [], moves: [], cycles: [] });
  });

  it('pulls a bottom-ranked blocker up to just above the top item it blocks', () => {
    // Kahn with a min-rank heap would give B C D A: the top item sinks to the bottom.
    const items = ranked('ABCD');
    const sequence = sequenceBacklog(items, blocks('DA'));
    assert.deepEqual(sequence.order, ['D', 'A', 'B', 'C']);
    assert.deepEqual(sequence.moves, [{ itemId: 'D', beforeItemId: 'A', blockedIds: ['A'], blockerIds: [] }]);
    assertMovesYieldOrder(items, sequence);
  });

  it('pulls a whole chain of blockers up, in chain order', () => {
    const items = ranked('ABCX');
    // C blocks X, X blocks A: both come up above A, and B keeps its place below A.
    const sequence = sequenceBacklog(items, blocks('CX XA'));
    assert.deepEqual(sequence.order, ['C', 'X', 'A', 'B']);
    // C is ranked above X, but X moved up: C's reason is X ("C moves above A because it blocks X").
    assert.deepEqual(sequence.moves, [
      { itemId: 'X', beforeItemId: 'A', blockedIds: ['A'], blockerIds: [] },
      { itemId: 'C', beforeItemId: 'X', blockedIds: ['X'], blockerIds: [] },
    ]);
    assertMovesYieldOrder(items, sequence);
  });

  it('moves a blocked item down when that takes fewer moves, naming its blockers', () => {
    const items = ranked('ABCDE');
    const sequence = sequenceBacklog(items, blocks('CA DA EA'));
    assert.deepEqual(sequence.order, ['C', 'D', 'E', 'A', 'B']);
    assert.deepEqual(sequence.moves, [
      // B moves only to keep its place below A.
      { itemId: 'B', beforeItemId: null, blockedIds: [], blockerIds: [] },
      { itemId: 'A', beforeItemId: 'B', blockedIds: [], blockerIds: ['C', 'D', 'E'] },
    ]);
    assertMovesYieldOrder(items, sequence);
  });

  it('explains a move down by a blocker that moved down itself', () => {
    const items = ranked('ABCDE');
    // C, D and E block A; A blocks B: moving A and B down beats moving three blockers up.
    const sequence = sequenceBacklog(items, blocks('CA DA EA AB'));
    assert.deepEqual(sequence.order, ['C', 'D', 'E', 'A', 'B']);
    assert.deepEqual(sequence.moves, [
      { itemId: 'B', beforeItemId: null, blockedIds: [], blockerIds: ['A'] },
      { itemId: 'A', beforeItemId: 'B', blockedIds: [], blockerIds: ['C', 'D', 'E'] },
    ]);
    assertMovesYieldOrder(items, sequence);
  });

  it('orders equal ranks by id and ignores edges to items it was not given', () => {
    const items = [
      { id: 'b', rank: 'a1' },
      { id: 'c', rank: 'a0' },
      { id: 'a', rank: 'a1' },
    ];
    const edges = [
      { from: 'done', to: 'c' },
      { from: 'b', to: 'gone' },
    ];
    assert.deepEqual(sequenceBacklog(items, edges).order, ['c', 'a', 'b']);
    const pulled = sequenceBacklog(items, [...edges, { from: 'b', to: 'a' }]);
    assert.deepEqual(pulled.order, ['c', 'b', 'a']);
    assert.deepEqual(pulled.moves, [{ itemId: 'b', beforeItemId: 'a', blockedIds: ['a'], blockerIds: [] }]);
  });

  it('names each blocked item once, in sequence order, despite duplicate edges', () => {
    const items = ranked('ABCD');
    const sequence = sequenceBacklog(items, blocks('DB DA DB DA'));
    assert.deepEqual(sequence.moves, [
      { itemId: 'D', beforeItemId: 'A', blockedIds: ['A', 'B'], blockerIds: [] },
    ]);
  });

  it('reports a cycle and places its members together, in rank order, where the best one goes', () => {
    const items = ranked('ABCDE');
    // B and D block each other; E blocks D, so it comes up above the group.
    const sequence = sequenceBacklog(items, blocks('BD DB ED'));
    assert.deepEqual(sequence.cycles, [['B', 'D']]);
    assert.deepEqual(sequence.order, ['A', 'E', 'B', 'D', 'C']);
    assertMovesYieldOrder(items, sequence);
  });

  it('reports an item blocking itself and otherwise ignores that edge', () => {
    const sequence = sequenceBacklog(ranked('ABC'), blocks('BB'));
    assert.deepEqual(sequence, { order: ['A', 'B', 'C'], moves: [], cycles: [['B']] });
  });

  it('terminates on a cycle through every item', () => {
    const count = 2000;
    const ranks = spreadRanks(null, null, count);
    const items = ranks.map((rank, i) => ({ id: `i${i}`, rank }));
    const edges = items.map((item, i) => ({ from: item.id, to: items[(i + 7) % count]!.id }));
    const sequence = sequenceBacklog(items, edges);
    assert.deepEqual(sequence.order, rankOrder(items));
    assert.equal(sequence.cycles.length, 1);
    assert.equal(sequence.cycles[0]!.length, count);
  });

  it('rejects an item listed twice', () => {
    assert.throws(() => sequenceBacklog([...ranked('AB'), ...ranked('A')], []), RangeError);
  });
});

interface Case {
  items: SequenceItem[];
  edges: SequenceEdge[];
}

/** Up to `max` items, ranks random and sometimes equal; edges from a lower to a higher id index (a DAG). */
function caseArbitrary(max: number): fc.Arbitrary<Case> {
  return fc.integer({ min: 0, max }).chain((count) =>
    fc
      .record({
        rankIndexes: fc.array(fc.nat(count), { minLength: count, maxLength: count }),
        pairs: fc.array(fc.tuple(fc.nat(count), fc.nat(count)), { maxLength: count * 2 }),
      })
      .map(({ rankIndexes, pairs }) => {
        const ranks = spreadRanks(null, null, count + 1);
        const items = rankIndexes.map((r, i) => ({ id: `i${i}`, rank: ranks[r]! }));
        const edges = pairs
          .filter(([a, b]) => a < b && b < count)
          .map(([a, b]) => ({ from: `i${a}`, to: `i${b}` }));
        return { items, edges };
      }),
  );
}

function respects(order: readonly string[], edges: readonly SequenceEdge[]): boolean {
  const position = new Map(order.map((id, i) => [id, i]));
  return edges.every((edge) => position.get(edge.from)! < position.get(edge.to)!);
}

describe('sequenceBacklog property', () => {
  it('is a permutation respecting every edge, reached by the fewest moves', () => {
    fc.assert(
      fc.property(caseArbitrary(30), ({ items, edges }) => {
        const sequence = sequenceBacklog(items, edges);
        assert.deepEqual([...sequence.order].sort(), items.map((item) => item.id).sort());
        assert.ok(respects(sequence.order, edges));
        assert.deepEqual(sequence.cycles, []);
        assertMovesYieldOrder(items, sequence);
        const rankPosition = new Map(rankOrder(items).map((id, i) => [id, i]));
        const stays = lisLength(sequence.order.map((id) => rankPosition.get(id)!));
        assert.equal(sequence.moves.length, items.length - stays);
        // Reasons are direct neighbours, each named once, on the side of the item that explains the move.
        const at = (id: string): number => sequence.order.indexOf(id);
        const has = (from: string, to: string): boolean =>
          edges.some((edge) => edge.from === from && edge.to === to);
        for (const { itemId, blockedIds, blockerIds } of sequence.moves) {
          assert.equal(new Set(blockedIds).size, blockedIds.length);
          assert.equal(new Set(blockerIds).size, blockerIds.length);
          assert.ok(blockedIds.every((id) => has(itemId, id) && at(id) > at(itemId)));
          assert.ok(blockerIds.every((id) => has(id, itemId) && at(id) < at(itemId)));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('equals the rank order, with no moves, when the rank order already respects the edges', () => {
    fc.assert(
      fc.property(caseArbitrary(30), ({ items, edges }) => {
        const order = rankOrder(items);
        assert.deepEqual(sequenceBacklog(items, []).order, order);
        const position = new Map(order.map((id, i) => [id, i]));
        const forward = edges.filter((edge) => position.get(edge.from)! < position.get(edge.to)!);
        assert.deepEqual(sequenceBacklog(items, forward), { order, moves: [], cycles: [] });
      }),
      { numRuns: 100 },
    );
  });

  it('keeps the relative order of items without dependencies', () => {
    fc.assert(
      fc.property(caseArbitrary(30), ({ items, edges }) => {
        const involved = new Set(edges.flatMap((edge) => [edge.from, edge.to]));
        const free = (id: string): boolean => !involved.has(id);
        assert.deepEqual(sequenceBacklog(items, edges).order.filter(free), rankOrder(items).filter(free));
      }),
      { numRuns: 100 },
    );
  });

  it('puts the top-ranked item as early as possible, then the next, and so on (brute force)', () => {
    fc.assert(
      fc.property(caseArbitrary(6), ({ items, edges }) => {
        const byRank = rankOrder(items);
        // Positions of the items taken in rank order: the smallest such vector over all valid orders wins.
        const key = (order: readonly string[]): number[] => byRank.map((id) => order.indexOf(id));
        const lexLess = (a: number[], b: number[]): boolean => {
          const i = a.findIndex((x, j) => x !== b[j]);
          return i >= 0 && a[i]! < b[i]!;
        };
        const best = allOrders(byRank, edges).reduce((a, b) => (lexLess(key(b), key(a)) ? b : a));
        assert.deepEqual(sequenceBacklog(items, edges).order, best);
      }),
      { numRuns: 150 },
    );
  });

  it('does not depend on the order of its inputs', () => {
    fc.assert(
      fc.property(caseArbitrary(20), fc.nat(), ({ items, edges }, seed) => {
        const shuffle = <T>(list: readonly T[]): T[] =>
          list
            .map((value, i) => ({ value, key: (i * 7919 + seed) % 10007 }))
            .sort((a, b) => a.key - b.key)
            .map(({ value }) => value);
        assert.deepEqual(sequenceBacklog(shuffle(items), shuffle(edges)), sequenceBacklog(items, edges));
      }),
      { numRuns: 100 },
    );
  });

  it('keeps cycle members together in rank order and still respects the other edges', () => {
    fc.assert(
      fc.property(caseArbitrary(12), fc.array(fc.tuple(fc.nat(11), fc.nat(11))), ({ items, edges }, back) => {
        const extra = back
          .filter(([a, b]) => b < a && a < items.length)
          .map(([a, b]) => ({ from: `i${a}`, to: `i${b}` }));
        const all = [...edges, ...extra];
        const sequence = sequenceBacklog(items, all);
        assertMovesYieldOrder(items, sequence);
        const cycleOf = new Map(sequence.cycles.flatMap((group, g) => group.map((id) => [id, g])));
        for (const group of sequence.cycles) {
          const at = sequence.order.indexOf(group[0]!);
          assert.deepEqual(sequence.order.slice(at, at + group.length), group);
          assert.deepEqual(
            group,
            rankOrder(items).filter((id) => group.includes(id)),
          );
        }
        const outside = all.filter(
          (edge) => cycleOf.get(edge.from) === undefined || cycleOf.get(edge.from) !== cycleOf.get(edge.to),
        );
        assert.ok(respects(sequence.order, outside));
      }),
      { numRuns: 200 },
    );
  });
});
