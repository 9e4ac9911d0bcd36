import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { blockersOf, type Edge, findCycle } from './dependency-graph.ts';

/** Independent acyclicity check (Kahn's topological sort). */
function isAcyclic(edges: readonly Edge[]): boolean {
  const inDegree = new Map<string, number>();
  const successors = new Map<string, string[]>();
  for (const { from, to } of edges) {
    inDegree.set(from, inDegree.get(from) ?? 0);
    inDegree.set(to, (inDegree.get(to) ?? 0) + 1);
    successors.set(from, [...(successors.get(from) ?? []), to]);
  }
  const ready = [...inDegree].filter(([, degree]) => degree === 0).map(([node]) => node);
  let visited = 0;
  while (ready.length > 0) {
    const node = ready.pop()!;
    visited++;
    for (const next of successors.get(node) ?? []) {
      const degree = inDegree.get(next)! - 1;
      inDegree.set(next, degree);
      if (degree === 0) ready.push(next);
    }
  }
  return visited === inDegree.size;
}

/** Length (in edges) of the shortest path between every pair of nodes, by Floyd–Warshall. */
function shortestPaths(nodes: readonly string[], edges: readonly Edge[]): Map<string, number> {
  const key = (a: string, b: string): string => `${a}->${b}`;
  const dist = new Map<string, number>();
  for (const { from, to } of edges) dist.set(key(from, to), 1);
  for (const k of nodes) {
    for (const i of nodes) {
      const ik = dist.get(key(i, k));
      if (ik === undefined) continue;
      for (const j of nodes) {
        const kj = dist.get(key(k, j));
        if (kj === undefined) continue;
        const ij = dist.get(key(i, j));
        if (ij === undefined || ik + kj < ij) dist.set(key(i, j), ik + kj);
      }
    }
  }
  return dist;
}

function assertIsCycleThrough(cycle: readonly string[], edges: readonly Edge[], newEdge: Edge): void {
  const all = new Set([...edges, newEdge].map(({ from, to }) => `${from}->${to}`));
  assert.equal(cycle[0], newEdge.from);
  assert.equal(cycle[1], newEdge.to);
  assert.equal(cycle.at(-1), newEdge.from);
  for (let i = 1; i < cycle.length; i++) {
    assert.ok(all.has(`${cycle[i - 1]}->${cycle[i]}`), `${cycle[i - 1]} -> ${cycle[i]} is not an edge`);
  }
}

describe('findCycle', () => {
  it('reports a self edge as [A, A]', () => {
    assert.deepEqual(findCycle([], { from: 'A', to: 'A' }), ['A', 'A']);
    assert.deepEqual(findCycle([{ from: 'A', to: 'B' }], { from: 'A', to: 'A' }), ['A', 'A']);
  });

  it('detects a 2-cycle', () => {
    assert.deepEqual(findCycle([{ from: 'B', to: 'A' }], { from: 'A', to: 'B' }), ['A', 'B', 'A']);
  });

  it('returns the cycle starting and ending with newEdge.from', () => {
    const edges = [
      { from: 'B', to: 'C' },
      { from: 'C', to: 'A' },
    ];
    assert.deepEqual(findCycle(edges, { from: 'A', to: 'B' }), ['A', 'B', 'C', 'A']);
  });

  it('returns the shortest cycle', () => {
    const edges = [
      { from: 'B', to: 'C' },
      { from: 'C', to: 'D' },
      { from: 'D', to: 'A' },
      { from: 'C', to: 'A' },
    ];
    assert.deepEqual(findCycle(edges, { from: 'A', to: 'B' }), ['A', 'B', 'C', 'A']);
  });

  it('returns null when no cycle is closed (including duplicate edges)', () => {
    assert.equal(findCycle([], { from: 'A', to: 'B' }), null);
    assert.equal(findCycle([{ from: 'A', to: 'B' }], { from: 'A', to: 'B' }), null);
    assert.equal(findCycle([{ from: 'B', to: 'C' }], { from: 'A', to: 'B' }), null);
  });

  it('has no false positives on DAG diamonds', () => {
    const edges: Edge[] = [];
    // A chain of 50 diamonds: top_i blocks left_i and right_i, both block top_{i+1}.
    for (let i = 0; i < 50; i++) {
      for (const side of ['L', 'R']) {
        edges.push({ from: `T${i}`, to: `${side}${i}` }, { from: `${side}${i}`, to: `T${i + 1}` });
      }
    }
    assert.equal(findCycle(edges, { from: 'T0', to: 'T50' }), null);
    assert.equal(findCycle(edges, { from: 'L0', to: 'R49' }), null);
    assert.equal(findCycle(edges, { from: 'T10', to: 'T11' }), null);
    assert.ok(isAcyclic([...edges, { from: 'T0', to: 'T50' }]));
    const cycle = findCycle(edges, { from: 'T1', to: 'T0' });
    assert.deepEqual(cycle, ['T1', 'T0', 'L0', 'T1']);
  });

  it('handles a chain of 10,000 nodes without overflowing the stack', () => {
    const n = 10_000;
    const edges: Edge[] = [];
    for (let i = 0; i + 1 < n; i++) edges.push({ from: `n${i}`, to: `n${i + 1}` });
    assert.equal(findCycle(edges, { from: 'n0', to: `n${n - 1}` }), null);
    const cycle = findCycle(edges, { from: `n${n - 1}`, to: 'n0' });
    assert.ok(cycle !== null);
    assert.equal(cycle.length, n + 1);
    assertIsCycleThrough(cycle, edges, { from: `n${n - 1}`, to: 'n0' });
  });

  it('handles 20,000 edges quickly', () => {
    const edges: Edge[] = [];
    for (let i = 0; i < 10_000; i++) {
      edges.push({ from: `n${i}`, to: `n${i + 1}` }, { from: `n${i}`, to: `n${(i * 7919) % 10_000}x` });
    }
    assert.equal(edges.length, 20_000);
    assert.equal(findCycle(edges, { from: 'n0', to: 'n10000' }), null);
    assert.equal(findCycle(edges, { from: 'n10000', to: 'n0' })?.length, 10_002);
  });
});

describe('blockersOf', () => {
  it('returns the direct blockers only, once each, in edge order', () => {
    const edges = [
      { from: 'C', to: 'A' },
      { from: 'B', to: 'A' },
      { from: 'D', to: 'C' },
      { from: 'C', to: 'A' },
      { from: 'A', to: 'E' },
    ];
    assert.deepEqual(blockersOf(edges, 'A'), ['C', 'B']);
    assert.deepEqual(blockersOf(edges, 'E'), ['A']);
    assert.deepEqual(blockersOf(edges, 'D'), []);
  });
});

describe('findCycle property', () => {
  it('graphs built from edges findCycle allowed stay acyclic; reported cycles are real and shortest', () => {
    const graphArbitrary = fc
      .integer({ min: 1, max: 12 })
      .chain((size) =>
        fc.tuple(
          fc.constant(size),
          fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: 60, size: 'max' }),
        ),
      );
    fc.assert(
      fc.property(graphArbitrary, ([size, pairs]) => {
        const nodes = Array.from({ length: size }, (_, i) => `v${i}`);
        const edges: Edge[] = [];
        for (const [a, b] of pairs) {
          const newEdge = { from: nodes[a]!, to: nodes[b]! };
          const cycle = findCycle(edges, newEdge);
          if (cycle === null) {
            edges.push(newEdge);
            continue;
          }
          assertIsCycleThrough(cycle, edges, newEdge);
          assert.ok(!isAcyclic([...edges, newEdge]));
          if (newEdge.from !== newEdge.to) {
            const back = shortestPaths(nodes, edges).get(`${newEdge.to}->${newEdge.from}`);
            assert.equal(cycle.length, (back ?? Number.NaN) + 2);
          }
        }
        assert.ok(isAcyclic(edges));
      }),
      { numRuns: 200 },
    );
  });
});
