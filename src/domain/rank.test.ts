import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  compareRanks,
  planRebalance,
  type RankResult,
  REBALANCE_LENGTH,
  rankBetween,
  spreadRanks,
} from './rank.ts';

interface Item {
  id: number;
  rank: string;
}

function assertStrictlyAscending(keys: readonly string[]): void {
  for (let i = 1; i < keys.length; i++) {
    assert.ok(keys[i - 1]! < keys[i]!, `keys not ascending at ${i}: ${keys[i - 1]} >= ${keys[i]}`);
  }
}

/** Applies a rebalance plan to a key list, checking its contract along the way. */
function applyPlan(keys: string[], index: number, maxLength = 12): { start: number; end: number } {
  const before = [...keys];
  const plan = planRebalance(keys, index, maxLength);
  assert.ok(plan.start <= index && index < plan.end, 'window must contain the index');
  assert.equal(plan.ranks.length, plan.end - plan.start);
  keys.splice(plan.start, plan.end - plan.start, ...plan.ranks);
  assertStrictlyAscending(keys);
  assert.deepEqual(keys.slice(0, plan.start), before.slice(0, plan.start));
  assert.deepEqual(keys.slice(plan.end), before.slice(plan.end));
  return plan;
}

/** Inserts `count` keys into the same gap (always just below the previous insert); returns them ascending. */
function hammerGap(lower: string | null, upper: string | null, count: number): RankResult[] {
  const results: RankResult[] = [];
  let top = upper;
  for (let i = 0; i < count; i++) {
    const result = rankBetween(lower, top);
    results.push(result);
    top = result.rank;
  }
  return results.reverse();
}

describe('compareRanks', () => {
  it('compares bytewise (digits < upper case < lower case)', () => {
    assert.ok(compareRanks('a0', 'a1') < 0);
    assert.ok(compareRanks('Zz', 'a0') < 0);
    assert.ok(compareRanks('a9', 'aA') < 0);
    assert.ok(compareRanks('aZ', 'aa') < 0);
    assert.ok(compareRanks('a1', 'a0V') > 0);
    assert.equal(compareRanks('a0V', 'a0V'), 0);
    assert.deepEqual(['aa', 'a0', 'aA', 'Zz', 'a0V'].sort(compareRanks), ['Zz', 'a0', 'a0V', 'aA', 'aa']);
  });
});

describe('rankBetween', () => {
  it('creates a first key and keys on either open end', () => {
    const first = rankBetween(null, null);
    assert.deepEqual(first, { rank: 'a0', requiresRebalance: false });
    assert.ok(rankBetween(first.rank, null).rank > first.rank);
    assert.ok(rankBetween(null, first.rank).rank < first.rank);
  });

  it('returns a key strictly between its bounds', () => {
    const { rank } = rankBetween('a0', 'a1');
    assert.ok('a0' < rank && rank < 'a1');
  });

  it('throws a RangeError when lower >= upper', () => {
    assert.throws(() => rankBetween('a1', 'a0'), RangeError);
    assert.throws(() => rankBetween('a0', 'a0'), RangeError);
    assert.throws(() => spreadRanks('a1', 'a0', 3), RangeError);
  });

  it('throws a RangeError for malformed keys and counts', () => {
    assert.throws(() => rankBetween('', null), RangeError);
    assert.throws(() => rankBetween('a0-', null), RangeError);
    assert.throws(() => rankBetween(null, 'a'), RangeError);
    assert.throws(() => rankBetween('a10', null), RangeError);
    assert.throws(() => spreadRanks(null, null, -1), RangeError);
    assert.throws(() => spreadRanks(null, null, 1.5), RangeError);
  });

  it('keeps keys short when inserting 10,000 times at the bottom', () => {
    let last: string | null = null;
    for (let i = 0; i < 10_000; i++) {
      const result: RankResult = rankBetween(last, null);
      assert.equal(result.requiresRebalance, false);
      assert.ok(last === null || last < result.rank);
      last = result.rank;
    }
    assert.ok(last !== null && last.length <= 5, `last key ${last} is too long`);
  });

  it('keeps keys short when inserting 10,000 times at the top', () => {
    let first: string | null = null;
    for (let i = 0; i < 10_000; i++) {
      const result: RankResult = rankBetween(null, first);
      assert.equal(result.requiresRebalance, false);
      assert.ok(first === null || result.rank < first);
      first = result.rank;
    }
    assert.ok(first !== null && first.length <= 5, `first key ${first} is too long`);
  });

  it('asks for a rebalance after repeated inserts into the same gap, which planRebalance fixes', () => {
    const results = hammerGap('a0', 'a1', 1000);
    const firstLong = results.findLastIndex((result) => result.requiresRebalance);
    assert.ok(firstLong >= 0, 'requiresRebalance never became true');
    const inserted = results.length - firstLong;
    assert.ok(inserted < 400, `took ${inserted} inserts to require a rebalance`);

    const keys = ['a0', ...results.slice(firstLong).map((result) => result.rank), 'a1'];
    assertStrictlyAscending(keys);
    const index = 1;
    assert.ok(keys[index]!.length > REBALANCE_LENGTH);
    const plan = applyPlan(keys, index);
    assert.equal(plan.start, 0);
    assert.ok(keys.slice(plan.start, plan.end).every((key) => key.length <= 12));
    assert.ok(keys[index]!.length <= 12);
  });
});

describe('spreadRanks', () => {
  it('returns count ascending keys strictly between the bounds', () => {
    fc.assert(
      fc.property(
        // Indices into the 300 base keys; the upper bound is the key after the larger one (none after the last).
        fc.integer({ min: 0, max: 299 }),
        fc.integer({ min: 0, max: 299 }),
        fc.boolean(),
        fc.boolean(),
        fc.nat(100),
        (a, b, openLower, openUpper, count) => {
          const base = spreadRanks(null, null, 300);
          const [lo, hi] = a <= b ? [a, b + 1] : [b, a + 1];
          const lower = openLower ? null : base[lo]!;
          const upper = openUpper ? null : (base[hi] ?? null);
          const keys = spreadRanks(lower, upper, count);
          assert.equal(keys.length, count);
          assertStrictlyAscending(keys);
          for (const key of keys) {
            assert.ok(lower === null || lower < key);
            assert.ok(upper === null || key < upper);
            assert.ok(key.length <= 8);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('planRebalance', () => {
  it('uses the 32-keys-each-side window when its neighbours leave room', () => {
    const base = spreadRanks(null, null, 200);
    const cluster = hammerGap(base[100]!, base[101]!, 200);
    const keys = [...base.slice(0, 101), ...cluster.map((result) => result.rank), ...base.slice(101)];
    assertStrictlyAscending(keys);
    const index = 101;
    assert.ok(keys[index]!.length > REBALANCE_LENGTH);
    const plan = applyPlan(keys, index);
    assert.deepEqual([plan.start, plan.end], [index - 32, index + 33]);
    assert.ok(keys.slice(plan.start, plan.end).every((key) => key.length <= 12));
  });

  it('widens the window until every new key fits', () => {
    const base = spreadRanks(null, null, 500);
    // A long run of long keys: a 65-key window inside it is squeezed between two long neighbours.
    const cluster = hammerGap(base[250]!, base[251]!, 700);
    const keys = [...base.slice(0, 251), ...cluster.map((result) => result.rank), ...base.slice(251)];
    const index = 251 + 350;
    const plan = applyPlan(keys, index, 6);
    assert.ok(plan.end - plan.start > 65, 'window should have grown');
    assert.ok(keys.slice(plan.start, plan.end).every((key) => key.length <= 6));
  });

  it('regenerates everything between open ends when no window fits', () => {
    const keys = ['a0', 'a0V', 'a1'];
    const plan = planRebalance(keys, 1, 1);
    assert.deepEqual(plan, { start: 0, end: 3, ranks: ['a0', 'a1', 'a2'] });
  });

  it('rejects a bad index or unsorted keys', () => {
    assert.throws(() => planRebalance(['a0', 'a1'], 2), RangeError);
    assert.throws(() => planRebalance(['a0', 'a1'], -1), RangeError);
    assert.throws(() => planRebalance(['a1', 'a0'], 0), RangeError);
    assert.throws(() => planRebalance(['a1', 'a1'], 0), RangeError);
  });
});

type Op =
  | { kind: 'insert'; position: number }
  | { kind: 'move'; from: number; to: number }
  | { kind: 'burst'; position: number; count: number };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('insert' as const), position: fc.nat() }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('move' as const), from: fc.nat(), to: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('burst' as const),
      position: fc.nat(),
      count: fc.integer({ min: 1, max: 200 }),
    }),
  },
);

describe('rank property', () => {
  it('random inserts and moves keep the same order as an array model, with unique keys', () => {
    let rebalances = 0;
    fc.assert(
      fc.property(fc.array(opArbitrary, { maxLength: 60, size: 'max' }), (ops) => {
        // The model is a plain array of ids; the "store" keeps items sorted by rank alone.
        const model: number[] = [];
        const store: Item[] = [];
        let nextId = 0;

        /** Inserts into the store by rank (binary search), failing on a duplicate key. */
        const storeInsert = (item: Item): number => {
          let lo = 0;
          let hi = store.length;
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (compareRanks(store[mid]!.rank, item.rank) < 0) lo = mid + 1;
            else hi = mid;
          }
          assert.ok(store[lo]?.rank !== item.rank, `duplicate key ${item.rank}`);
          store.splice(lo, 0, item);
          return lo;
        };

        const rebalanceIfNeeded = (result: RankResult, index: number): void => {
          assert.equal(result.requiresRebalance, result.rank.length > REBALANCE_LENGTH);
          if (!result.requiresRebalance) return;
          rebalances++;
          const orderBefore = store.map((item) => item.id);
          const plan = planRebalance(
            store.map((item) => item.rank),
            index,
          );
          assert.ok(plan.start <= index && index < plan.end);
          plan.ranks.forEach((rank, offset) => {
            assert.ok(rank.length <= 12, `rebalanced key ${rank} is too long`);
            store[plan.start + offset]!.rank = rank;
          });
          const resorted = [...store].sort((a, b) => compareRanks(a.rank, b.rank));
          assert.deepEqual(
            resorted.map((item) => item.id),
            orderBefore,
          );
        };

        const insertAt = (position: number): void => {
          const lower = store[position - 1]?.rank ?? null;
          const upper = store[position]?.rank ?? null;
          const result = rankBetween(lower, upper);
          const id = nextId++;
          const index = storeInsert({ id, rank: result.rank });
          assert.equal(index, position);
          model.splice(position, 0, id);
          rebalanceIfNeeded(result, index);
        };

        for (const op of ops) {
          if (op.kind === 'insert') {
            insertAt(op.position % (model.length + 1));
          } else if (op.kind === 'burst') {
            const position = op.position % (model.length + 1);
            for (let i = 0; i < op.count; i++) insertAt(position);
          } else if (model.length > 0) {
            const from = op.from % model.length;
            const to = op.to % model.length;
            const [item] = store.splice(from, 1);
            assert.ok(item !== undefined);
            const result = rankBetween(store[to - 1]?.rank ?? null, store[to]?.rank ?? null);
            item.rank = result.rank;
            const index = storeInsert(item);
            assert.equal(index, to);
            const [id] = model.splice(from, 1);
            model.splice(to, 0, id!);
            rebalanceIfNeeded(result, index);
          }
          assert.deepEqual(
            store.map((item) => item.id),
            model,
          );
        }

        const ranks = store.map((item) => item.rank);
        assert.equal(new Set(ranks).size, ranks.length);
        const sortedIds = [...store].sort((a, b) => compareRanks(a.rank, b.rank)).map((item) => item.id);
        assert.deepEqual(sortedIds, model);
      }),
      { numRuns: 100 },
    );
    assert.ok(rebalances > 0, 'no run exercised planRebalance');
  });
});
